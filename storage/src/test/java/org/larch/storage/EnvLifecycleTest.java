package org.larch.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.larch.storage.EnvTesting.bytes;
import static org.larch.storage.EnvTesting.key;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Abort, close and reopen, read-only opening, and files that must be refused. */
class EnvLifecycleTest {
    @TempDir
    Path dir;

    @Test
    void abortLeavesNoTrace() throws IOException {
        try (Env env = Env.open(dir)) {
            Dbi db = env.openDbi("data", DbiFlag.CREATE);
            Dbi other = env.openDbi("other", DbiFlag.CREATE);
            load(env, db, 0, 3_000);
            load(env, other, 0, 100);
            EnvInfo before = env.info();
            TreeMap<byte[], byte[]> content = content(env, db);
            long fileBytes = Files.size(dir.resolve(Env.DATA_FILE));

            try (Txn txn = env.txnWrite()) {
                for (int i = 0; i < 3_000; i += 3) {
                    db.delete(txn, key(i));
                }
                for (int i = 5_000; i < 9_000; i++) {
                    db.put(txn, key(i), new byte[i % 50 == 0 ? 9_000 : 100]);
                }
                other.drop(txn, true);
                Dbi created = env.openDbi(txn, "created-then-aborted", DbiFlag.CREATE);
                created.put(txn, key(1), bytes("gone"));
                assertEquals(4_000 + 2_000, db.stat(txn).entries());
                txn.abort();
            }

            assertEquals(before.lastPage(), env.info().lastPage());
            assertEquals(before.lastTxnId(), env.info().lastTxnId());
            assertEquals(fileBytes, Files.size(dir.resolve(Env.DATA_FILE)), "an abort writes nothing");
            assertTrue(EnvTesting.sameContent(content, content(env, db)));
            assertEquals(List.of("data", "other"), env.dbiNames());
            assertThrows(NotFoundException.class, () -> env.openDbi("created-then-aborted"));
            try (Txn txn = env.txnRead()) {
                assertEquals(100, other.stat(txn).entries(), "the dropped database is back");
            }
            EnvTesting.check(env);

            load(env, db, 3_000, 3_100);
            assertEquals(before.lastTxnId() + 1, env.info().lastTxnId(), "the next commit takes the next id");
        }
    }

    @Test
    void reopenKeepsDataFlagsAndOrder() {
        TreeMap<byte[], byte[]> plain;
        try (Env env = Env.open(dir)) {
            Dbi db = env.openDbi("data", DbiFlag.CREATE);
            Dbi reversed = env.openDbi("reversed", DbiFlag.CREATE, DbiFlag.REVERSEKEY);
            load(env, db, 0, 2_000);
            try (Txn txn = env.txnWrite()) {
                reversed.put(txn, bytes("ab"), bytes("1"));
                reversed.put(txn, bytes("ba"), bytes("2"));
                reversed.put(txn, bytes("a"), bytes("3"));
                txn.commit();
            }
            env.openDbi(null).put(bytes("unnamed key"), bytes("unnamed value"));
            plain = content(env, db);
        }
        try (Env env = Env.open(dir)) {
            assertEquals(List.of("data", "reversed"), env.dbiNames());
            assertTrue(EnvTesting.sameContent(plain, content(env, env.openDbi("data"))));
            assertThrows(IncompatibleException.class, () -> env.openDbi("reversed", DbiFlag.INTEGERKEY));
            Dbi reversed = env.openDbi("reversed");
            try (Txn txn = env.txnRead(); Cursor cursor = reversed.openCursor(txn)) {
                StringBuilder order = new StringBuilder();
                for (boolean more = cursor.first(); more; more = cursor.next()) {
                    order.append(EnvTesting.text(cursor.keyBytes())).append(' ');
                }
                assertEquals("a ba ab ", order.toString(), "REVERSEKEY order survives the reopen");
            }
            assertArrayEquals(bytes("unnamed value"), env.openDbi(null).get(bytes("unnamed key")));
            assertThrows(IncompatibleException.class, () -> env.openDbi(null).put(bytes("data"), bytes("x")),
                    "the name of a database is not a data key");
            EnvTesting.check(env);
        }
    }

    @Test
    void readOnlyEnvironmentReadsButRefusesWrites() throws IOException {
        try (Env env = Env.open(dir)) {
            load(env, env.openDbi("data", DbiFlag.CREATE), 0, 500);
        }
        byte[] fileBefore = Files.readAllBytes(dir.resolve(Env.DATA_FILE));
        try (Env env = Env.open(dir, EnvConfig.defaults().withFlags(EnvFlag.READ_ONLY))) {
            Dbi db = env.openDbi("data");
            try (Txn txn = env.txnRead()) {
                assertEquals(500, db.stat(txn).entries());
                assertArrayEquals(value(7), db.get(txn, key(7)));
            }
            assertThrows(BadTxnException.class, env::txnWrite);
            assertThrows(BadTxnException.class, () -> db.put(key(1), bytes("no")));
            assertThrows(BadTxnException.class, () -> env.openDbi("missing", DbiFlag.CREATE),
                    "a read-only environment cannot create a database");
            assertThrows(NotFoundException.class, () -> env.openDbi("missing"), "the failed create left no handle");
            try (Txn txn = env.txnRead()) {
                assertThrows(BadTxnException.class, () -> db.put(txn, key(1), bytes("no")));
            }
            EnvTesting.check(env);
        }
        assertArrayEquals(fileBefore, Files.readAllBytes(dir.resolve(Env.DATA_FILE)), "read-only changed the file");
    }

    @Test
    void readOnlyOpenOfAMissingEnvironmentFails() {
        Path missing = dir.resolve("missing");
        assertThrows(StorageException.class,
                () -> Env.open(missing, EnvConfig.defaults().withFlags(EnvFlag.READ_ONLY)));
        assertFalse(Files.exists(missing), "a read-only open creates nothing");
    }

    @Test
    void truncatedDataFileIsRefused() throws IOException {
        long lastPage;
        try (Env env = Env.open(dir)) {
            load(env, env.openDbi("data", DbiFlag.CREATE), 0, 5_000);
            lastPage = env.info().lastPage();
        }
        try (FileChannel channel = FileChannel.open(dir.resolve(Env.DATA_FILE), StandardOpenOption.WRITE)) {
            channel.truncate(lastPage * 4096);
        }
        CorruptedException e = assertThrows(CorruptedException.class, () -> Env.open(dir));
        assertTrue(e.getMessage().contains(Env.DATA_FILE) && e.getMessage().contains("shorter"), e.getMessage());
        assertThrows(CorruptedException.class, () -> Env.open(dir), "refused again: nothing was left locked");
    }

    @Test
    void secondOpenInTheSameProcessIsRefused() {
        try (Env env = Env.open(dir)) {
            StorageException e = assertThrows(StorageException.class, () -> Env.open(dir));
            assertTrue(e.getMessage().contains("already open"), e.getMessage());
            assertFalse(env.isClosed());
            load(env, env.openDbi("data", DbiFlag.CREATE), 0, 10);
        }
        try (Env env = Env.open(dir)) {
            assertNull(env.openDbi("data").get(key(11)));
            assertArrayEquals(value(3), env.openDbi("data").get(key(3)));
        }
    }

    /** Regression: a create refused in a read transaction left a registered handle to nothing. */
    @Test
    void createRefusedInAReadTransactionLeavesNoHandle() {
        try (Env env = Env.open(dir)) {
            try (Txn txn = env.txnRead()) {
                assertThrows(BadTxnException.class, () -> env.openDbi(txn, "late", DbiFlag.CREATE));
            }
            assertThrows(NotFoundException.class, () -> env.openDbi("late"));
            Dbi late = env.openDbi("late", DbiFlag.CREATE);
            late.put(key(1), bytes("one"));
            assertArrayEquals(bytes("one"), late.get(key(1)));
            assertEquals(List.of("late"), env.dbiNames());
        }
    }

    @Test
    void readerTableAndDatabaseLimits() {
        try (Env env = Env.open(dir, EnvConfig.defaults().withMaxReaders(2).withMaxDbs(2))) {
            env.openDbi("one", DbiFlag.CREATE);
            env.openDbi("two", DbiFlag.CREATE);
            DbsFullException dbsFull = assertThrows(DbsFullException.class, () -> env.openDbi("three", DbiFlag.CREATE));
            assertTrue(dbsFull.getMessage().contains("maxdbs"), dbsFull.getMessage());
            assertEquals(List.of("one", "two"), env.dbiNames(), "the refused database was not created");

            Txn first = env.txnRead();
            Txn second = env.txnRead();
            ReadersFullException full = assertThrows(ReadersFullException.class, env::txnRead);
            assertTrue(full.getMessage().contains("maxreaders"), full.getMessage());
            first.close();
            try (Txn third = env.txnRead()) {
                assertEquals(2, env.info().readersUsed());
                assertEquals(third.id(), second.id());
            }
            second.close();
            assertEquals(0, env.info().readersUsed());
        }
    }

    private static void load(Env env, Dbi db, int from, int to) {
        try (Txn txn = env.txnWrite()) {
            for (int i = from; i < to; i++) {
                db.put(txn, key(i), value(i));
            }
            txn.commit();
        }
    }

    private static byte[] value(int i) {
        return bytes("value " + i + "-".repeat(i % 300));
    }

    private static TreeMap<byte[], byte[]> content(Env env, Dbi db) {
        try (Txn txn = env.txnRead()) {
            return EnvTesting.scan(txn, db, EnvTesting.LEXICOGRAPHIC);
        }
    }
}
