package org.larch.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.larch.storage.EnvTesting.key;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reaching {@code maxsize} is a {@link MapFullException} for the transaction that hit it; the
 * environment stays usable, and a larger {@code maxsize} at the next open lets it grow on.
 */
class MapFullTest {
    private static final long SMALL = 1L << 20;
    private static final long LARGER = 4L << 20;
    /** Filling commit by commit: durability is not what these tests are about. */
    private static final EnvConfig UNSYNCED = EnvConfig.defaults().withFlags(EnvFlag.NOSYNC);

    @TempDir
    Path dir;

    @Test
    void fillingOneTransactionFailsItAndLeavesTheEnvironmentUsable() {
        try (Env env = Env.open(dir, EnvConfig.defaults().withMaxSizeBytes(SMALL))) {
            Dbi db = env.openDbi("data", DbiFlag.CREATE);
            putCommitted(env, db, 0, 100);
            EnvInfo before = env.info();

            Txn txn = env.txnWrite();
            MapFullException full = assertThrows(MapFullException.class, () -> {
                for (int i = 100; i < 100_000; i++) {
                    db.put(txn, key(i), value(i, 1_000));
                }
            });
            assertTrue(full.getMessage().contains("maxsize"), "names the setting to raise: " + full.getMessage());
            assertThrows(BadTxnException.class, () -> db.put(txn, key(1), value(1, 10)),
                    "a transaction that hit the limit is unusable");
            assertThrows(BadTxnException.class, txn::commit, "and cannot commit");
            txn.abort();

            assertEquals(before.lastPage(), env.info().lastPage());
            assertEquals(before.lastTxnId(), env.info().lastTxnId());
            assertTrue(env.info().fileSizeBytes() <= SMALL, "the file stays within maxsize");
            assertCommitted(env, db, 0, 100);
            putCommitted(env, db, 100, 150);
            assertCommitted(env, db, 0, 150);
            EnvTesting.check(env);
        }
    }

    @Test
    void fillingCommitByCommitThenReopeningLarger() {
        int committed;
        try (Env env = Env.open(dir, UNSYNCED.withMaxSizeBytes(SMALL))) {
            Dbi db = env.openDbi("data", DbiFlag.CREATE);
            committed = fillUntilFull(env, db, 0);
            assertTrue(committed > 100, "a megabyte holds more than 100 values of 1000 bytes: " + committed);
            assertCommitted(env, db, 0, committed);
            assertTrue(env.info().fileSizeBytes() <= SMALL, "the file stays within maxsize");
            try (Txn txn = env.txnWrite()) {
                db.put(txn, key(0), value(0, 10));
                txn.commit();
            }
            EnvTesting.check(env);
        }
        try (Env env = Env.open(dir, UNSYNCED.withMaxSizeBytes(LARGER))) {
            assertEquals(LARGER, env.info().maxSizeBytes());
            Dbi db = env.openDbi("data");
            int more = fillUntilFull(env, db, committed);
            assertTrue(more > 2 * committed, "four times the room holds more: " + committed + " then " + more);
            assertCommitted(env, db, 1, more);
            assertTrue(env.info().fileSizeBytes() <= LARGER);
            EnvTesting.check(env);
        }
        try (Env env = Env.open(dir)) {
            assertEquals(LARGER, env.info().maxSizeBytes(), "the larger maxsize was recorded");
        }
    }

    @Test
    void deletingMakesRoomAgain() {
        try (Env env = Env.open(dir, UNSYNCED.withMaxSizeBytes(SMALL))) {
            Dbi db = env.openDbi("data", DbiFlag.CREATE);
            int committed = fillUntilFull(env, db, 0);
            try (Txn txn = env.txnWrite()) {
                // from the end, leaf by leaf: each emptied leaf's copy is reused for the next one
                for (int i = committed - 1; i >= committed / 2; i--) {
                    assertTrue(db.delete(txn, key(i)));
                }
                txn.commit();
            }
            // pages freed by the deleting commit are reusable once no snapshot needs them
            for (int round = 0; round < 3; round++) {
                try (Txn txn = env.txnWrite()) {
                    db.put(txn, key(1), value(1, 1_000));
                    txn.commit();
                }
            }
            int refill = 0;
            for (int i = 0; i < committed / 4; i++) {
                try (Txn txn = env.txnWrite()) {
                    db.put(txn, key(1_000_000 + i), value(i, 1_000));
                    txn.commit();
                    refill++;
                }
            }
            assertEquals(committed / 4, refill);
            EnvTesting.check(env);
        }
    }

    @Test
    void valueLargerThanTheMapFailsCleanly() {
        try (Env env = Env.open(dir, UNSYNCED.withMaxSizeBytes(SMALL))) {
            Dbi db = env.openDbi("data", DbiFlag.CREATE);
            try (Txn txn = env.txnWrite()) {
                assertThrows(MapFullException.class, () -> db.put(txn, key(1), new byte[(int) SMALL]));
            }
            try (Txn txn = env.txnWrite()) {
                db.put(txn, key(2), value(2, 50_000));
                txn.commit();
            }
            try (Txn txn = env.txnRead()) {
                assertArrayEquals(value(2, 50_000), db.get(txn, key(2)));
            }
            EnvTesting.check(env);
        }
    }

    /** Commits one value of 1000 bytes at a time until the map is full; returns the first key not stored. */
    private static int fillUntilFull(Env env, Dbi db, int from) {
        for (int i = from; i < from + 1_000_000; i++) {
            try (Txn txn = env.txnWrite()) {
                db.put(txn, key(i), value(i, 1_000));
                txn.commit();
            } catch (MapFullException e) {
                try (Txn txn = env.txnRead()) {
                    assertNull(db.get(txn, key(i)), "the failed commit left no trace");
                }
                return i;
            }
        }
        return fail("never full");
    }

    private static void putCommitted(Env env, Dbi db, int from, int to) {
        try (Txn txn = env.txnWrite()) {
            for (int i = from; i < to; i++) {
                db.put(txn, key(i), value(i, 100));
            }
            txn.commit();
        }
    }

    private static void assertCommitted(Env env, Dbi db, int from, int to) {
        try (Txn txn = env.txnRead()) {
            for (int i = from; i < to; i++) {
                byte[] stored = db.get(txn, key(i));
                assertTrue(stored != null && stored.length > 0 && stored[0] == (byte) i, "key " + i);
            }
        }
    }

    private static byte[] value(int i, int length) {
        byte[] value = new byte[length];
        Arrays.fill(value, (byte) i);
        return value;
    }
}
