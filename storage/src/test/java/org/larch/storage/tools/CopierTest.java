package org.larch.storage.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.larch.storage.EnvTesting.bytes;
import static org.larch.storage.EnvTesting.key;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.larch.storage.Cursor;
import org.larch.storage.Dbi;
import org.larch.storage.DbiFlag;
import org.larch.storage.Env;
import org.larch.storage.EnvConfig;
import org.larch.storage.EnvFlag;
import org.larch.storage.StorageException;
import org.larch.storage.Txn;

/** Hot copies, page for page and compacted: what they hold, that they open, what they refuse. */
class CopierTest {
    private static final EnvConfig CONFIG = EnvConfig.defaults().withFlags(EnvFlag.NOSYNC);

    @TempDir
    Path directory;

    @Test
    void copyUnderConcurrentWritesHoldsExactlyTheSnapshotOfItsReadTxn() throws Exception {
        Path source = directory.resolve("source");
        try (Env env = Env.open(source, CONFIG)) {
            fill(env, 2000);
            try (Writer writer = new Writer(env)) {
                long commitsDuringCopies = 0;
                for (int round = 0; round < 3; round++) {
                    writer.awaitCommits(3);
                    Path copy = directory.resolve("copy" + round);
                    Map<String, List<String>> seen;
                    long txnId;
                    try (Txn txn = env.txnRead()) {
                        long commitsBefore = writer.commits();
                        txnId = txn.id();
                        seen = scanAll(env, txn);
                        long commitsBeforeCopy = writer.commits();
                        CopyResult result = Copier.copy(env, txn, copy);
                        commitsDuringCopies += writer.commits() - commitsBeforeCopy;
                        assertEquals(txnId, result.txnId());
                        assertEquals(Files.size(copy.resolve(Env.DATA_FILE)), result.sizeBytes());
                        writer.awaitCommits(2);
                        assertTrue(writer.commits() >= commitsBefore + 2, "the writer went on during the read txn");
                    }
                    assertCopyHolds(copy, txnId, seen);
                }
                writer.rethrow();
                System.out.println("commits while the copies were written: " + commitsDuringCopies);
            }
        }
    }

    @Test
    void compactCopyUnderConcurrentWritesHoldsTheSnapshotAndIsSound() throws Exception {
        Path source = directory.resolve("source");
        try (Env env = Env.open(source, CONFIG)) {
            fill(env, 2000);
            try (Writer writer = new Writer(env)) {
                writer.awaitCommits(3);
                Map<String, List<String>> seen;
                long txnId;
                Path copy = directory.resolve("compact");
                try (Txn txn = env.txnRead()) {
                    txnId = txn.id();
                    seen = scanAll(env, txn);
                    CopyResult result = Copier.compact(env, txn, copy);
                    assertTrue(result.compacted());
                    assertEquals(txnId, result.txnId());
                }
                writer.rethrow();
                try (Env copied = Env.open(copy, CONFIG)) {
                    Checker.check(copied).assertOk();
                    try (Txn txn = copied.txnRead()) {
                        assertSameContent(seen, scanAll(copied, txn));
                    }
                }
            }
        }
    }

    @Test
    void compactCopyAfterManyDeletesIsSmallerAndKeepsPageSizeNamesAndFlags() throws Exception {
        Path source = directory.resolve("source");
        Path compact = directory.resolve("compact");
        Path plain = directory.resolve("plain");
        EnvConfig small = CONFIG.withPageSize(1024);
        try (Env env = Env.open(source, small)) {
            fill(env, 20_000);
            deleteMost(env);
            Copier.copy(env, plain);
            CopyResult result = Copier.compact(env, compact);
            long sourcePages = env.info().lastPage() + 1;
            assertTrue(result.pages() * 3 < sourcePages, result + " vs " + sourcePages + " source pages");
            assertTrue(Files.size(compact.resolve(Env.DATA_FILE)) * 3 < Files.size(plain.resolve(Env.DATA_FILE)));
            Map<String, List<String>> expected;
            try (Txn txn = env.txnRead()) {
                expected = scanAll(env, txn);
            }
            try (Env copied = Env.open(compact, small)) {
                assertEquals(1024, copied.info().pageSize());
                assertEquals(List.of("groups", "integers", "people"), copied.dbiNames());
                Checker.check(copied).assertOk();
                try (Txn txn = copied.txnRead()) {
                    assertSameContent(expected, scanAll(copied, txn));
                    assertEquals(DbiFlag.INTEGERKEY.bits, DatabaseCatalog.find(txn, "integers").flags());
                    assertEquals(0, DatabaseCatalog.find(txn, "people").flags());
                    assertEquals(DbiFlag.DUPSORT.bits, DatabaseCatalog.find(txn, "groups").flags());
                }
            }
        }
    }

    @Test
    void compactCopyFillsLeafPagesCompletely() {
        Path compact = directory.resolve("compact");
        try (Env env = Env.open(directory.resolve("source"), CONFIG)) {
            Dbi people = env.openDbi("people", DbiFlag.CREATE);
            Random random = new Random(3);
            try (Txn txn = env.txnWrite()) {
                for (int i = 0; i < 20_000; i++) {
                    people.put(txn, key(random.nextLong()), new byte[40]);
                }
                txn.commit();
            }
            Copier.compact(env, compact);
            long randomLeaves;
            try (Txn txn = env.txnRead()) {
                randomLeaves = people.stat(txn).leafPages();
            }
            try (Env copied = Env.open(compact, CONFIG); Txn txn = copied.txnRead()) {
                long leaves = copied.openDbi(txn, "people").stat(txn).leafPages();
                long perPage = (4096 - 32) / (8 + 8 + 40 + 6);
                long fullPages = (20_000 + perPage - 1) / perPage;
                assertEquals(fullPages, leaves, "leaves for " + perPage + " entries (62 bytes with its 6-byte slot) a page");
                assertTrue(leaves < randomLeaves, leaves + " vs " + randomLeaves + " after random inserts");
            }
        }
    }

    @Test
    void compactCopyInSeveralSmallTransactionsHoldsEverything() {
        Path copy = directory.resolve("copy");
        try (Env env = Env.open(directory.resolve("source"), CONFIG)) {
            fill(env, 3000);
            Map<String, List<String>> expected;
            try (Txn txn = env.txnRead()) {
                expected = scanAll(env, txn);
                CopyDestination.prepare(copy).write(file -> new CompactCopy(env, txn, 10_000).writeTo(file));
            }
            try (Env copied = Env.open(copy, CONFIG); Txn txn = copied.txnRead()) {
                Checker.check(txn).assertOk();
                assertSameContent(expected, scanAll(copied, txn));
            }
        }
    }

    @Test
    void aDatabaseInACustomOrderIsNotCompactedButCopiedPlainly() {
        Path compact = directory.resolve("compact");
        try (Env env = Env.open(directory.resolve("source"), CONFIG)) {
            Dbi backwards = env.openDbi("backwards", (a, b) -> java.util.Arrays.compareUnsigned(b, a), DbiFlag.CREATE);
            try (Txn txn = env.txnWrite()) {
                for (int i = 0; i < 100; i++) {
                    backwards.put(txn, key(i), bytes("v" + i));
                }
                txn.commit();
            }
            StorageException error = assertThrows(StorageException.class, () -> Copier.compact(env, compact));
            assertTrue(error.getMessage().contains("cannot compact database 'backwards'"), error.getMessage());
            assertFalse(Files.exists(compact.resolve(Env.DATA_FILE)));
            assertFalse(Files.exists(compact.resolve(CopyDestination.PARTIAL_FILE)));
            assertFalse(Files.exists(compact.resolve(CopyDestination.PARTIAL_FILE + CompactCopy.STAGING_SUFFIX)));
            Copier.copy(env, compact);
        }
        try (Env copied = Env.open(compact, CONFIG)) {
            Checker.check(copied, Map.of("backwards", (a, aOffset, aLength, b, bOffset, bLength)
                    -> org.larch.storage.page.KeyComparator.LEXICOGRAPHIC.compare(b, bOffset, bLength, a, aOffset,
                            aLength))).assertOk();
        }
    }

    @Test
    void emptyEnvironmentCopiesBothWays() {
        try (Env env = Env.open(directory.resolve("source"), CONFIG)) {
            assertEquals(2, Copier.copy(env, directory.resolve("plain")).pages());
            Copier.compact(env, directory.resolve("compact"));
        }
        for (String name : List.of("plain", "compact")) {
            try (Env copied = Env.open(directory.resolve(name), CONFIG)) {
                Checker.check(copied).assertOk();
                assertEquals(List.of(), copied.dbiNames());
                assertEquals(0, copied.stat().entries());
            }
        }
    }

    @Test
    void copyRefusesADestinationHoldingAnEnvironment() throws Exception {
        Path existing = directory.resolve("existing");
        try (Env other = Env.open(existing, CONFIG)) {
            other.openDbi(null).put(bytes("keep"), bytes("me"));
        }
        byte[] before = Files.readAllBytes(existing.resolve(Env.DATA_FILE));
        try (Env env = Env.open(directory.resolve("source"), CONFIG)) {
            fill(env, 10);
            StorageException plain = assertThrows(StorageException.class, () -> Copier.copy(env, existing));
            assertTrue(plain.getMessage().contains("already holds an environment"), plain.getMessage());
            StorageException compact = assertThrows(StorageException.class, () -> Copier.compact(env, existing));
            assertTrue(compact.getMessage().contains("already holds an environment"), compact.getMessage());
            assertThrows(StorageException.class, () -> Copier.copy(env, env.path()));
        }
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(existing.resolve(Env.DATA_FILE))));
    }

    @Test
    void aLeftoverPartialFileIsNamedAndNothingIsOverwritten() throws Exception {
        Path copy = directory.resolve("copy");
        Files.createDirectories(copy);
        Files.writeString(copy.resolve(CopyDestination.PARTIAL_FILE), "interrupted");
        try (Env env = Env.open(directory.resolve("source"), CONFIG)) {
            StorageException error = assertThrows(StorageException.class, () -> Copier.copy(env, copy));
            assertTrue(error.getMessage().contains(CopyDestination.PARTIAL_FILE), error.getMessage());
        }
        assertFalse(Files.exists(copy.resolve(Env.DATA_FILE)));
        assertEquals("interrupted", Files.readString(copy.resolve(CopyDestination.PARTIAL_FILE)));
    }

    @Test
    void aFailedCopyLeavesNoDataFileBehind() {
        Path copy = directory.resolve("copy");
        try (Env env = Env.open(directory.resolve("source"), CONFIG)) {
            fill(env, 100);
            Txn txn = env.txnRead();
            txn.close();
            assertThrows(StorageException.class, () -> Copier.copy(env, txn, copy));
            assertThrows(StorageException.class, () -> Copier.compact(env, txn, copy));
        }
        assertFalse(Files.exists(copy.resolve(Env.DATA_FILE)));
        assertFalse(Files.exists(copy.resolve(CopyDestination.PARTIAL_FILE)));
    }

    // ---- helpers ----

    /**
     * Unnamed-database keys, "people" (plain, big values among them), "integers" (INTEGERKEY),
     * "groups" (DUPSORT: 50 keys, many values each).
     */
    static void fill(Env env, int count) {
        Dbi main = env.openDbi(null);
        Dbi people = env.openDbi("people", DbiFlag.CREATE);
        Dbi integers = env.openDbi("integers", DbiFlag.CREATE, DbiFlag.INTEGERKEY);
        Dbi groups = env.openDbi("groups", DbiFlag.CREATE, DbiFlag.DUPSORT);
        try (Txn txn = env.txnWrite()) {
            for (int i = 0; i < count; i++) {
                people.put(txn, bytes("person" + i), i % 500 == 0 ? new byte[9000] : bytes("value of " + i));
                integers.put(txn, littleEndian(i), bytes("n" + i));
                groups.put(txn, bytes("group" + i % 50), bytes("member" + i));
                if (i % 10 == 0) {
                    main.put(txn, bytes("plain" + i), bytes("p" + i));
                }
            }
            txn.commit();
        }
    }

    private static void deleteMost(Env env) {
        Dbi people = env.openDbi("people");
        Dbi integers = env.openDbi("integers");
        Dbi groups = env.openDbi("groups");
        try (Txn txn = env.txnWrite()) {
            for (int i = 0; i < 20_000; i++) {
                if (i % 10 != 0) {
                    people.delete(txn, bytes("person" + i));
                    integers.delete(txn, littleEndian(i));
                    groups.delete(txn, bytes("group" + i % 50), bytes("member" + i));
                }
            }
            txn.commit();
        }
    }

    static byte[] littleEndian(int number) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(number).array();
    }

    /** Every database's pairs in {@code txn}, as "key value" in hex: the unnamed one under "", named ones by name. */
    static Map<String, List<String>> scanAll(Env env, Txn txn) {
        Map<String, List<String>> all = new TreeMap<>();
        List<String> main = pairs(txn, env.openDbi(txn, null));
        for (DatabaseCatalog.Entry entry : DatabaseCatalog.of(txn)) {
            String prefix = HexFormat.of().formatHex(entry.nameBytes()) + " ";
            main.removeIf(pair -> pair.startsWith(prefix));
            all.put(entry.name(), pairs(txn, env.openDbi(txn, entry.name())));
        }
        all.put("", main);
        return all;
    }

    /** Every (key, value) pair of {@code dbi} in cursor order, a DUPSORT key once per value. */
    static List<String> pairs(Txn txn, Dbi dbi) {
        List<String> pairs = new ArrayList<>();
        try (Cursor cursor = dbi.openCursor(txn)) {
            for (boolean more = cursor.first(); more; more = cursor.next()) {
                pairs.add(HexFormat.of().formatHex(cursor.keyBytes()) + " " + HexFormat.of().formatHex(cursor.valueBytes()));
            }
        }
        return pairs;
    }

    static void assertSameContent(Map<String, List<String>> expected, Map<String, List<String>> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((name, content) -> {
            assertEquals(content.size(), actual.get(name).size(), "pairs of '" + name + "'");
            assertEquals(content, actual.get(name), "content of '" + name + "'");
        });
    }

    private static void assertCopyHolds(Path copy, long txnId, Map<String, List<String>> seen) {
        try (Env copied = Env.open(copy, CONFIG)) {
            assertEquals(txnId, copied.info().lastTxnId());
            CheckReport report = Checker.check(copied);
            report.assertOk();
            assertTrue(report.warnings().isEmpty(), report::toString);
            try (Txn txn = copied.txnRead()) {
                assertSameContent(seen, scanAll(copied, txn));
            }
            copied.openDbi("people").put(bytes("after copy"), bytes("writable"));
            Checker.check(copied).assertOk();
        }
    }

    /** A thread committing puts, overwrites and deletes into all three databases until closed. */
    private static final class Writer implements AutoCloseable {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicLong commits = new AtomicLong();
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        private final Thread thread;

        Writer(Env env) {
            thread = Thread.ofPlatform().name("copy-test-writer").start(() -> run(env));
        }

        private void run(Env env) {
            Random random = new Random(11);
            Dbi main = env.openDbi(null);
            Dbi people = env.openDbi("people");
            Dbi integers = env.openDbi("integers");
            Dbi groups = env.openDbi("groups");
            try {
                while (running.get()) {
                    try (Txn txn = env.txnWrite()) {
                        for (int change = 0; change < 50; change++) {
                            int i = random.nextInt(8000);
                            if (random.nextInt(3) == 0) {
                                people.delete(txn, bytes("person" + i));
                                integers.delete(txn, littleEndian(i));
                            } else {
                                people.put(txn, bytes("person" + i), new byte[random.nextInt(200)]);
                                integers.put(txn, littleEndian(i), bytes("w" + commits.get()));
                            }
                            main.put(txn, bytes("plain" + random.nextInt(100)), bytes("c" + commits.get()));
                            groups.put(txn, bytes("group" + random.nextInt(60)), bytes("w" + random.nextInt(3000)));
                        }
                        txn.commit();
                    }
                    commits.incrementAndGet();
                }
            } catch (Throwable e) {
                failure.set(e);
            }
        }

        long commits() {
            return commits.get();
        }

        void awaitCommits(int count) throws InterruptedException {
            long target = commits.get() + count;
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (commits.get() < target && failure.get() == null && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            rethrow();
            assertTrue(commits.get() >= target, "the writer committed " + commits.get() + ", expected " + target);
        }

        void rethrow() {
            if (failure.get() != null) {
                throw new AssertionError("the writer failed", failure.get());
            }
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join();
        }
    }
}
