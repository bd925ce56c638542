package org.larch.storage.crash;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.larch.storage.CorruptedException;
import org.larch.storage.Cursor;
import org.larch.storage.Dbi;
import org.larch.storage.DbiFlag;
import org.larch.storage.Env;
import org.larch.storage.EnvConfig;
import org.larch.storage.EnvFlag;
import org.larch.storage.EnvTesting;
import org.larch.storage.StorageException;
import org.larch.storage.Txn;
import org.larch.storage.btree.Tree;
import org.larch.storage.env.Snapshot;
import org.larch.storage.page.DbRecord;
import org.larch.storage.page.KeyComparator;
import org.larch.storage.page.PageHeader;
import org.larch.storage.tools.CheckReport;
import org.larch.storage.tools.Checker;

/**
 * {@link EnvFlag#VERIFY_CHECKSUMS}: a flipped bit in a leaf, a branch or an overflow run is reported
 * as a {@link CorruptedException} naming the file and the page, never served. Without the flag the
 * same damage is served as data, and the checker is what finds it.
 */
class ChecksumVerificationTest {
    private static final int PAGE_SIZE = 4096;
    private static final EnvConfig PLAIN = EnvConfig.defaults().withFlags(EnvFlag.NOSYNC);
    private static final EnvConfig VERIFYING = PLAIN.withFlags(EnvFlag.VERIFY_CHECKSUMS);
    private static final int ENTRIES = 3_000;

    @TempDir
    Path dir;

    @BeforeEach
    void build() {
        try (Env env = Env.open(dir, PLAIN)) {
            Dbi data = env.openDbi("data", DbiFlag.CREATE);
            try (Txn txn = env.txnWrite()) {
                for (int i = 0; i < ENTRIES; i++) {
                    data.put(txn, key(i), value(i));
                }
                data.put(txn, EnvTesting.bytes("big"), bigValue());
                txn.commit();
            }
        }
    }

    @Test
    void aFlippedBitInALeafIsAnErrorNamingFileAndPageWhenVerifying() throws IOException {
        Set<Long> pages = flipBitIn(value(1234));

        try (Env env = Env.open(dir, VERIFYING); Txn txn = env.txnRead()) {
            Dbi data = env.openDbi(txn, "data");
            CorruptedException e = assertThrows(CorruptedException.class, () -> data.get(txn, key(1234)));
            assertNamesFileAndPage(e, pages);
            assertArrayEquals(value(1), data.get(txn, key(1)), "pages that are whole still read");
            CorruptedException refused = assertThrows(CorruptedException.class, env::txnWrite,
                    "once corruption is found the environment refuses writes");
            assertTrue(refused.getMessage().contains("refuses writes"), refused.getMessage());
        }
        try (Env env = Env.open(dir, VERIFYING); Txn txn = env.txnRead();
                Cursor cursor = env.openDbi(txn, "data").openCursor(txn)) {
            CorruptedException e = assertThrows(CorruptedException.class, () -> {
                for (boolean more = cursor.first(); more; more = cursor.next()) {
                    cursor.value();
                }
            });
            assertNamesFileAndPage(e, pages);
        }
    }

    @Test
    void withoutTheFlagTheFlippedBitIsServedAndTheCheckerReportsThePage() throws IOException {
        Set<Long> pages = flipBitIn(value(1234));
        try (Env env = Env.open(dir, PLAIN)) {
            byte[] served = env.openDbi("data").get(key(1234));
            assertNotNull(served);
            assertFalse(Arrays.equals(value(1234), served), "the damaged value is served as it is");
            CheckReport report = Checker.check(env);
            assertFalse(report.ok());
            for (long page : pages) {
                assertTrue(report.problems().stream().anyMatch(problem -> problem.contains("page " + page)
                        && problem.contains("checksum")), "page " + page + ": " + report);
            }
        }
    }

    @Test
    void aFlippedBitInAnOverflowRunIsAnErrorNamingItsFirstPage() throws IOException {
        byte[] big = bigValue();
        Set<Long> pages = flipBitIn(Arrays.copyOfRange(big, 9_000, 9_100));
        assertEquals(1, pages.size());
        long flippedAt = PageHeader.SIZE + 9_050;
        long firstPage = pages.iterator().next() - flippedAt / PAGE_SIZE;
        assertTrue(firstPage < pages.iterator().next(), "the flipped bit is past the run's first page");
        try (Env env = Env.open(dir, VERIFYING); Txn txn = env.txnRead()) {
            Dbi data = env.openDbi(txn, "data");
            CorruptedException e = assertThrows(CorruptedException.class, () -> data.get(txn, EnvTesting.bytes("big")));
            assertNamesFileAndPage(e, Set.of(firstPage));
            assertTrue(e.getMessage().contains(PAGE_SIZE * 5 + " bytes"), "the run's 5 pages: " + e.getMessage());
        }
        try (Env env = Env.open(dir, PLAIN)) {
            assertFalse(Arrays.equals(big, env.openDbi("data").get(EnvTesting.bytes("big"))), "served damaged");
            assertFalse(Checker.check(env).ok());
        }
    }

    @Test
    void aFlippedBitInABranchPageStopsEveryLookupThroughIt() throws IOException {
        long root;
        try (Env env = Env.open(dir, PLAIN); Txn txn = env.txnRead()) {
            assertTrue(env.openDbi(txn, "data").stat(txn).depth() >= 2, "the tree has branch pages");
            root = rootOf(txn);
        }
        flipBitAt(root * PAGE_SIZE + PAGE_SIZE - 3);
        try (Env env = Env.open(dir, VERIFYING); Txn txn = env.txnRead()) {
            Dbi data = env.openDbi(txn, "data");
            for (int i : new int[] {0, ENTRIES / 2, ENTRIES - 1}) {
                CorruptedException e = assertThrows(CorruptedException.class, () -> data.get(txn, key(i)));
                assertNamesFileAndPage(e, Set.of(root));
            }
        }
    }

    /** No false alarms: the crash workload, verified on every read, commits and reads back exactly. */
    @Test
    void verificationPassesEverySoundPageOfABusyEnvironment() {
        Path other = dir.resolve("busy");
        CrashWorkload workload = new CrashWorkload(EnvTesting.seed("larch.crash.seed"),
                KillHarness.engineSupportsDuplicates(dir.resolve("probe")));
        CrashModel model = new CrashModel(workload);
        try (Env env = Env.open(other, VERIFYING)) {
            WorkloadDatabases databases = WorkloadDatabases.create(env, workload.duplicates());
            for (long txn = 1; txn <= 150; txn++) {
                databases.commit(workload, txn);
            }
            model.advanceTo(150);
            assertEquals(List.of(), model.differences(env));
            Checker.check(env).assertOk();
        }
    }

    /** A reader verifying pages of a file cut short underneath gets an exception; the JVM lives on. */
    @Test
    void aFileCutShortUnderAVerifyingReaderIsAnErrorNotACrash() throws IOException {
        try (Env env = Env.open(dir, VERIFYING); Txn txn = env.txnRead()) {
            Dbi data = env.openDbi(txn, "data");
            try (FileChannel channel = FileChannel.open(dir.resolve(Env.DATA_FILE), StandardOpenOption.WRITE)) {
                channel.truncate(2L * PAGE_SIZE);
            }
            StorageException e = assertThrows(StorageException.class, () -> data.get(txn, key(2_000)));
            assertTrue(e.getMessage().contains("fault") || e.getMessage().contains("truncated"), e.getMessage());
        }
    }

    private static void assertNamesFileAndPage(CorruptedException e, Set<Long> pages) {
        String message = e.getMessage();
        assertTrue(message.contains(Env.DATA_FILE), "names the file: " + message);
        assertTrue(pages.stream().anyMatch(page -> message.contains("page " + page + " ")), "names one of pages "
                + pages + ": " + message);
        assertTrue(message.contains("checksum"), message);
    }

    /**
     * Flips one bit in the middle of each copy of {@code needle} in the file, and returns the pages
     * they lie in. A value can have a stale copy: a page keeps the bytes of nodes moved off it (by a
     * split) in its free space, so the copy a lookup reads is one of them, not necessarily the first.
     */
    private Set<Long> flipBitIn(byte[] needle) throws IOException {
        byte[] file = Files.readAllBytes(dir.resolve(Env.DATA_FILE));
        Set<Long> pages = new TreeSet<>();
        for (int at = indexOf(file, needle, 0); at >= 0; at = indexOf(file, needle, at + 1)) {
            long offset = at + needle.length / 2;
            flipBitAt(offset);
            pages.add(offset / PAGE_SIZE);
        }
        assertFalse(pages.isEmpty(), "the bytes are in the file");
        return pages;
    }

    private void flipBitAt(long offset) throws IOException {
        try (FileChannel channel = FileChannel.open(dir.resolve(Env.DATA_FILE), StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            channel.read(one, offset);
            one.put(0, (byte) (one.get(0) ^ 0x10));
            channel.write(one.rewind(), offset);
        }
    }

    /** The root page of database "data", from its descriptor in the main tree. */
    private static long rootOf(Txn txn) {
        Snapshot snapshot = txn.snapshotForTools();
        MemorySegment record = new Tree(snapshot.pages(), snapshot.meta().mainDb(), KeyComparator.LEXICOGRAPHIC)
                .get(MemorySegment.ofArray(EnvTesting.bytes("data")));
        return DbRecord.decode(record, 0).rootPage;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static byte[] key(int i) {
        return String.format("key-%06d", i).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] value(int i) {
        return ("value number " + i + " of the checksum test " + "#".repeat(i % 50)).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bigValue() {
        byte[] big = new byte[20_000];
        new Random(7).nextBytes(big);
        return big;
    }
}
