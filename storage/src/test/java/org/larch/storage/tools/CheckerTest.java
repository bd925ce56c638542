package org.larch.storage.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.larch.storage.BadTxnException;
import org.larch.storage.CorruptedException;
import org.larch.storage.Dbi;
import org.larch.storage.DbiFlag;
import org.larch.storage.Env;
import org.larch.storage.EnvConfig;
import org.larch.storage.EnvFlag;
import org.larch.storage.Txn;
import org.larch.storage.page.KeyComparator;

/** The checker on sound environments: it must find nothing, whatever the engine did. */
class CheckerTest {
    private static final EnvConfig CONFIG = EnvConfig.defaults().withFlags(EnvFlag.NOSYNC);

    @TempDir
    Path directory;

    @Test
    void emptyEnvironmentIsSound() {
        try (Env env = Env.open(directory, CONFIG)) {
            CheckReport report = Checker.check(env);
            report.assertOk();
            assertEquals(2, report.pagesTotal());
            assertEquals(0, report.pagesInTrees());
            assertEquals(0, report.freePages());
            assertEquals(1, report.databasesChecked());
            assertEquals(0, report.entries());
            assertTrue(report.warnings().isEmpty(), report::toString);
        }
    }

    @Test
    void randomWorkInSeveralDatabasesStaysSoundAfterEveryCommit() {
        Random random = new Random(7);
        try (Env env = Env.open(directory, CONFIG)) {
            Dbi[] databases = {
                env.openDbi(null), env.openDbi("alpha", DbiFlag.CREATE),
                env.openDbi("integers", DbiFlag.CREATE, DbiFlag.INTEGERKEY),
                env.openDbi("reversed", DbiFlag.CREATE, DbiFlag.REVERSEKEY)
            };
            for (int commit = 0; commit < 40; commit++) {
                try (Txn txn = env.txnWrite()) {
                    for (int change = 0; change < 150; change++) {
                        Dbi database = databases[random.nextInt(databases.length)];
                        applyRandomChange(txn, database, random);
                    }
                    txn.commit();
                }
                Checker.check(env).assertOk();
            }
            CheckReport report = Checker.check(env);
            assertEquals(4, report.databasesChecked());
            assertTrue(report.overflowPages() > 0, report::toString);
            assertEquals(report.pagesTotal() - 2, report.pagesInTrees() + report.freePages(), report::toString);
        }
    }

    @Test
    void snapshotPinnedByAnOldReaderStaysSoundWhileWritersMoveOn() {
        Random random = new Random(11);
        try (Env env = Env.open(directory, CONFIG)) {
            Dbi database = env.openDbi("data", DbiFlag.CREATE);
            commitRandomChanges(env, database, random, 300);
            try (Txn old = env.txnRead()) {
                for (int commit = 0; commit < 15; commit++) {
                    commitRandomChanges(env, database, random, 200);
                    Checker.check(env).assertOk();
                }
                CheckReport oldReport = Checker.check(old);
                oldReport.assertOk();
                assertEquals(old.id(), oldReport.txnId());
            }
            Checker.check(env).assertOk();
        }
    }

    @Test
    void droppingAndEmptyingDatabasesLeavesEverythingAccountedFor() {
        Random random = new Random(3);
        try (Env env = Env.open(directory, CONFIG)) {
            Dbi first = env.openDbi("first", DbiFlag.CREATE);
            Dbi second = env.openDbi("second", DbiFlag.CREATE);
            commitRandomChanges(env, first, random, 400);
            commitRandomChanges(env, second, random, 400);
            try (Txn txn = env.txnWrite()) {
                first.drop(txn, true);
                second.drop(txn, false);
                txn.commit();
            }
            CheckReport report = Checker.check(env);
            report.assertOk();
            assertEquals(2, report.databasesChecked());
            assertEquals(1, report.entries(), "only the emptied database's own node is left");
            assertEquals(List.of("second"), env.dbiNames());
        }
    }

    @Test
    void customOrderIsCheckedWithTheComparatorPassedByName() {
        KeyComparator descending = (a, aOffset, aLength, b, bOffset, bLength) ->
                KeyComparator.LEXICOGRAPHIC.compare(b, bOffset, bLength, a, aOffset, aLength);
        try (Env env = Env.open(directory, CONFIG)) {
            Dbi database = env.openDbi("descending", (x, y) -> Arrays.compareUnsigned(y, x), DbiFlag.CREATE);
            try (Txn txn = env.txnWrite()) {
                for (int i = 0; i < 2000; i++) {
                    database.put(txn, bytes("key" + i), bytes("value" + i));
                }
                txn.commit();
            }
            Checker.check(env, Map.of("descending", descending)).assertOk();
            CheckReport stored = Checker.check(env);
            assertFalse(stored.ok(), "the stored flags say lexicographic: the descending keys are out of order");
            assertTrue(stored.problems().getFirst().contains("of database 'descending'"), stored::toString);
        }
    }

    @Test
    void writeTransactionIsRefused() {
        try (Env env = Env.open(directory, CONFIG); Txn txn = env.txnWrite()) {
            assertThrows(BadTxnException.class, () -> Checker.check(txn));
        }
    }

    @Test
    void assertOkCarriesTheWholeReport() {
        CheckReport report = new CheckReport(5, List.of("page 9 of the main tree: broken"),
                List.of("a warning"), 10, 6, 1, 2, 1, 3);
        CorruptedException thrown = assertThrows(CorruptedException.class, report::assertOk);
        assertTrue(thrown.getMessage().contains("check of txn 5: 1 problem"), thrown.getMessage());
        assertTrue(thrown.getMessage().contains("problem: page 9 of the main tree: broken"), thrown.getMessage());
        assertTrue(thrown.getMessage().contains("warning: a warning"), thrown.getMessage());
    }

    @Test
    void checkIsFastEnoughToRunAfterEveryCommit() {
        Random random = new Random(5);
        try (Env env = Env.open(directory, CONFIG)) {
            Dbi database = env.openDbi("data", DbiFlag.CREATE);
            for (int commit = 0; commit < 10; commit++) {
                commitRandomChanges(env, database, random, 500);
            }
            for (int warmUp = 0; warmUp < 20; warmUp++) {
                Checker.check(env);
            }
            long start = System.nanoTime();
            CheckReport report = Checker.check(env);
            long micros = (System.nanoTime() - start) / 1000;
            report.assertOk();
            assertTrue(micros < report.pagesTotal() * 1000,
                    micros + " µs for " + report.pagesTotal() + " pages: more than 1 ms a page");
        }
    }

    static void commitRandomChanges(Env env, Dbi database, Random random, int changes) {
        try (Txn txn = env.txnWrite()) {
            for (int change = 0; change < changes; change++) {
                applyRandomChange(txn, database, random);
            }
            txn.commit();
        }
    }

    /** Puts (small, mid-sized or big values), overwrites and deletes, keys fitting the database's order. */
    static void applyRandomChange(Txn txn, Dbi database, Random random) {
        byte[] key = keyFor(database, random.nextInt(600));
        int kind = random.nextInt(10);
        if (kind < 3) {
            database.delete(txn, key);
        } else {
            database.put(txn, key, new byte[valueLength(kind, random)]);
        }
    }

    private static int valueLength(int kind, Random random) {
        if (kind == 9) {
            return 2100 + random.nextInt(12000);
        }
        return kind == 8 ? 400 + random.nextInt(1200) : 1 + random.nextInt(60);
    }

    private static byte[] keyFor(Dbi database, int number) {
        if ("integers".equals(database.name())) {
            return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(number * 7919L).array();
        }
        return bytes("key-" + number);
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
