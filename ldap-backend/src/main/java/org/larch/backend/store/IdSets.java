package org.larch.backend.store;

import java.util.Arrays;

/** Operations on ascending arrays of entry ids. */
public final class IdSets {

    private IdSets() {}

    public static long[] intersect(long[] a, long[] b) {
        long[] result = new long[Math.min(a.length, b.length)];
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
            if (j == b.length || (i < a.length && a[i] < b[j])) {
                next = a[i++];
            } else if (i == a.length || b[j] < a[i]) {
                next = b[j++];
            } else {
                next = a[i++];
                j++;
            }
            result[count++] = next;
        }
        return Arrays.copyOf(result, count);
    }

    public static boolean contains(long[] ids, long id) {
        return Arrays.binarySearch(ids, id) >= 0;
    }
}
