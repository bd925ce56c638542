package org.larch.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.larch.storage.EnvTesting.key;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cursors in read transactions, which take a lean path (nothing can change under them): every pair
 * comes back whole, inline and overflow values alike, as read-only views, in both directions.
 */
class ReadCursorTest {
    private static final int KEYS = 3_000;

    @TempDir
    Path dir;

    private Env env;

    @BeforeEach
    void open() {
        env = Env.open(dir, EnvConfig.defaults().withFlags(EnvFlag.NOSYNC));
    }

    @AfterEach
    void close() {
        env.close();
    }

    /** Every 7th value is big enough to need overflow pages; the rest are short. */
    private static byte[] value(int number) {
        byte[] value = new byte[number % 7 == 0 ? 9_000 + number : 1 + number % 50];
        Arrays.fill(value, (byte) number);
        value[value.length - 1] = (byte) (number >>> 8);
        return value;
    }

    private Dbi loadPlain() {
        Dbi db = env.openDbi("plain", DbiFlag.CREATE);
        try (Txn txn = env.txnWrite()) {
            for (int i = 0; i < KEYS; i++) {
                db.put(txn, key(i), value(i));
            }
            txn.commit();
        }
        return db;
    }

    @Test
    void forwardScanReadsEveryKeyAndValue() {
        Dbi db = loadPlain();
        try (Txn txn = env.txnRead(); Cursor cursor = db.openCursor(txn)) {
            int seen = 0;
            for (boolean more = cursor.first(); more; more = cursor.next()) {
                assertArrayEquals(key(seen), cursor.keyBytes());
                assertArrayEquals(value(seen), cursor.valueBytes());
                seen++;
            }
            assertEquals(KEYS, seen);
            assertArrayEquals(key(KEYS - 1), cursor.keyBytes(), "a failed next stays on the last key");
        }
    }

    @Test
    void backwardScanAndSeeksReadTheRightPairs() {
        Dbi db = loadPlain();
        try (Txn txn = env.txnRead(); Cursor cursor = db.openCursor(txn)) {
            int expected = KEYS - 1;
            for (boolean more = cursor.last(); more; more = cursor.prev()) {
                assertArrayEquals(key(expected), cursor.keyBytes());
                assertArrayEquals(value(expected), cursor.valueBytes());
                expected--;
            }
            assertEquals(-1, expected);
            assertTrue(cursor.seek(key(1_400)));
            assertArrayEquals(value(1_400), cursor.valueBytes());
            assertTrue(cursor.next());
            assertArrayEquals(key(1_401), cursor.keyBytes());
            assertArrayEquals(value(1_401), cursor.valueBytes());
        }
    }

    @Test
    void viewsAreReadOnlyAndKeepTheirPairAfterTheCursorMoves() {
        Dbi db = loadPlain();
        try (Txn txn = env.txnRead(); Cursor cursor = db.openCursor(txn)) {
            assertTrue(cursor.first());
            MemorySegment key = cursor.key();
            MemorySegment value = cursor.value();
            assertTrue(key.isReadOnly());
            assertTrue(value.isReadOnly());
            assertThrows(RuntimeException.class, () -> value.set(ValueLayout.JAVA_BYTE, 0, (byte) 1));
            assertTrue(cursor.next());
            assertTrue(cursor.next());
            assertArrayEquals(key(0), key.toArray(ValueLayout.JAVA_BYTE));
            assertArrayEquals(value(0), value.toArray(ValueLayout.JAVA_BYTE));
        }
    }

    @Test
    void unpositionedCursorRefusesToRead() {
        Dbi db = loadPlain();
        try (Txn txn = env.txnRead(); Cursor cursor = db.openCursor(txn)) {
            assertThrows(BadTxnException.class, cursor::key);
            assertThrows(BadTxnException.class, cursor::value);
            assertFalse(cursor.seek(key(KEYS + 5)));
            assertThrows(BadTxnException.class, cursor::key);
            assertTrue(cursor.next(), "next from nowhere starts at the first key");
            assertArrayEquals(key(0), cursor.keyBytes());
        }
    }

    @Test
    void dupSortScanInAReadTransactionVisitsEveryPair() {
        Dbi db = env.openDbi("dups", DbiFlag.CREATE, DbiFlag.DUPSORT);
        int[] valuesPerKey = {1, 3, 600, 2};
        try (Txn txn = env.txnWrite()) {
            for (int k = 0; k < valuesPerKey.length; k++) {
                for (int v = 0; v < valuesPerKey[k]; v++) {
                    db.put(txn, key(k), key(v));
                }
            }
            txn.commit();
        }
        try (Txn txn = env.txnRead(); Cursor cursor = db.openCursor(txn)) {
            int k = 0;
            int v = 0;
            for (boolean more = cursor.first(); more; more = cursor.next()) {
                if (v == valuesPerKey[k]) {
                    k++;
                    v = 0;
                }
                assertArrayEquals(key(k), cursor.keyBytes());
                assertArrayEquals(key(v), cursor.valueBytes());
                assertEquals(valuesPerKey[k], cursor.count());
                v++;
            }
            assertEquals(valuesPerKey.length - 1, k);
            assertEquals(valuesPerKey[k], v);
        }
    }
}
