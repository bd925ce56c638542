package org.larch.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lean cursor of a plain database in a read transaction ({@code btree/ReadCursor}) against a
 * {@link TreeMap}: random seeks (present and absent keys), range seeks, walks of random length in
 * both directions from there, first and last, over a tree of several levels with keys of many lengths
 * and some values in overflow pages; in the byte order, in REVERSEKEY order and in INTEGERKEY order.
 */
class ReadCursorModelTest {
    private static final int KEYS = 20_000;
    private static final int OPERATIONS = 4_000;

    @TempDir
    Path dir;

    private Env env;
    private final SplittableRandom random = new SplittableRandom(0x5ca9L);

    @BeforeEach
    void open() {
        env = Env.open(dir, EnvConfig.defaults().withFlags(EnvFlag.NOSYNC));
    }

    @AfterEach
    void close() {
        env.close();
    }

    @Test
    void byteOrder() {
        check("bytes", new TreeMap<>(Arrays::compareUnsigned), this::randomKey);
    }

    @Test
    void reverseKeyOrder() {
        check("reverse", new TreeMap<>(EnvTesting.REVERSE), this::randomKey, DbiFlag.REVERSEKEY);
    }

    @Test
    void integerKeyOrder() {
        check("integers", new TreeMap<>(EnvTesting.INTEGER), this::randomLong,
                DbiFlag.INTEGERKEY);
    }

    @Test
    void anEmptyDatabaseHasNothingToSeek() {
        Dbi db = env.openDbi("empty", DbiFlag.CREATE);
        try (Txn txn = env.txnRead(); Cursor cursor = db.openCursor(txn)) {
            assertFalse(cursor.first());
            assertFalse(cursor.last());
            assertFalse(cursor.next());
            assertFalse(cursor.seek(new byte[] {1}));
            assertFalse(cursor.seekRange(new byte[] {1}));
            assertThrows(BadTxnException.class, () -> cursor.key(new ByteView()));
        }
    }

    private void check(String name, TreeMap<byte[], byte[]> model, java.util.function.Supplier<byte[]> keys,
            DbiFlag... flags) {
        DbiFlag[] all = Arrays.copyOf(flags, flags.length + 1);
        all[flags.length] = DbiFlag.CREATE;
        Dbi db = env.openDbi(name, all);
        try (Txn txn = env.txnWrite()) {
            while (model.size() < KEYS) {
                byte[] key = keys.get();
                byte[] value = randomValue();
                db.put(txn, key, value);
                model.put(key, value);
            }
            txn.commit();
        }
        try (Txn txn = env.txnRead(); Cursor cursor = db.openCursor(txn)) {
            assertTrue(cursor.first());
            assertAt(cursor, model.firstEntry());
            assertTrue(cursor.last());
            assertAt(cursor, model.lastEntry());
            for (int operation = 0; operation < OPERATIONS; operation++) {
                byte[] key = random.nextInt(3) == 0 ? keys.get() : randomPresentKey(model);
                Map.Entry<byte[], byte[]> expected;
                if (random.nextBoolean()) {
                    expected = model.containsKey(key) ? Map.entry(key, model.get(key)) : null;
                    assertEquals(expected != null, cursor.seek(key), "seek");
                } else {
                    expected = model.ceilingEntry(key);
                    assertEquals(expected != null, cursor.seekRange(key), "seekRange");
                }
                if (expected != null) {
                    assertAt(cursor, expected);
                    walk(cursor, model, expected);
                }
            }
        }
    }

    /** A few steps one way from {@code from}, each compared; at an end the cursor stays on the last pair. */
    private void walk(Cursor cursor, TreeMap<byte[], byte[]> model, Map.Entry<byte[], byte[]> from) {
        boolean forward = random.nextBoolean();
        Map.Entry<byte[], byte[]> at = from;
        for (int step = random.nextInt(80); step > 0; step--) {
            Map.Entry<byte[], byte[]> next = forward ? model.higherEntry(at.getKey()) : model.lowerEntry(at.getKey());
            assertEquals(next != null, forward ? cursor.next() : cursor.prev(), "step");
            if (next == null) {
                assertAt(cursor, at);
                return;
            }
            at = next;
            assertAt(cursor, at);
        }
    }

    private static void assertAt(Cursor cursor, Map.Entry<byte[], byte[]> expected) {
        ByteView key = new ByteView();
        ByteView value = new ByteView();
        cursor.key(key);
        cursor.value(value);
        assertArrayEquals(expected.getKey(), key.toArray(), "key through a ByteView");
        assertArrayEquals(expected.getValue(), value.toArray(), "value through a ByteView");
        assertArrayEquals(expected.getKey(), cursor.key().toArray(ValueLayout.JAVA_BYTE), "key as a segment");
        assertArrayEquals(expected.getValue(), cursor.valueBytes(), "value as a copy");
        assertEquals(1, cursor.count());
    }

    private byte[] randomPresentKey(TreeMap<byte[], byte[]> model) {
        byte[] probe = model.ceilingKey(randomKeyLike(model.firstKey().length));
        return probe != null ? probe : model.lastKey();
    }

    private byte[] randomKeyLike(int length) {
        byte[] key = new byte[length];
        random.nextBytes(key);
        return key;
    }

    /** 1 to 40 bytes, drawn from a small alphabet so that keys share prefixes often (slot prefix ties). */
    private byte[] randomKey() {
        byte[] key = new byte[1 + random.nextInt(40)];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (i < 4 ? 'a' + random.nextInt(3) : random.nextInt(256));
        }
        return key;
    }

    private byte[] randomLong() {
        byte[] key = new byte[Long.BYTES];
        random.nextBytes(key);
        return key;
    }

    /** Mostly short values; one in fifty big enough for an overflow run. */
    private byte[] randomValue() {
        byte[] value = new byte[random.nextInt(50) == 0 ? 5_000 + random.nextInt(5_000) : random.nextInt(120)];
        random.nextBytes(value);
        return value;
    }
}
