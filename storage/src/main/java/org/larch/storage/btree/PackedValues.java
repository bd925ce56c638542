package org.larch.storage.btree;

import java.lang.foreign.MemorySegment;
import org.larch.storage.page.KeyComparator;

/**
 * Runs of DUPFIXED values packed one after the other ({@code count × size} bytes from offset 0 of a
 * segment), as {@code Dbi.putMultiple} takes them and an inline sub-page keeps them: checking that a
 * run ascends, and merging two runs into one.
 */
final class PackedValues {
    private PackedValues() {
    }

    /** Throws unless the {@code count} values of {@code values} ascend strictly in {@code order}. */
    static void requireAscending(MemorySegment values, int size, int count, KeyComparator order) {
        for (int i = 1; i < count; i++) {
            if (order.compare(values, (long) (i - 1) * size, size, values, (long) i * size, size) >= 0) {
                throw new IllegalArgumentException("putMultiple values must ascend in the database's value order, "
                        + "each once: value " + i + " is not greater than value " + (i - 1));
            }
        }
    }

    /** Whether the last of {@code aCount} values of {@code a} comes before the first of {@code b}. */
    static boolean allBefore(MemorySegment a, int aCount, MemorySegment b, int size, KeyComparator order) {
        return order.compare(a, (long) (aCount - 1) * size, size, b, 0, size) < 0;
    }

    /**
     * Merges two ascending runs into {@code out} from offset {@code outOffset} (room for both), a value
     * in both once; returns how many values it wrote.
     */
    static int merge(MemorySegment a, int aCount, MemorySegment b, int bCount, int size, KeyComparator order,
            MemorySegment out, long outOffset) {
        if (allBefore(a, aCount, b, size, order)) {
            MemorySegment.copy(a, 0, out, outOffset, (long) aCount * size);
            MemorySegment.copy(b, 0, out, outOffset + (long) aCount * size, (long) bCount * size);
            return aCount + bCount;
        }
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < aCount || j < bCount) {
            int c = i == aCount ? 1 : j == bCount ? -1
                    : order.compare(a, (long) i * size, size, b, (long) j * size, size);
            MemorySegment from = c <= 0 ? a : b;
            long at = (long) (c <= 0 ? i : j) * size;
            MemorySegment.copy(from, at, out, outOffset + (long) n++ * size, size);
            if (c <= 0) {
                i++;
            }
            if (c >= 0) {
                j++;
            }
        }
        return n;
    }
}
