package org.larch.backend.index;

import java.util.Arrays;

/**
 * The ids one index key collects in an {@link IndexBatch}, packed ascending for {@code Dbi.putMultiple}.
 * Ids usually come in ascending order (new entries); others are sorted when packed.
 */
final class IdRun {
    private long[] ids = new long[2];
    private int size;
    private boolean ascending = true;

    void add(long id) {
        if (size > 0 && ids[size - 1] >= id) {
            ascending = false;
        }
        if (size == ids.length) {
            ids = Arrays.copyOf(ids, size * 2);
        }
        ids[size++] = id;
    }

    /** Distinct ids, ascending, after {@link #packed}; before it, ids added. */
    int size() {
        return size;
    }

    /** The ids ascending and distinct, as 8-byte big-endian values one after another (the index values). */
    byte[] packed() {
        if (!ascending) {
            sortDistinct();
        }
        byte[] packed = new byte[size * Long.BYTES];
        for (int i = 0; i < size; i++) {
            IdListReader.encodeId(ids[i], packed, i * Long.BYTES);
        }
        return packed;
    }

    private void sortDistinct() {
        Arrays.sort(ids, 0, size);
        int distinct = 0;
        for (int i = 0; i < size; i++) {
            if (distinct == 0 || ids[distinct - 1] != ids[i]) {
                ids[distinct++] = ids[i];
            }
        }
        size = distinct;
        ascending = true;
    }
}
