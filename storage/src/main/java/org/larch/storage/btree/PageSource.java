package org.larch.storage.btree;

import java.lang.foreign.MemorySegment;
import org.larch.storage.page.Page;

/** Where a tree reads its pages: a snapshot of the mapped file, or a write transaction's view of it. */
public interface PageSource {
    /** The branch or leaf page {@code pageNumber}. */
    Page page(long pageNumber);

    /** The value stored in the overflow run starting at {@code firstPage}. */
    MemorySegment overflowValue(long firstPage, long valueLength);

    /** Length in pages of the overflow run starting at {@code firstPage}. */
    int overflowPages(long firstPage);

    int pageSize();

    /**
     * The one segment all of this source's pages lie in (a committed snapshot's mapping), or null when
     * they lie apart (a write transaction's own pages). The read path then works by offsets into it.
     */
    default MemorySegment mapping() {
        return null;
    }

    /** Offset in {@link #mapping()} of branch or leaf page {@code pageNumber}, checked as {@link #page} checks it. */
    default long pageBase(long pageNumber) {
        throw new UnsupportedOperationException("pages of this source do not lie in one mapping");
    }
}
