package org.larch.backend.store;

import java.util.Arrays;

/** A growable array of entry ids. */
final class IdBuffer {
    private long[] ids;
    private int size;

    IdBuffer(int initialCapacity) {
        ids = new long[Math.max(4, initialCapacity)];
    }

    void add(long id) {
        if (size == ids.length) {
            ids = Arrays.copyOf(ids, size * 2);
        }
        ids[size++] = id;
    }

    long[] sorted() {
        long[] result = Arrays.copyOf(ids, size);
        Arrays.sort(result);
        return result;
    }
}
