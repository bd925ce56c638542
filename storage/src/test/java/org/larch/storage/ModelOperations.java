package org.larch.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.foreign.MemorySegment;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.Random;
import java.util.TreeMap;
import org.larch.storage.btree.NodeLimits;

/**
 * The random operations of {@link RandomizedModelTest} on one database: each is done on the engine
 * and on the database's model, and every read is compared with the model. Changes to the models are
 * logged so an aborted transaction can undo them.
 */
final class ModelOperations {
    static final HexFormat HEX = HexFormat.of();

    private final Random random;
    private final int pageSize;
    private final int maxKey;
    private final Deque<Runnable> undo = new ArrayDeque<>();

    ModelOperations(Random random, int pageSize) {
        this.random = random;
        this.pageSize = pageSize;
        this.maxKey = NodeLimits.maxKeySize(pageSize);
    }

    /** One random operation on {@code db}, checked against its model. */
    void step(Txn txn, ModelDb db) {
        if (!db.usable()) {
            return;
        }
        int choice = random.nextInt(1000);
        if (choice < 330) {
            put(txn, db);
        } else if (choice < 420) {
            putNoOverwrite(txn, db);
        } else if (choice < 570) {
            delete(txn, db);
        } else if (choice < 660) {
            get(txn, db);
        } else if (choice < 750) {
            seekAndWalk(txn, db);
        } else if (choice < 790) {
            seekExact(txn, db);
        } else if (choice < 830) {
            cursorDelete(txn, db);
        } else if (choice < 885) {
            liveCursorStep(txn, db);
        } else if (choice < 900) {
            liveCursorDelete(txn, db);
        } else if (choice < 930) {
            reserve(txn, db);
        } else if (choice < 965) {
            append(txn, db);
        } else if (choice < 970) {
            appendOutOfOrder(txn, db);
        } else if (choice < 998) {
            walkAllNowAndThen(txn, db);
        } else {
            drop(txn, db);
        }
    }

    private void put(Txn txn, ModelDb db) {
        byte[] key = randomKey(db);
        byte[] value = randomValue();
        assertTrue(db.handle.put(txn, key, value));
        remember(db, key, value);
    }

    private void putNoOverwrite(Txn txn, ModelDb db) {
        byte[] key = randomKey(db);
        byte[] value = randomValue();
        boolean absent = !db.data.containsKey(key);
        assertEquals(absent, db.handle.put(txn, key, value, PutFlag.NOOVERWRITE),
                () -> db.name + ": NOOVERWRITE put of " + HEX.formatHex(key));
        if (absent) {
            remember(db, key, value);
        }
    }

    private void delete(Txn txn, ModelDb db) {
        byte[] key = random.nextBoolean() || db.data.isEmpty() ? randomKey(db) : presentKey(db);
        boolean present = db.data.containsKey(key);
        assertEquals(present, db.handle.delete(txn, key), () -> db.name + ": delete of " + HEX.formatHex(key));
        if (present) {
            remember(db, key, null);
        }
    }

    private void get(Txn txn, ModelDb db) {
        byte[] key = randomKey(db);
        assertValue(db.data.get(key), db.handle.getView(txn, key), db, key);
    }

    /** seekRange at a random key, then a few steps forward or back, each compared with the model. */
    private void seekAndWalk(Txn txn, ModelDb db) {
        byte[] key = randomKey(db);
        try (Cursor cursor = db.handle.openCursor(txn)) {
            byte[] expected = db.data.ceilingKey(key);
            assertEquals(expected != null, cursor.seekRange(key), () -> db.name + ": seekRange " + HEX.formatHex(key));
            if (expected == null) {
                return;
            }
            assertAt(cursor, db, expected);
            boolean forward = random.nextBoolean();
            for (int i = random.nextInt(30); i > 0; i--) {
                byte[] next = forward ? db.data.higherKey(expected) : db.data.lowerKey(expected);
                boolean moved = forward ? cursor.next() : cursor.prev();
                assertEquals(next != null, moved, "cursor step result");
                if (next == null) {
                    assertAt(cursor, db, expected);
                    return;
                }
                expected = next;
                assertAt(cursor, db, expected);
            }
        }
    }

    private void seekExact(Txn txn, ModelDb db) {
        byte[] key = random.nextBoolean() || db.data.isEmpty() ? randomKey(db) : presentKey(db);
        try (Cursor cursor = db.handle.openCursor(txn)) {
            boolean present = db.data.containsKey(key);
            assertEquals(present, cursor.seek(key), () -> db.name + ": seek " + HEX.formatHex(key));
            if (present) {
                assertAt(cursor, db, key);
            }
        }
    }

    /** Deletes at a cursor; next() must then give the following key, prev() the preceding one. */
    private void cursorDelete(Txn txn, ModelDb db) {
        if (db.data.isEmpty()) {
            return;
        }
        byte[] key = presentKey(db);
        try (Cursor cursor = db.handle.openCursor(txn)) {
            assertTrue(cursor.seek(key));
            byte[] after = db.data.higherKey(key);
            byte[] before = db.data.lowerKey(key);
            cursor.delete();
            remember(db, key, null);
            boolean forward = random.nextBoolean();
            byte[] expected = forward ? after : before;
            assertEquals(expected != null, forward ? cursor.next() : cursor.prev(), "step after delete");
            if (expected != null) {
                assertAt(cursor, db, expected);
            }
        }
    }

    /**
     * Moves the transaction's long-lived cursor, which has seen every change since it was put on
     * its key: next() gives the key after that one, prev() the one before, whether it is still
     * there or was deleted meanwhile.
     */
    private void liveCursorStep(Txn txn, ModelDb db) {
        if (db.live == null) {
            db.live = db.handle.openCursor(txn);
        }
        if (db.liveKey == null) {
            byte[] key = randomKey(db);
            byte[] expected = db.data.ceilingKey(key);
            assertEquals(expected != null, db.live.seekRange(key), () -> db.name + ": live seekRange");
            if (expected != null) {
                assertAt(db.live, db, expected);
                db.liveKey = expected;
            }
            return;
        }
        boolean forward = random.nextBoolean();
        byte[] expected = forward ? db.data.higherKey(db.liveKey) : db.data.lowerKey(db.liveKey);
        assertEquals(expected != null, forward ? db.live.next() : db.live.prev(), () -> db.name
                + ": live cursor " + (forward ? "next" : "prev") + " from " + HEX.formatHex(db.liveKey));
        if (expected != null) {
            assertAt(db.live, db, expected);
            db.liveKey = expected;
        }
    }

    /** Deletes at the long-lived cursor: allowed only while it stands on a key. */
    private void liveCursorDelete(Txn txn, ModelDb db) {
        if (db.live == null || db.liveKey == null) {
            liveCursorStep(txn, db);
            return;
        }
        if (db.data.containsKey(db.liveKey)) {
            db.live.delete();
            remember(db, db.liveKey, null);
        } else {
            assertThrows(BadTxnException.class, db.live::delete, "delete in the gap of a deleted key");
        }
    }

    private void reserve(Txn txn, ModelDb db) {
        byte[] key = randomKey(db);
        byte[] value = randomValue();
        MemorySegment area = db.handle.reserve(txn, key, value.length);
        assertEquals(value.length, area.byteSize(), "reserved size");
        MemorySegment.copy(MemorySegment.ofArray(value), 0, area, 0, value.length);
        remember(db, key, value);
    }

    /** An APPEND put of a key just above the greatest one. */
    private void append(Txn txn, ModelDb db) {
        byte[] key = db.data.isEmpty() ? randomKey(db) : successor(db, db.data.lastKey());
        if (key == null) {
            return;
        }
        byte[] value = randomValue();
        assertTrue(db.handle.put(txn, key, value, PutFlag.APPEND));
        remember(db, key, value);
    }

    /** An APPEND put of a key that is not the greatest must fail and change nothing. */
    private void appendOutOfOrder(Txn txn, ModelDb db) {
        if (db.data.isEmpty()) {
            return;
        }
        byte[] key = random.nextBoolean() ? db.data.firstKey() : presentKey(db);
        assertThrows(KeyExistsException.class, () -> db.handle.put(txn, key, randomValue(), PutFlag.APPEND));
        assertValue(db.data.get(key), db.handle.getView(txn, key), db, key);
    }

    private void drop(Txn txn, ModelDb db) {
        TreeMap<byte[], byte[]> before = db.data;
        Dbi handle = db.handle;
        boolean delete = random.nextBoolean();
        db.handle.drop(txn, delete);
        db.data = new TreeMap<>(db.order);
        if (delete) {
            db.exists = false;
        }
        undo.push(() -> {
            db.data = before;
            db.exists = true;
            db.handle = handle;
        });
        if (!delete) {
            assertEquals(0, db.handle.stat(txn).entries());
            try (Cursor cursor = db.handle.openCursor(txn)) {
                assertFalse(cursor.first());
            }
        }
    }


    // ---- checks ----

    /** A full walk, at a rate that keeps the steps per operation about the same in big databases. */
    private void walkAllNowAndThen(Txn txn, ModelDb db) {
        if (random.nextInt(db.data.size() / 2_000 + 1) == 0) {
            walkAll(txn, db, random.nextBoolean());
        } else {
            seekAndWalk(txn, db);
        }
    }

    void walkAll(Txn txn, ModelDb db, boolean forward) {
        try (Cursor cursor = db.handle.openCursor(txn)) {
            var expected = (forward ? db.data.navigableKeySet() : db.data.descendingKeySet()).iterator();
            for (boolean more = forward ? cursor.first() : cursor.last(); more;
                    more = forward ? cursor.next() : cursor.prev()) {
                assertTrue(expected.hasNext(), () -> db.name + ": cursor walk found more keys than the model");
                assertAt(cursor, db, expected.next());
            }
            assertFalse(expected.hasNext(), () -> db.name + ": cursor walk ended before the model");
        }
    }

    void assertAt(Cursor cursor, ModelDb db, byte[] key) {
        MemorySegment actualKey = cursor.key();
        if (actualKey.mismatch(MemorySegment.ofArray(key)) != -1) {
            fail(db.name + ": cursor at key " + HEX.formatHex(EnvTesting.copy(actualKey)) + ", expected "
                    + HEX.formatHex(key));
        }
        assertValue(db.data.get(key), cursor.value(), db, key);
    }

    private static void assertValue(byte[] expected, MemorySegment actual, ModelDb db, byte[] key) {
        if (expected == null) {
            assertNull(actual, () -> db.name + ": key " + HEX.formatHex(key) + " should be absent");
            return;
        }
        if (actual == null) {
            fail(db.name + ": key " + HEX.formatHex(key) + " is missing");
        }
        if (actual.mismatch(MemorySegment.ofArray(expected)) != -1) {
            assertArrayEquals(expected, EnvTesting.copy(actual), () -> db.name + ": value of key "
                    + HEX.formatHex(key));
        }
    }


    // ---- model changes, undone on abort ----

    /** Runs {@code undoStep} if the transaction aborts. */
    void onAbort(Runnable undoStep) {
        undo.push(undoStep);
    }

    /** Undoes the aborted transaction's changes to the models, newest first. */
    void rollBack() {
        while (!undo.isEmpty()) {
            undo.pop().run();
        }
    }

    /** The transaction committed: its changes stay. */
    void committed() {
        undo.clear();
    }

    private void remember(ModelDb db, byte[] key, byte[] value) {
        TreeMap<byte[], byte[]> data = db.data;
        byte[] previous = value == null ? data.remove(key) : data.put(key, value);
        undo.push(() -> {
            if (previous == null) {
                data.remove(key);
            } else {
                data.put(key, previous);
            }
        });
    }

    // ---- keys and values ----

    private byte[] randomKey(ModelDb db) {
        return db.keys[random.nextInt(db.keys.length)];
    }

    private byte[] presentKey(ModelDb db) {
        byte[] probe = randomKey(db);
        byte[] key = db.data.ceilingKey(probe);
        return key != null ? key : db.data.firstKey();
    }

    /** A key just above {@code last} in the database's order, or null when none is handy. */
    private byte[] successor(ModelDb db, byte[] last) {
        if (db.order == EnvTesting.INTEGER) {
            byte[] next = last.clone();
            for (int i = 0; i < next.length; i++) {
                if (++next[i] != 0) {
                    return next;
                }
            }
            return null;
        }
        if (last.length >= maxKey) {
            return null;
        }
        byte[] next = new byte[last.length + 1];
        if (db.order == EnvTesting.REVERSE) {
            System.arraycopy(last, 0, next, 1, last.length);
        } else {
            System.arraycopy(last, 0, next, 0, last.length);
        }
        return next;
    }

    byte[][] byteKeys(int count) {
        byte[][] keys = new byte[count][];
        for (int i = 0; i < count; i++) {
            int kind = random.nextInt(100);
            int length = kind < 70 ? 1 + random.nextInt(12)
                    : kind < 95 ? 13 + random.nextInt(52) : 65 + random.nextInt(maxKey - 64);
            keys[i] = new byte[length];
            random.nextBytes(keys[i]);
            if (random.nextInt(4) == 0) {
                keys[i][0] = (byte) 'k';
            }
        }
        return keys;
    }

    byte[][] integerKeys(int count) {
        byte[][] keys = new byte[count][];
        for (int i = 0; i < count; i++) {
            keys[i] = new byte[random.nextInt(4) == 0 ? 4 : 8];
            long number = random.nextInt(3) == 0 ? random.nextLong() : random.nextInt(count * 4);
            for (int b = 0; b < keys[i].length; b++) {
                keys[i][b] = (byte) (number >>> (8 * b));
            }
        }
        return keys;
    }

    private byte[] randomValue() {
        int kind = random.nextInt(100);
        int length = kind < 10 ? 0
                : kind < 65 ? 1 + random.nextInt(64)
                : kind < 88 ? 65 + random.nextInt(1000)
                : kind < 96 ? 1000 + random.nextInt(1100)
                : 2000 + random.nextInt(5 * pageSize);
        byte[] value = new byte[length];
        random.nextBytes(value);
        return value;
    }
}
