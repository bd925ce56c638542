package org.larch.storage.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.larch.storage.Dbi;
import org.larch.storage.DbiFlag;
import org.larch.storage.Env;
import org.larch.storage.EnvConfig;
import org.larch.storage.EnvFlag;
import org.larch.storage.EnvInfo;
import org.larch.storage.Txn;

class StatReportTest {
    private static final EnvConfig CONFIG = EnvConfig.defaults().withFlags(EnvFlag.NOSYNC);

    @TempDir
    Path directory;

    @Test
    void figuresMatchTheDatabasesAndTheChecker() {
        try (Env env = Env.open(directory, CONFIG)) {
            fill(env);
            StatReport report = StatReport.of(env);
            CheckReport check = Checker.check(env);
            check.assertOk();
            try (Txn txn = env.txnRead()) {
                assertEquals(List.of("data", "other"), report.databases().stream().skip(1).map(DatabaseStat::name).toList());
                assertNull(report.databases().getFirst().name());
                assertEquals(env.openDbi(txn, null).stat(txn), report.databases().getFirst().stat());
                assertEquals(env.openDbi(txn, "data").stat(txn), report.databases().get(1).stat());
                assertEquals(env.openDbi(txn, "other").stat(txn), report.databases().get(2).stat());
            }
            assertEquals(env.info(), report.environment());
            assertEquals(check.freePages(), report.freeList().freePages());
            assertEquals(report.freeList().tree().entries(), report.freeList().records().size());
            assertTrue(report.freeList().freePages() > 0, "the workload left free pages");
            assertTrue(report.databases().get(1).stat().overflowPages() > 0, "the workload stored big values");
        }
    }

    @Test
    void formatIsLaidOutAsMdbStat() {
        try (Env env = Env.open(directory, CONFIG)) {
            fill(env);
            StatReport report = StatReport.of(env);
            String text = report.format();
            EnvInfo info = report.environment();
            DatabaseStat data = report.databases().get(1);
            FreeRecordStat firstRecord = report.freeList().records().getFirst();

            assertTrue(text.startsWith("Environment Info\n  Map size: " + info.maxSizeBytes() + "\n"), text);
            assertContains(text, "  File size: " + info.fileSizeBytes() + "\n  Page size: 4096\n");
            assertContains(text, "  Pages used: " + (info.lastPage() + 1) + " (" + (info.lastPage() + 1) * 4096
                    + " bytes)\n");
            assertContains(text, "  Last transaction ID: " + info.lastTxnId() + "\n  Max readers: 126\n"
                    + "  Number of readers used: 0\n");
            assertContains(text, "Freelist Status\n  Tree depth: " + report.freeList().tree().depth() + "\n");
            assertContains(text, "  Free pages: " + report.freeList().freePages() + "\n");
            assertContains(text, "    Transaction " + firstRecord.txnId() + ", " + firstRecord.pages()
                    + " pages, maxspan " + firstRecord.maxSpan() + "\n");
            assertContains(text, "Status of Main DB\n  Tree depth: 1\n  Branch pages: 0\n  Leaf pages: 1\n"
                    + "  Overflow pages: 0\n  Entries: 3\n");
            assertContains(text, "Status of data\n  Tree depth: " + data.stat().depth() + "\n  Branch pages: "
                    + data.stat().branchPages() + "\n  Leaf pages: " + data.stat().leafPages() + "\n  Overflow pages: "
                    + data.stat().overflowPages() + "\n  Entries: " + data.stat().entries() + "\n");
            assertContains(text, "Status of other\n");
            assertTrue(text.indexOf("Freelist Status") < text.indexOf("Status of Main DB"), text);
        }
    }

    @Test
    void emptyEnvironmentHasAnEmptyFreeList() {
        try (Env env = Env.open(directory, CONFIG)) {
            StatReport report = StatReport.of(env);
            assertEquals(0, report.freeList().freePages());
            assertEquals(List.of(), report.freeList().records());
            assertEquals(1, report.databases().size());
            assertContains(report.format(), "Pages used: 2 (8192 bytes)\n");
            assertContains(report.format(), "Status of Main DB\n  Tree depth: 0\n");
        }
    }

    @Test
    void maxSpanIsTheLongestRunOfConsecutivePages() {
        assertEquals(new FreeRecordStat(4, 6, 3), FreeRecordStat.of(4, new long[] {3, 4, 9, 10, 11, 20}));
        assertEquals(new FreeRecordStat(5, 1, 1), FreeRecordStat.of(5, new long[] {7}));
        assertEquals(new FreeRecordStat(6, 0, 0), FreeRecordStat.of(6, new long[0]));
    }

    /** A main-database entry, two named databases, big values and deletes across commits. */
    private static void fill(Env env) {
        Dbi main = env.openDbi(null);
        Dbi data = env.openDbi("data", DbiFlag.CREATE);
        env.openDbi("other", DbiFlag.CREATE).put(CheckerTest.bytes("only"), CheckerTest.bytes("entry"));
        main.put(CheckerTest.bytes("plain"), CheckerTest.bytes("value"));
        Random random = new Random(2);
        for (int commit = 0; commit < 8; commit++) {
            CheckerTest.commitRandomChanges(env, data, random, 300);
        }
    }

    private static void assertContains(String text, String expected) {
        assertTrue(text.contains(expected), () -> "no \"" + expected + "\" in\n" + text);
    }
}
