package org.larch.storage.dups;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.larch.storage.BadValueSizeException;
import org.larch.storage.Cursor;
import org.larch.storage.Dbi;
import org.larch.storage.DbiFlag;
import org.larch.storage.Env;
import org.larch.storage.EnvConfig;
import org.larch.storage.PutFlag;
import org.larch.storage.Txn;
import org.larch.storage.btree.Tree;
import org.larch.storage.btree.TreePath;
import org.larch.storage.env.Snapshot;
import org.larch.storage.page.DbRecord;
import org.larch.storage.page.KeyComparator;
import org.larch.storage.page.LeafPage;
import org.larch.storage.tools.Checker;

/**
 * {@link Dbi#putMultiple} on each form a key's values can take (absent, single, inline, nested),
 * appending and interleaving, with values already there, bad arguments, abort, child transactions and
 * reopen; the stored form and the Checker after each commit.
 */
class PutMultipleTest {
    private static final byte[] KEY = text("objectclass=person");

    @TempDir
    Path directory;

    private enum Form { SINGLE, INLINE, NESTED }

    @Test
    void appendsToAnAbsentKeyInTheSmallestForm() {
        try (Env env = Env.open(directory)) {
            Dbi db = index(env);
            put(env, db, text("one"), range(5, 6), 1);
            put(env, db, text("few"), range(1, 11), 10);
            put(env, db, text("many"), range(1, 5_001), 5_000);
            assertForm(env, text("one"), Form.SINGLE, range(5, 6));
            assertForm(env, text("few"), Form.INLINE, range(1, 11));
            assertForm(env, text("many"), Form.NESTED, range(1, 5_001));
            assertEntries(env, db, 5_011);
        }
    }

    @Test
    void appendsToASingleValue() {
        try (Env env = Env.open(directory)) {
            Dbi db = index(env);
            put(env, db, KEY, range(1, 2), 1);
            put(env, db, KEY, range(2, 4), 2);
            assertForm(env, KEY, Form.INLINE, range(1, 4));
            put(env, db, text("k2"), range(7, 8), 1);
            put(env, db, text("k2"), range(8, 2_008), 2_000);
            assertForm(env, text("k2"), Form.NESTED, range(7, 2_008));
            assertEntries(env, db, 2_004);
        }
    }

    /** Inline values stay inline while they fit; the batch that overflows them moves all to a nested tree. */
    @Test
    void appendsToInlineValuesUntilTheyMoveToANestedTree() {
        try (Env env = Env.open(directory)) {
            Dbi db = index(env);
            long next = 1;
            long[] all = new long[0];
            Form form = Form.INLINE;
            int batches = 0;
            while (form != Form.NESTED) {
                long[] batch = range(next, next + 20);
                put(env, db, KEY, batch, 20);
                next += 20;
                all = concat(all, batch);
                form = formOf(env, KEY);
                assertForm(env, KEY, form, all);
                batches++;
            }
            assertTrue(batches > 3, "several batches stayed inline: " + batches);
            put(env, db, KEY, range(next, next + 3_000), 3_000);
            assertForm(env, KEY, Form.NESTED, concat(all, range(next, next + 3_000)));
            assertEntries(env, db, all.length + 3_000);
        }
    }

    /** Appending to a nested tree fills its leaf pages as a sorted load does, not half full. */
    @Test
    void appendsToANestedTreeFillingPages() {
        try (Env env = Env.open(directory)) {
            Dbi db = index(env);
            put(env, db, KEY, range(1, 1_001), 1_000);
            for (long from = 1_001; from < 50_001; from += 7_000) {
                long to = Math.min(from + 7_000, 50_001);
                put(env, db, KEY, range(from, to), (int) (to - from));
            }
            assertForm(env, KEY, Form.NESTED, range(1, 50_001));
            DbRecord nested = nestedRecord(env, KEY);
            assertEquals(50_000, nested.entries);
            int perLeaf = (4096 - 32) / (LeafPage.NODE_HEADER + 8 + 6);
            long fullLeaves = (50_000 + perLeaf - 1) / perLeaf;
            assertTrue(nested.leafPages <= fullLeaves + 8, "leaves nearly full: " + nested.leafPages + " for "
                    + fullLeaves + " full ones");
        }
    }

    @Test
    void interleavedValuesAreMergedInEveryForm() {
        try (Env env = Env.open(directory)) {
            Dbi db = index(env);
            put(env, db, text("single"), new long[] {10}, 1);
            put(env, db, text("single"), new long[] {5, 10, 15}, 2);
            assertForm(env, text("single"), Form.INLINE, new long[] {5, 10, 15});

            put(env, db, text("inline"), evens(0, 20), 10);
            put(env, db, text("inline"), range(0, 25), 15);
            assertForm(env, text("inline"), Form.INLINE, range(0, 25));

            put(env, db, text("nested"), evens(0, 4_000), 2_000);
            put(env, db, text("nested"), range(1_000, 5_000), 2_500);
            long[] expected = concat(evens(0, 1_000), range(1_000, 5_000));
            assertForm(env, text("nested"), Form.NESTED, expected);
            assertEntries(env, db, 3 + 25 + expected.length);
        }
    }

    @Test
    void valuesAlreadyThereAreSkippedAndCountNothing() {
        try (Env env = Env.open(directory)) {
            Dbi db = index(env);
            put(env, db, text("single"), new long[] {3}, 1);
            put(env, db, text("inline"), range(1, 30), 29);
            put(env, db, text("nested"), range(1, 3_000), 2_999);
            put(env, db, text("single"), new long[] {3}, 0);
            put(env, db, text("inline"), range(1, 30), 0);
            put(env, db, text("nested"), range(500, 1_500), 0);
            put(env, db, text("nested"), range(2_990, 3_010), 10);
            assertForm(env, text("single"), Form.SINGLE, new long[] {3});
            assertForm(env, text("inline"), Form.INLINE, range(1, 30));
            assertForm(env, text("nested"), Form.NESTED, range(1, 3_010));
            assertEntries(env, db, 1 + 29 + 3_009);
        }
    }

    @Test
    void badArgumentsChangeNothingAndLeaveTheTransactionUsable() {
        try (Env env = Env.open(directory)) {
            Dbi db = index(env);
            Dbi plain = env.openDbi("plain", DbiFlag.CREATE, DbiFlag.DUPSORT);
            put(env, db, text("inline"), range(10, 20), 10);
            put(env, db, text("nested"), range(10, 2_010), 2_000);
            try (Txn txn = env.txnWrite()) {
                byte[] ids = pack(range(1, 4));
                assertThrows(IllegalArgumentException.class, () -> plain.putMultiple(txn, KEY, ids, 8, 3));
                assertThrows(IllegalArgumentException.class, () -> db.putMultiple(txn, KEY, ids, 8, 4));
                assertThrows(IllegalArgumentException.class, () -> db.putMultiple(txn, KEY, ids, 0, 1));
                assertThrows(IllegalArgumentException.class, () -> db.putMultiple(txn, KEY, ids, 8, -1));
                byte[] unsorted = pack(new long[] {30, 40, 35});
                assertThrows(IllegalArgumentException.class, () -> db.putMultiple(txn, text("inline"), unsorted, 8, 3));
                byte[] twice = pack(new long[] {30, 40, 40});
                assertThrows(IllegalArgumentException.class, () -> db.putMultiple(txn, text("nested"), twice, 8, 3));
                byte[] fours = new byte[] {0, 0, 0, 1, 0, 0, 0, 2};
                assertThrows(BadValueSizeException.class, () -> db.putMultiple(txn, text("inline"), fours, 4, 2));
                assertThrows(BadValueSizeException.class, () -> db.putMultiple(txn, text("nested"), fours, 4, 2));
                assertThrows(BadValueSizeException.class, () -> db.putMultiple(txn, KEY, new byte[600], 600, 1));
                assertEquals(0, db.putMultiple(txn, KEY, ids, 8, 0));
                assertNull(db.get(txn, KEY));
                assertEquals(3, db.putMultiple(txn, KEY, ids, 8, 3));
                txn.commit();
            }
            assertForm(env, text("inline"), Form.INLINE, range(10, 20));
            assertForm(env, text("nested"), Form.NESTED, range(10, 2_010));
            assertForm(env, KEY, Form.INLINE, range(1, 4));
            assertEntries(env, db, 2_013);
        }
    }

    @Test
    void anAbortUndoesItAndAChildAbortOnlyItsOwn() {
        try (Env env = Env.open(directory)) {
            Dbi db = index(env);
            put(env, db, KEY, range(1, 3_000), 2_999);
            try (Txn txn = env.txnWrite()) {
                assertEquals(5_000, db.putMultiple(txn, KEY, pack(range(3_000, 8_000)), 8, 5_000));
                assertEquals(20, db.putMultiple(txn, text("new"), pack(range(1, 21)), 8, 20));
                txn.abort();
            }
            assertForm(env, KEY, Form.NESTED, range(1, 3_000));
            try (Txn txn = env.txnRead()) {
                assertNull(db.get(txn, text("new")));
            }
            try (Txn parent = env.txnWrite()) {
                assertEquals(10, db.putMultiple(parent, KEY, pack(range(3_000, 3_010)), 8, 10));
                try (Txn child = parent.beginChild()) {
                    assertEquals(5_000, db.putMultiple(child, KEY, pack(range(3_010, 8_010)), 8, 5_000));
                    child.abort();
                }
                assertEquals(3_009, db.stat(parent).entries());
                parent.commit();
            }
            assertForm(env, KEY, Form.NESTED, range(1, 3_010));
            assertEntries(env, db, 3_009);
        }
    }

    @Test
    void whatWasPutIsThereAfterReopen() {
        try (Env env = Env.open(directory, EnvConfig.defaults().withPageSize(1024))) {
            Dbi db = index(env);
            put(env, db, text("a"), range(1, 3), 2);
            put(env, db, text("b"), range(1, 1_000), 999);
            put(env, db, text("b"), range(1_000, 1_500), 500);
        }
        try (Env env = Env.open(directory, EnvConfig.defaults().withPageSize(1024))) {
            Dbi db = index(env);
            assertForm(env, text("a"), Form.INLINE, range(1, 3));
            assertForm(env, text("b"), Form.NESTED, range(1, 1_500));
            assertEntries(env, db, 1_501);
            put(env, db, text("a"), range(3, 200), 197);
            assertForm(env, text("a"), Form.NESTED, range(1, 200));
        }
    }

    /** "Ascending" is the database's value order: here INTEGERDUP, little-endian. */
    @Test
    void valuesAscendInTheDatabasesValueOrder() {
        try (Env env = Env.open(directory)) {
            Dbi db = env.openDbi("ints", DbiFlag.CREATE, DbiFlag.DUPSORT, DbiFlag.DUPFIXED, DbiFlag.INTEGERDUP);
            try (Txn txn = env.txnWrite()) {
                assertEquals(1_000, db.putMultiple(txn, KEY, packLittleEndian(range(250, 1_250)), 8, 1_000));
                assertEquals(250, db.putMultiple(txn, KEY, packLittleEndian(range(0, 251)), 8, 251));
                assertThrows(IllegalArgumentException.class,
                        () -> db.putMultiple(txn, KEY, pack(new long[] {1, 256}), 8, 2));
                txn.commit();
            }
            Checker.check(env).assertOk();
            try (Txn txn = env.txnRead(); Cursor cursor = db.openCursor(txn)) {
                assertTrue(cursor.seek(KEY));
                assertEquals(1_250, cursor.count());
                long expected = 0;
                for (boolean more = true; more; more = cursor.nextDup()) {
                    assertEquals(expected++, ByteBuffer.wrap(cursor.valueBytes()).order(ByteOrder.LITTLE_ENDIAN).getLong());
                }
                assertEquals(1_250, expected);
            }
        }
    }

    /** Single puts after multiple ones see the same forms and sizes (no cursor needed for the size). */
    @Test
    void singlePutsMixWithMultipleOnes() {
        try (Env env = Env.open(directory)) {
            Dbi db = index(env);
            put(env, db, KEY, evens(0, 6_000), 3_000);
            try (Txn txn = env.txnWrite()) {
                assertTrue(db.put(txn, KEY, id(6_001), PutFlag.APPENDDUP));
                assertFalse(db.put(txn, KEY, id(4), PutFlag.NODUPDATA));
                assertTrue(db.put(txn, KEY, id(5), PutFlag.NODUPDATA));
                assertThrows(BadValueSizeException.class, () -> db.put(txn, KEY, new byte[] {1, 2, 3, 4}));
                txn.commit();
            }
            long[] expected = concat(concat(new long[] {0, 2, 4, 5}, evens(6, 6_000)), new long[] {6_001});
            assertForm(env, KEY, Form.NESTED, expected);
            assertEntries(env, db, 3_002);
        }
    }

    /**
     * Appends that alternate between two keys' nested trees in one transaction (single APPENDDUP puts
     * and multiple puts): each lands in its own key's tree.
     */
    @Test
    void appendsAlternatingBetweenNestedKeysStayApart() {
        try (Env env = Env.open(directory)) {
            Dbi db = index(env);
            put(env, db, text("a"), range(0, 1_000), 1_000);
            put(env, db, text("b"), range(0, 1_000), 1_000);
            try (Txn txn = env.txnWrite()) {
                for (long id = 1_000; id < 3_000; id += 10) {
                    assertTrue(db.put(txn, text("a"), id(id), PutFlag.APPENDDUP));
                    assertEquals(9, db.putMultiple(txn, text("a"), pack(range(id + 1, id + 10)), 8, 9));
                    assertEquals(9, db.putMultiple(txn, text("b"), pack(range(id, id + 9)), 8, 9));
                    assertTrue(db.put(txn, text("b"), id(id + 9), PutFlag.APPENDDUP));
                }
                txn.commit();
            }
            Checker.check(env).assertOk();
            assertForm(env, text("a"), Form.NESTED, range(0, 3_000));
            assertForm(env, text("b"), Form.NESTED, range(0, 3_000));
            assertEntries(env, db, 6_000);
        }
    }

    // ---- helpers ----

    private static Dbi index(Env env) {
        return env.openDbi("index", DbiFlag.CREATE, DbiFlag.DUPSORT, DbiFlag.DUPFIXED);
    }

    /** One putMultiple of {@code ids} in a transaction of its own, which must add {@code added}; then the Checker. */
    private static void put(Env env, Dbi db, byte[] key, long[] ids, int added) {
        try (Txn txn = env.txnWrite()) {
            assertEquals(added, db.putMultiple(txn, key, pack(ids), 8, ids.length));
            txn.commit();
        }
        Checker.check(env).assertOk();
    }

    /** The key is stored in {@code form} and holds exactly {@code ids}, in order. */
    private static void assertForm(Env env, byte[] key, Form form, long[] ids) {
        assertEquals(form, formOf(env, key));
        try (Txn txn = env.txnRead(); Cursor cursor = env.openDbi("index").openCursor(txn)) {
            assertTrue(cursor.seek(key));
            assertEquals(ids.length, cursor.count());
            List<Long> stored = new ArrayList<>();
            for (boolean more = true; more; more = cursor.nextDup()) {
                stored.add(ByteBuffer.wrap(cursor.valueBytes()).getLong());
            }
            assertArrayEquals(ids, stored.stream().mapToLong(Long::longValue).toArray());
        }
    }

    private static void assertEntries(Env env, Dbi db, long entries) {
        try (Txn txn = env.txnRead()) {
            assertEquals(entries, db.stat(txn).entries());
        }
    }

    private static Form formOf(Env env, byte[] key) {
        try (Txn txn = env.txnRead()) {
            int flags = node(txn, key, (leaf, index) -> leaf.flags(index));
            return (flags & LeafPage.DUPDATA) == 0 ? Form.SINGLE : (flags & LeafPage.SUBDB) == 0 ? Form.INLINE : Form.NESTED;
        }
    }

    private static DbRecord nestedRecord(Env env, byte[] key) {
        try (Txn txn = env.txnRead()) {
            return node(txn, key, (leaf, index) -> DbRecord.decode(leaf.inlineValue(index), 0));
        }
    }

    private interface NodeReader<T> {
        T read(LeafPage leaf, int index);
    }

    /** Reads the key's node in the "index" database of the snapshot. */
    private static <T> T node(Txn txn, byte[] key, NodeReader<T> reader) {
        Snapshot snapshot = txn.snapshotForTools();
        MemorySegment descriptor = new Tree(snapshot.pages(), snapshot.meta().mainDb(), KeyComparator.LEXICOGRAPHIC)
                .get(MemorySegment.ofArray(text("index")));
        DbRecord index = DbRecord.decode(descriptor, 0);
        TreePath path = new TreePath();
        new Tree(snapshot.pages(), index, KeyComparator.LEXICOGRAPHIC).descend(MemorySegment.ofArray(key), path);
        assertTrue(path.leafIndex() >= 0, "key present");
        return reader.read(path.leaf(), path.leafIndex());
    }

    private static long[] range(long from, long to) {
        return LongStream.range(from, to).toArray();
    }

    private static long[] evens(long from, long to) {
        return LongStream.range(from, to).filter(i -> i % 2 == 0).toArray();
    }

    private static long[] concat(long[] a, long[] b) {
        return LongStream.concat(LongStream.of(a), LongStream.of(b)).toArray();
    }

    private static byte[] pack(long[] ids) {
        return pack(ids, ByteOrder.BIG_ENDIAN);
    }

    private static byte[] packLittleEndian(long[] ids) {
        return pack(ids, ByteOrder.LITTLE_ENDIAN);
    }

    private static byte[] pack(long[] ids, ByteOrder order) {
        ByteBuffer buffer = ByteBuffer.allocate(ids.length * 8).order(order);
        LongStream.of(ids).forEach(buffer::putLong);
        return buffer.array();
    }

    private static byte[] id(long value) {
        return pack(new long[] {value});
    }

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
