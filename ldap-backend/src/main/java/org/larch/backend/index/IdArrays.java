package org.larch.backend.index;

import java.util.Arrays;

/**
 * Merges of strictly ascending id arrays; galloping when one side is much shorter. Shared by the
 * indexes' {@link IdSet} and the search's scope candidates.
 */
public final class IdArrays {
    private static final int GALLOP_RATIO = 16;

    private IdArrays() {}

    public static long[] intersect(long[] a, long[] b) {
        long[] shorter = a.length <= b.length ? a : b;
        long[] longer = a.length <= b.length ? b : a;
        if ((long) shorter.length * GALLOP_RATIO < longer.length) {
            return intersectBySearch(shorter, longer);
        }
        long[] result = new long[shorter.length];
        int count = 0;
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i] < b[j]) {
                i++;
            } else if (a[i] > b[j]) {
                j++;
            } else {
                result[count++] = a[i];
                i++;
                j++;
            }
        }
        return Arrays.copyOf(result, count);
    }

    public static long[] union(long[] a, long[] b) {
        long[] result = new long[a.length + b.length];
        int count = 0;
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            long next;
            if (j >= b.length || (i < a.length && a[i] < b[j])) {
                next = a[i++];
            } else if (i >= a.length || b[j] < a[i]) {
                next = b[j++];
            } else {
                next = a[i++];
                j++;
            }
            result[count++] = next;
        }
        return Arrays.copyOf(result, count);
    }

    /** The index of the first id {@code >= id} (the length if none). */
    static int lowerBound(long[] ids, long id) {
        int found = Arrays.binarySearch(ids, id);
        return found >= 0 ? found : -found - 1;
    }

    private static long[] intersectBySearch(long[] shorter, long[] longer) {
        long[] result = new long[shorter.length];
        int count = 0;
        int from = 0;
        for (long id : shorter) {
            int found = Arrays.binarySearch(longer, from, longer.length, id);
            if (found >= 0) {
                result[count++] = id;
                from = found + 1;
            } else {
                from = -found - 1;
            }
            if (from >= longer.length) {
                break;
            }
        }
        return Arrays.copyOf(result, count);
    }

    public static boolean contains(long[] ids, long id) {
        return Arrays.binarySearch(ids, id) >= 0;
    }
}
