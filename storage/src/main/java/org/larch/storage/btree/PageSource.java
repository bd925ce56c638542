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
}
