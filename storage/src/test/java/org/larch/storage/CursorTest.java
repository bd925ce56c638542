package org.larch.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.larch.storage.EnvTesting.bytes;
import static org.larch.storage.EnvTesting.key;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cursors in write transactions follow changes made through any handle; deleting at a cursor leaves
 * it in the gap; APPEND fills pages; reserve hands out the value's bytes to fill.
 */
class CursorTest {
    @TempDir
    Path dir;

    private Env env;
    private Dbi db;

    @BeforeEach
    void open() {
        env = Env.open(dir, EnvConfig.defaults().withFlags(EnvFlag.NOSYNC));
        db = env.openDbi("data", DbiFlag.CREATE);
    }

    @AfterEach
    void close() {
        EnvTesting.check(env);
        env.close();
    }

    /** Keys 0, 10, 20, … 9990 committed. */
    private void loadEveryTenth() {
        try (Txn txn = env.txnWrite()) {
            for (int i = 0; i < 10_000; i += 10) {
                db.put(txn, key(i), value(i));
            }
            txn.commit();
        }
    }

    @Test
    void cursorFollowsPutsAndDeletesMadeThroughTheDbi() {
        loadEveryTenth();
        try (Txn txn = env.txnWrite(); Cursor cursor = db.openCursor(txn)) {
            assertTrue(cursor.seek(key(5_000)));
            db.put(txn, key(5_005), value(5_005));
            db.delete(txn, key(5_010));
            assertNextIs(cursor, 5_005);
            assertArrayEquals(value(5_005), cursor.valueBytes());
            assertNextIs(cursor, 5_020);
            assertArrayEquals(value(5_020), cursor.valueBytes());
            assertPrevIs(cursor, 5_005);
            assertPrevIs(cursor, 5_000);

            db.delete(txn, key(5_000));
            assertNextIs(cursor, 5_005);
            db.delete(txn, key(5_005));
            assertPrevIs(cursor, 4_990);
        }
    }

    @Test
    void cursorFollowsChangesThatSplitAndMergeItsPages() {
        loadEveryTenth();
        try (Txn txn = env.txnWrite(); Cursor cursor = db.openCursor(txn)) {
            assertTrue(cursor.seek(key(3_000)));
            for (int i = 3_001; i < 3_010; i++) {
                db.put(txn, key(i), new byte[1_500]);
            }
            for (int i = 3_010; i < 7_000; i += 10) {
                db.delete(txn, key(i));
            }
            assertNextIs(cursor, 3_001);
            for (int i = 3_002; i < 3_010; i++) {
                assertNextIs(cursor, i);
            }
            assertNextIs(cursor, 7_000);
            for (int i = 3_009; i >= 3_001; i--) {
                assertPrevIs(cursor, i);
            }
            assertPrevIs(cursor, 3_000);
            assertPrevIs(cursor, 2_990);
            txn.commit();
        }
    }

    @Test
    void cursorDeleteThenNextGivesTheFollowingKeyAndPrevThePreceding() {
        loadEveryTenth();
        try (Txn txn = env.txnWrite(); Cursor cursor = db.openCursor(txn)) {
            assertTrue(cursor.seek(key(100)));
            cursor.delete();
            assertNextIs(cursor, 110);
            cursor.delete();
            assertPrevIs(cursor, 90);
            assertNull(db.get(txn, key(100)));
            assertNull(db.get(txn, key(110)));
            assertThrows(BadTxnException.class, () -> db.openCursor(txn).key(), "an unpositioned cursor has no key");
            try (Cursor unpositioned = db.openCursor(txn)) {
                assertThrows(BadTxnException.class, unpositioned::delete, "nor anything to delete");
            }

            assertTrue(cursor.last());
            cursor.delete();
            assertFalse(cursor.next(), "nothing after the deleted last key");
            assertPrevIs(cursor, 9_980);
            assertTrue(cursor.first());
            cursor.delete();
            assertFalse(cursor.prev(), "nothing before the deleted first key");
            assertNextIs(cursor, 10);
            txn.commit();
        }
        try (Txn txn = env.txnRead()) {
            assertEquals(1_000 - 4, db.stat(txn).entries());
        }
    }

    /** Regression: a failed prev() from the gap of a deleted first key made the next prev() jump to the last key. */
    @Test
    void prevFromTheGapBeforeTheFirstKeyStaysThere() {
        loadEveryTenth();
        try (Txn txn = env.txnWrite(); Cursor cursor = db.openCursor(txn)) {
            assertTrue(cursor.first());
            cursor.delete();
            assertFalse(cursor.prev());
            assertFalse(cursor.prev(), "still nothing before the gap");
            assertNextIs(cursor, 10);
        }
    }

    /** Regression: a cursor whose tree was emptied under it forgot its place once a prev() found nothing. */
    @Test
    void cursorKeepsItsPlaceWhileTheTreeIsEmptiedAndRefilled() {
        loadEveryTenth();
        try (Txn txn = env.txnWrite(); Cursor cursor = db.openCursor(txn)) {
            assertTrue(cursor.seek(key(5_000)));
            db.drop(txn, false);
            assertFalse(cursor.prev());
            assertFalse(cursor.next());
            db.put(txn, key(10), value(10));
            db.put(txn, key(7_000), value(7_000));
            assertNextIs(cursor, 7_000);
            assertPrevIs(cursor, 10);
        }
        try (Txn txn = env.txnWrite(); Cursor cursor = db.openCursor(txn)) {
            assertTrue(cursor.seek(key(5_000)));
            db.drop(txn, false);
            assertFalse(cursor.next());
            db.put(txn, key(10), value(10));
            db.put(txn, key(7_000), value(7_000));
            assertPrevIs(cursor, 10);
        }
    }

    @Test
    void deletingEverythingThroughOneCursor() {
        loadEveryTenth();
        try (Txn txn = env.txnWrite(); Cursor cursor = db.openCursor(txn)) {
            int deleted = 0;
            for (boolean more = cursor.first(); more; more = cursor.next()) {
                assertArrayEquals(key(deleted * 10), cursor.keyBytes());
                cursor.delete();
                deleted++;
            }
            assertEquals(1_000, deleted);
            assertEquals(0, db.stat(txn).entries());
            assertEquals(0, db.stat(txn).depth(), "the tree is empty");
            assertFalse(cursor.first());
            assertFalse(cursor.last());
            txn.commit();
        }
        loadEveryTenth();
        try (Txn txn = env.txnWrite(); Cursor cursor = db.openCursor(txn)) {
            int deleted = 0;
            for (boolean more = cursor.last(); more; more = cursor.prev()) {
                assertArrayEquals(key(9_990 - deleted * 10), cursor.keyBytes());
                cursor.delete();
                deleted++;
            }
            assertEquals(1_000, deleted);
            assertEquals(0, db.stat(txn).leafPages());
            txn.commit();
        }
    }

    @Test
    void cursorPutPositionsOnTheKey() {
        loadEveryTenth();
        try (Txn txn = env.txnWrite(); Cursor cursor = db.openCursor(txn)) {
            assertTrue(cursor.put(key(55), value(55)));
            assertArrayEquals(key(55), cursor.keyBytes());
            assertArrayEquals(value(55), cursor.valueBytes());
            assertNextIs(cursor, 60);
            assertFalse(cursor.put(key(55), bytes("other"), PutFlag.NOOVERWRITE));
            assertArrayEquals(value(55), cursor.valueBytes(), "NOOVERWRITE kept the value");
        }
    }

    @Test
    void movesAtTheEndsReturnFalseAndStayPut() {
        loadEveryTenth();
        try (Txn txn = env.txnRead(); Cursor cursor = db.openCursor(txn)) {
            assertTrue(cursor.last());
            assertFalse(cursor.next());
            assertArrayEquals(key(9_990), cursor.keyBytes(), "next() at the end stays on the last key");
            assertTrue(cursor.first());
            assertFalse(cursor.prev());
            assertArrayEquals(key(0), cursor.keyBytes(), "prev() at the start stays on the first key");
            assertTrue(cursor.seekRange(key(15)));
            assertArrayEquals(key(20), cursor.keyBytes());
            assertTrue(cursor.seekRange(key(20)));
            assertArrayEquals(key(20), cursor.keyBytes());
            assertFalse(cursor.seekRange(key(9_991)));
            assertFalse(cursor.seek(key(15)));
            assertTrue(cursor.seekRange(new byte[] {0}), "a key shorter than all sorts first");
            assertArrayEquals(key(0), cursor.keyBytes());
        }
        try (Txn txn = env.txnRead(); Cursor cursor = env.openDbi("empty", DbiFlag.CREATE).openCursor(txn)) {
            assertFalse(cursor.first());
            assertFalse(cursor.last());
            assertFalse(cursor.next());
            assertFalse(cursor.prev());
            assertFalse(cursor.seekRange(key(1)));
        }
    }

    @Test
    void appendFillsPagesCompletely() {
        Dbi appended = env.openDbi("appended", DbiFlag.CREATE);
        Dbi sequential = env.openDbi("sequential", DbiFlag.CREATE);
        Dbi shuffled = env.openDbi("shuffled", DbiFlag.CREATE);
        int count = 20_000;
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(3));
        try (Txn txn = env.txnWrite()) {
            for (int i = 0; i < count; i++) {
                assertTrue(appended.put(txn, key(i), value(i), PutFlag.APPEND));
                sequential.put(txn, key(i), value(i));
                shuffled.put(txn, key(order.get(i)), value(order.get(i)));
            }
            txn.commit();
        }
        try (Txn txn = env.txnRead()) {
            Stat append = appended.stat(txn);
            Stat plain = sequential.stat(txn);
            Stat random = shuffled.stat(txn);
            System.out.printf("leaf pages for %d keys: append %d, sequential %d, shuffled %d%n", count,
                    append.leafPages(), plain.leafPages(), random.leafPages());
            assertEquals(count, append.entries());
            assertTrue(append.leafPages() * 10 <= plain.leafPages() * 6,
                    "APPEND fills pages: " + append.leafPages() + " leaves vs " + plain.leafPages());
            assertTrue(append.leafPages() < random.leafPages());
            long minimum = (long) count * (8 + 8 + value(0).length + 6) / (4096 - 32) + 1;
            assertTrue(append.leafPages() <= minimum + 1, "appended leaves are full: " + append.leafPages()
                    + " leaves, " + minimum + " would hold them all");
            assertTrue(EnvTesting.sameContent(EnvTesting.scan(txn, sequential, EnvTesting.LEXICOGRAPHIC),
                    EnvTesting.scan(txn, appended, EnvTesting.LEXICOGRAPHIC)));
        }
    }

    @Test
    void appendOutOfOrderThrowsKeyExistsAndChangesNothing() {
        try (Txn txn = env.txnWrite()) {
            db.put(txn, key(10), value(10), PutFlag.APPEND);
            db.put(txn, key(20), value(20), PutFlag.APPEND);
            assertThrows(KeyExistsException.class, () -> db.put(txn, key(15), bytes("x"), PutFlag.APPEND));
            assertThrows(KeyExistsException.class, () -> db.put(txn, key(20), bytes("x"), PutFlag.APPEND));
            assertThrows(KeyExistsException.class, () -> db.put(txn, key(5), bytes("x"), PutFlag.APPEND));
            assertArrayEquals(value(20), db.get(txn, key(20)));
            assertNull(db.get(txn, key(15)));
            db.put(txn, key(30), value(30), PutFlag.APPEND);
            txn.commit();
        }
        try (Txn txn = env.txnRead()) {
            assertEquals(3, db.stat(txn).entries(), "the transaction stayed usable and committed");
        }
    }

    /**
     * Regression: a delete of an absent key moved the writer's path without counting as a change, and
     * the next APPEND took its fast path into whatever leaf that delete had looked at.
     */
    @Test
    void appendAfterADeleteThatFoundNothing() {
        try (Txn txn = env.txnWrite()) {
            for (int i = 0; i < 2_000; i++) {
                db.put(txn, key(i * 2), value(i * 2));
            }
            db.put(txn, key(4_999), value(4_999), PutFlag.APPEND);
            assertFalse(db.delete(txn, key(1)), "absent, in the first leaf, which has room");
            db.put(txn, key(5_000), value(5_000), PutFlag.APPEND);
            assertFalse(db.delete(txn, key(3)));
            db.put(txn, key(5_001), value(5_001), PutFlag.APPEND);
            try (Cursor cursor = db.openCursor(txn)) {
                assertTrue(cursor.last());
                assertArrayEquals(key(5_001), cursor.keyBytes());
                assertPrevIs(cursor, 5_000);
                assertPrevIs(cursor, 4_999);
                assertPrevIs(cursor, 3_998);
                assertTrue(cursor.first());
                assertNextIs(cursor, 2);
            }
            txn.commit();
        }
    }

    @Test
    void reserveReturnsTheValueBytesToFill() {
        try (Txn txn = env.txnWrite()) {
            MemorySegment small = db.reserve(txn, key(1), 100);
            assertEquals(100, small.byteSize());
            assertFalse(small.isReadOnly());
            small.fill((byte) 7);
            MemorySegment big = db.reserve(txn, key(2), 20_000);
            assertEquals(20_000, big.byteSize());
            for (int i = 0; i < 20_000; i += 4) {
                big.asByteBuffer().putInt(i, i);
            }
            MemorySegment empty = db.reserve(txn, key(3), 0);
            assertEquals(0, empty.byteSize());
            assertArrayEquals(filled(100, (byte) 7), db.get(txn, key(1)));
            txn.commit();
        }
        try (Txn txn = env.txnRead()) {
            assertArrayEquals(filled(100, (byte) 7), db.get(txn, key(1)));
            ByteBuffer big = ByteBuffer.wrap(db.get(txn, key(2)));
            assertEquals(20_000, big.capacity());
            for (int i = 0; i < 20_000; i += 4) {
                assertEquals(i, big.getInt(i));
            }
            assertArrayEquals(new byte[0], db.get(txn, key(3)));
        }
    }

    @Test
    void reserveOverAnExistingBigValue() {
        try (Txn txn = env.txnWrite()) {
            db.put(txn, key(1), filled(30_000, (byte) 1));
            txn.commit();
        }
        try (Txn txn = env.txnWrite()) {
            db.reserve(txn, key(1), 10_000).fill((byte) 2);
            db.reserve(txn, key(1), 25_000).fill((byte) 3);
            db.reserve(txn, key(1), 5_000).fill((byte) 4);
            txn.commit();
        }
        try (Txn txn = env.txnRead()) {
            assertArrayEquals(filled(5_000, (byte) 4), db.get(txn, key(1)));
            assertEquals(7, db.stat(txn).overflowPages(),
                    "the 25000-byte run made in the same transaction was rewritten in place, not freed");
        }
    }

    private void assertNextIs(Cursor cursor, int expected) {
        assertTrue(cursor.next(), "next() towards " + expected);
        assertArrayEquals(key(expected), cursor.keyBytes(), "next() lands on " + expected);
    }

    private void assertPrevIs(Cursor cursor, int expected) {
        assertTrue(cursor.prev(), "prev() towards " + expected);
        assertArrayEquals(key(expected), cursor.keyBytes(), "prev() lands on " + expected);
    }

    private static byte[] value(int i) {
        return bytes(String.format("value-%08d", i));
    }

    private static byte[] filled(int length, byte fill) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, fill);
        return bytes;
    }
}
