package org.larch.backend.index;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.larch.storage.Cursor;
import org.larch.storage.Dbi;
import org.larch.storage.Txn;

/**
 * Reads the ids stored under index keys: a page of packed 8-byte big-endian ids at a time
 * ({@code getMultiple}/{@code nextMultiple}), for one key or for every key of a key range.
 */
final class IdListReader {
    static final int ID_BYTES = 8;
    private static final ValueLayout.OfLong BIG_ENDIAN_ID =
            ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);

    private final IndexStats stats;

    IdListReader(IndexStats stats) {
        this.stats = stats;
    }

    static byte[] encodeId(long id) {
        byte[] bytes = new byte[ID_BYTES];
        MemorySegment.ofArray(bytes).set(BIG_ENDIAN_ID, 0, id);
        return bytes;
    }

    /** Writes {@code id} as 8 big-endian bytes into {@code target} at {@code offset}. */
    static void encodeId(long id, byte[] target, int offset) {
        MemorySegment.ofArray(target).set(BIG_ENDIAN_ID, offset, id);
    }

    /** The ids under {@code key} (empty if none). */
    IdSet read(Txn txn, Dbi dbi, IndexKey key) {
        try (Cursor cursor = dbi.openCursor(txn)) {
            if (!cursor.seek(key.bytes())) {
                stats.keyRead(0);
                return IdSet.empty();
            }
            IdBuffer ids = new IdBuffer();
            readValues(cursor, ids);
            return IdSet.ofAscending(ids.ids, ids.length);
        }
    }

    /**
     * The ids under every key from {@code from} (included) to {@code toExclusive} (unsigned byte
     * order), as an ordering filter answered from ordered equality keys needs.
     */
    IdSet scan(Txn txn, Dbi dbi, byte[] from, byte[] toExclusive) {
        IdBuffer ids = new IdBuffer();
        try (Cursor cursor = dbi.openCursor(txn)) {
            for (boolean more = cursor.seekRange(from); more; more = cursor.nextNoDup()) {
                if (Arrays.compareUnsigned(cursor.keyBytes(), toExclusive) >= 0) {
                    break;
                }
                readValues(cursor, ids);
            }
        }
        long[] sorted = Arrays.copyOf(ids.ids, ids.length);
        return IdSet.of(sorted);
    }

    private void readValues(Cursor cursor, IdBuffer ids) {
        int before = ids.length;
        for (MemorySegment page = cursor.getMultiple(); page != null; page = cursor.nextMultiple()) {
            long count = page.byteSize() / ID_BYTES;
            for (long index = 0; index < count; index++) {
                ids.add(page.get(BIG_ENDIAN_ID, index * ID_BYTES));
            }
        }
        stats.keyRead(ids.length - before);
    }

    /** A growing array of ids. */
    private static final class IdBuffer {
        long[] ids = new long[64];
        int length;

        void add(long id) {
            if (length == ids.length) {
                ids = Arrays.copyOf(ids, ids.length * 2);
            }
            ids[length++] = id;
        }
    }
}
