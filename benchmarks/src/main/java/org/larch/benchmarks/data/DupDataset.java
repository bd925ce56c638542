package org.larch.benchmarks.data;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The index-like data set: {@code keyCount} distinct {@value Dataset#KEY_BYTES}-byte keys (ascending),
 * each with {@code idsPerKey} distinct positive 8-byte ids (ascending), stored big-endian so that
 * byte order is numeric order, as an attribute index maps a value to sorted entry ids.
 */
public final class DupDataset {
    public static final int ID_BYTES = Long.BYTES;

    private final int keyCount;
    private final int idsPerKey;
    private final byte[] keys;
    private final long[] ids;

    private DupDataset(int keyCount, int idsPerKey, byte[] keys, long[] ids) {
        this.keyCount = keyCount;
        this.idsPerKey = idsPerKey;
        this.keys = keys;
        this.ids = ids;
    }

    public static DupDataset generate(int keyCount, int idsPerKey, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] keys = RandomKeys.sortedDistinct(keyCount, Dataset.KEY_BYTES, random);
        long[] ids = new long[Math.multiplyExact(keyCount, idsPerKey)];
        for (int key = 0; key < keyCount; key++) {
            fillSortedDistinct(ids, key * idsPerKey, idsPerKey, random);
        }
        return new DupDataset(keyCount, idsPerKey, keys, ids);
    }

    public int keyCount() {
        return keyCount;
    }

    public int idsPerKey() {
        return idsPerKey;
    }

    public void keyInto(int keyIndex, byte[] target) {
        System.arraycopy(keys, keyIndex * Dataset.KEY_BYTES, target, 0, Dataset.KEY_BYTES);
    }

    public byte[] key(int keyIndex) {
        return Arrays.copyOfRange(keys, keyIndex * Dataset.KEY_BYTES, (keyIndex + 1) * Dataset.KEY_BYTES);
    }

    /** Id {@code idIndex} of key {@code keyIndex}; ids of one key ascend with idIndex. */
    public long id(int keyIndex, int idIndex) {
        return ids[keyIndex * idsPerKey + idIndex];
    }

    /** Id {@code idIndex} of key {@code keyIndex}, big-endian. */
    public byte[] idBytes(int keyIndex, int idIndex) {
        return ByteBuffer.allocate(ID_BYTES).putLong(0, id(keyIndex, idIndex)).array();
    }

    /**
     * Where batch {@code batch} of {@code batches} starts among a key's ids: batch {@code b} adds ids
     * {@code [batchStart(b), batchStart(b + 1))}, runs as even as they divide, so that every batch
     * appends to what the earlier ones added ({@code batchStart(batches)} is {@link #idsPerKey()}).
     */
    public int batchStart(int batch, int batches) {
        return (int) ((long) idsPerKey * batch / batches);
    }

    /** The ids {@code [from, to)} of key {@code keyIndex}, big-endian, packed into {@code target}. */
    public void packIds(int keyIndex, int from, int to, byte[] target) {
        for (int i = from; i < to; i++) {
            long id = id(keyIndex, i);
            int at = (i - from) * ID_BYTES;
            for (int b = 0; b < ID_BYTES; b++) {
                target[at + b] = (byte) (id >>> (56 - 8 * b));
            }
        }
    }

    /** What a lookup of key {@code keyIndex} adds to a {@link Checksum}: the sum of its ids. */
    public long idSum(int keyIndex) {
        long sum = 0;
        for (int i = 0; i < idsPerKey; i++) {
            sum += id(keyIndex, i);
        }
        return sum;
    }

    private static void fillSortedDistinct(long[] target, int from, int count, SplittableRandom random) {
        long[] chosen = random.longs(0, Long.MAX_VALUE).distinct().limit(count).sorted().toArray();
        System.arraycopy(chosen, 0, target, from, count);
    }
}
