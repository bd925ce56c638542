package org.larch.storage.freelist;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import org.larch.storage.page.Bytes;

/**
 * The format of the free-page tree: key = the id of the transaction that freed the pages, 8 bytes
 * big-endian (so byte order is numeric order); value = the page numbers, sorted ascending, each a
 * little-endian u64.
 */
public final class FreeRecords {
    private FreeRecords() {
    }

    public static MemorySegment key(long txnId) {
        return MemorySegment.ofArray(ByteBuffer.allocate(Long.BYTES).putLong(txnId).array());
    }

    public static long txnIdOf(MemorySegment key) {
        return key.asByteBuffer().getLong(0);
    }

    public static MemorySegment value(long[] pages) {
        MemorySegment value = MemorySegment.ofArray(new byte[pages.length * Long.BYTES]);
        for (int i = 0; i < pages.length; i++) {
            Bytes.putU64(value, (long) i * Long.BYTES, pages[i]);
        }
        return value;
    }

    public static long[] pagesOf(MemorySegment value) {
        long[] pages = new long[(int) (value.byteSize() / Long.BYTES)];
        for (int i = 0; i < pages.length; i++) {
            pages[i] = Bytes.u64(value, (long) i * Long.BYTES);
        }
        return pages;
    }
}
