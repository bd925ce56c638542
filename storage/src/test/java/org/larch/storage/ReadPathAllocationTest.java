package org.larch.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The read path allocates nothing: a point get into a {@link ByteView} and each cursor step of a read
 * transaction. Measured with the JVM's per-thread allocation counter over many operations (an
 * allocation assertion, not a timing one); the values read are checked too, so the operations cannot
 * be skipped. Data: 100,000 entries of 16-byte keys and 100-byte values, a three-level tree.
 */
class ReadPathAllocationTest {
    private static final int ENTRIES = 100_000;
    private static final int OPERATIONS = 100_000;
    /** Below one byte per operation: the counter's own reads and the odd JIT-time object only. */
    private static final double MAX_BYTES_PER_OPERATION = 1.0;

    private static final java.lang.foreign.ValueLayout.OfLong BIG_ENDIAN_LONG =
            java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED.withOrder(java.nio.ByteOrder.BIG_ENDIAN);
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @TempDir
    Path dir;

    private Env env;
    private Dbi dbi;

    @BeforeEach
    void load() {
        env = Env.open(dir, EnvConfig.defaults());
        dbi = env.openDbi("data", DbiFlag.CREATE);
        try (Txn txn = env.txnWrite()) {
            for (int i = 0; i < ENTRIES; i++) {
                dbi.put(txn, key(i), value(i));
            }
            txn.commit();
        }
    }

    @Test
    void pointGetsIntoAByteViewAllocateNothing() {
        try (Txn txn = env.txnRead()) {
            ByteView value = new ByteView();
            byte[] key = new byte[16];
            randomGets(txn, key, value, 300_000, 1);
            long before = THREADS.getCurrentThreadAllocatedBytes();
            long sum = randomGets(txn, key, value, OPERATIONS, 2);
            long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
            assertEquals(expectedSumOfRandomGets(OPERATIONS, 2), sum, "the values read");
            assertBelowLimit(allocated, "get");
        } finally {
            env.close();
        }
    }

    @Test
    void cursorStepsOverEveryLeafAllocateNothing() {
        try (Txn txn = env.txnRead(); Cursor cursor = dbi.openCursor(txn)) {
            ByteView key = new ByteView();
            ByteView value = new ByteView();
            scan(cursor, key, value, true);
            scan(cursor, key, value, false);
            scan(cursor, key, value, true);
            long before = THREADS.getCurrentThreadAllocatedBytes();
            long forward = scan(cursor, key, value, true);
            long backward = scan(cursor, key, value, false);
            long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
            assertEquals(expectedScanSum(), forward, "the keys and values read forward");
            assertEquals(expectedScanSum(), backward, "the keys and values read backward");
            assertBelowLimit(allocated / 2, "cursor step");
        } finally {
            env.close();
        }
    }

    /**
     * An index lookup in a DUPSORT + DUPFIXED database: seek to a random key, then its ids a page at a
     * time through {@link Cursor#getMultiple(ByteView)} / {@link Cursor#nextMultiple(ByteView)}. Keys
     * with 100 ids (inline sub-pages) and one with 3,000 (a nested tree, read into the cursor's buffer).
     */
    @Test
    void indexLookupsThroughGetMultipleAllocateNothing() {
        Dbi index = env.openDbi("index", DbiFlag.CREATE, DbiFlag.DUPSORT, DbiFlag.DUPFIXED);
        int keys = 2_000;
        try (Txn txn = env.txnWrite()) {
            for (int k = 0; k < keys; k++) {
                int ids = k == 7 ? 3_000 : 100;
                for (int id = 0; id < ids; id++) {
                    index.put(txn, key(k), ByteBuffer.allocate(8).putLong((long) k * 10_000 + id).array());
                }
            }
            txn.commit();
        }
        try (Txn txn = env.txnRead(); Cursor cursor = index.openCursor(txn)) {
            ByteView ids = new ByteView();
            byte[] key = new byte[16];
            indexLookups(cursor, key, ids, keys, 20_000, 1);
            long before = THREADS.getCurrentThreadAllocatedBytes();
            long sum = indexLookups(cursor, key, ids, keys, OPERATIONS, 2);
            long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
            assertEquals(expectedIndexSum(keys, OPERATIONS, 2), sum, "the ids read");
            assertBelowLimit(allocated, "index lookup");
        } finally {
            env.close();
        }
    }

    private static long indexLookups(Cursor cursor, byte[] key, ByteView ids, int keys, int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long sum = 0;
        for (int n = 0; n < count; n++) {
            int k = n % 50 == 0 ? 7 : random.nextInt(keys);
            writeKey(k, key);
            if (!cursor.seek(key)) {
                throw new AssertionError("key " + k + " not found");
            }
            cursor.getMultiple(ids);
            do {
                for (long at = 0; at < ids.length(); at += 8) {
                    sum += ids.segment().get(BIG_ENDIAN_LONG, ids.offset() + at);
                }
            } while (cursor.nextMultiple(ids));
        }
        return sum;
    }

    private static long expectedIndexSum(int keys, int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long sum = 0;
        for (int n = 0; n < count; n++) {
            int k = n % 50 == 0 ? 7 : random.nextInt(keys);
            int ids = k == 7 ? 3_000 : 100;
            sum += (long) k * 10_000 * ids + (long) ids * (ids - 1) / 2;
        }
        return sum;
    }

    @Test
    void getOfAnAbsentKeyLeavesTheViewAndSaysFalse() {
        try (Txn txn = env.txnRead()) {
            ByteView value = new ByteView();
            assertTrue(dbi.get(txn, key(7), value));
            assertFalse(dbi.get(txn, key(ENTRIES + 1), value));
            assertEquals(value(7)[0], value.byteAt(0));
            assertEquals(100, value.length());
        } finally {
            env.close();
        }
    }

    private long randomGets(Txn txn, byte[] key, ByteView value, int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long sum = 0;
        for (int n = 0; n < count; n++) {
            int index = random.nextInt(ENTRIES);
            writeKey(index, key);
            if (!dbi.get(txn, key, value)) {
                throw new AssertionError("key " + index + " not found");
            }
            sum += value.byteAt(0) + value.byteAt(value.length() - 1) + value.length();
        }
        return sum;
    }

    /** Walks all entries one way (every step crosses leaves in turn): a sum of key and value bytes. */
    private static long scan(Cursor cursor, ByteView key, ByteView value, boolean forward) {
        long sum = 0;
        int entries = 0;
        for (boolean more = forward ? cursor.first() : cursor.last(); more; more = forward ? cursor.next() : cursor.prev()) {
            cursor.key(key);
            cursor.value(value);
            sum += key.byteAt(15) + value.byteAt(0) + value.byteAt(value.length() - 1);
            entries++;
        }
        if (entries != ENTRIES) {
            throw new AssertionError("the scan saw " + entries + " entries, not " + ENTRIES);
        }
        return sum;
    }

    private static long expectedScanSum() {
        long sum = 0;
        for (int index = 0; index < ENTRIES; index++) {
            byte[] value = value(index);
            sum += key(index)[15] + value[0] + value[value.length - 1];
        }
        return sum;
    }

    private static long expectedSumOfRandomGets(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long sum = 0;
        for (int n = 0; n < count; n++) {
            byte[] value = value(random.nextInt(ENTRIES));
            sum += value[0] + value[value.length - 1] + value.length;
        }
        return sum;
    }

    private static void assertBelowLimit(long allocatedBytes, String operation) {
        double perOperation = (double) allocatedBytes / OPERATIONS;
        assertTrue(perOperation < MAX_BYTES_PER_OPERATION, "each " + operation + " allocated " + perOperation
                + " bytes on average (" + allocatedBytes + " over " + OPERATIONS + "); the read path must allocate nothing");
    }

    static byte[] key(int index) {
        byte[] key = new byte[16];
        writeKey(index, key);
        return key;
    }

    private static void writeKey(int index, byte[] key) {
        for (int i = 0; i < 8; i++) {
            key[i] = (byte) ('k' + i);
        }
        for (int i = 15; i >= 8; i--) {
            key[i] = (byte) ('0' + index % 10);
            index /= 10;
        }
    }

    static byte[] value(int index) {
        ByteBuffer value = ByteBuffer.allocate(100);
        for (int i = 0; i < 25; i++) {
            value.putInt(index * 31 + i);
        }
        return value.array();
    }
}
