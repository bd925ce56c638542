package org.larch.benchmarks.data;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The entries every key/value workload uses: {@code size} distinct {@value #KEY_BYTES}-byte random keys,
 * held in ascending unsigned byte order (index order is key order), each with a
 * {@value #VALUE_BYTES}-byte random value. Deterministic: the same size and seed give the same bytes.
 *
 * <p>Keys and values live in two flat arrays (16 MB and 100 MB for a million entries) so that no
 * workload pays for generating them while it is measured.
 */
public final class Dataset {
    public static final int KEY_BYTES = 16;
    public static final int VALUE_BYTES = 100;
    public static final long DEFAULT_SEED = 0x1a7c4L;

    private final int size;
    private final long seed;
    private final byte[] keys;
    private final byte[] values;

    private Dataset(int size, long seed, byte[] keys, byte[] values) {
        this.size = size;
        this.seed = seed;
        this.keys = keys;
        this.values = values;
    }

    public static Dataset generate(int size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] keys = RandomKeys.sortedDistinct(size, KEY_BYTES, random);
        byte[] values = new byte[Math.multiplyExact(size, VALUE_BYTES)];
        RandomKeys.fill(values, random);
        return new Dataset(size, seed, keys, values);
    }

    public int size() {
        return size;
    }

    /** Copies key {@code index} into {@code target} (of {@value #KEY_BYTES} bytes). */
    public void keyInto(int index, byte[] target) {
        System.arraycopy(keys, index * KEY_BYTES, target, 0, KEY_BYTES);
    }

    /** Copies value {@code index} into {@code target} (of {@value #VALUE_BYTES} bytes). */
    public void valueInto(int index, byte[] target) {
        System.arraycopy(values, index * VALUE_BYTES, target, 0, VALUE_BYTES);
    }

    public byte[] key(int index) {
        return Arrays.copyOfRange(keys, index * KEY_BYTES, (index + 1) * KEY_BYTES);
    }

    public byte[] value(int index) {
        return Arrays.copyOfRange(values, index * VALUE_BYTES, (index + 1) * VALUE_BYTES);
    }

    /** A permutation of all indexes, the same for the same data set and {@code salt}. */
    public int[] shuffledOrder(long salt) {
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed ^ salt);
        for (int i = size - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }
}
