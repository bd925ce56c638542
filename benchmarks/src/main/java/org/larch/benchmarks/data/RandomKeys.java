package org.larch.benchmarks.data;

import java.nio.ByteOrder;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.SplittableRandom;

/** Random bytes, and random keys that are distinct and sorted without sorting byte arrays. */
final class RandomKeys {
    private static final VarHandle BIG_ENDIAN_LONG =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private RandomKeys() {
    }

    /**
     * {@code count} keys of {@code keyBytes} (at least 8) in one flat array, ascending in unsigned
     * byte order: each starts with a distinct random 8-byte prefix, written big-endian after sorting
     * the prefixes as unsigned numbers, followed by random bytes.
     */
    static byte[] sortedDistinct(int count, int keyBytes, SplittableRandom random) {
        long[] prefixes = distinctSortedUnsigned(count, random);
        byte[] keys = new byte[Math.multiplyExact(count, keyBytes)];
        fill(keys, random);
        for (int i = 0; i < count; i++) {
            BIG_ENDIAN_LONG.set(keys, i * keyBytes, prefixes[i]);
        }
        return keys;
    }

    static void fill(byte[] target, SplittableRandom random) {
        int i = 0;
        for (; i + Long.BYTES <= target.length; i += Long.BYTES) {
            BIG_ENDIAN_LONG.set(target, i, random.nextLong());
        }
        for (; i < target.length; i++) {
            target[i] = (byte) random.nextInt();
        }
    }

    private static long[] distinctSortedUnsigned(int count, SplittableRandom random) {
        long[] numbers = new long[count];
        int filled = 0;
        while (filled < count) {
            for (int i = filled; i < count; i++) {
                numbers[i] = random.nextLong() ^ Long.MIN_VALUE;   // signed order of these = unsigned order
            }
            Arrays.sort(numbers);
            filled = removeDuplicates(numbers);                   // almost always keeps all
        }
        for (int i = 0; i < count; i++) {
            numbers[i] ^= Long.MIN_VALUE;
        }
        return numbers;
    }

    /** Moves the distinct numbers of a sorted array to its front; returns how many there are. */
    private static int removeDuplicates(long[] sorted) {
        int distinct = sorted.length == 0 ? 0 : 1;
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] != sorted[distinct - 1]) {
                sorted[distinct++] = sorted[i];
            }
        }
        return distinct;
    }
}
