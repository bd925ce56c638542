package org.larch.storage.page;

import java.lang.foreign.MemorySegment;

/**
 * A run of contiguous pages holding one large value. Only the run's first page has a header
 * ({@link PageHeader}, kind OVERFLOW, {@code overflowPages} = length of the run); the value starts
 * right after it, at offset 32, and runs on through the following pages without interruption.
 */
public final class OverflowPage {
    private OverflowPage() {
    }

    /** Pages needed for a value of {@code valueLength} bytes. */
    public static int pagesFor(long valueLength, int pageSize) {
        return (int) ((PageHeader.SIZE + valueLength + pageSize - 1) / pageSize);
    }

    public static void format(MemorySegment segment, long base, int pageSize, long firstPage, int pages) {
        PageHeader.init(segment, base, firstPage, PageKind.OVERFLOW, pageSize);
        PageHeader.setOverflowPages(segment, base, pages);
    }

    /** The value bytes of the run whose first page is at {@code base}. */
    public static MemorySegment value(MemorySegment segment, long base, long valueLength) {
        return segment.asSlice(base + PageHeader.SIZE, valueLength);
    }
}
