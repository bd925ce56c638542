package org.larch.storage.txn;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.larch.storage.btree.PageStore;
import org.larch.storage.freelist.PageAllocator;
import org.larch.storage.page.BranchPage;
import org.larch.storage.page.LeafPage;
import org.larch.storage.page.OverflowPage;
import org.larch.storage.page.Page;
import org.larch.storage.page.PageHeader;

/**
 * A write transaction's view of the file: its own (dirty) pages, kept on the heap until commit, over
 * the committed pages of the snapshot it started from. Touching a committed page copies it to a new
 * page number and frees the original; committed pages are never changed.
 */
public final class WritePages implements PageStore {
    private final ReadPages committed;
    private final PageAllocator allocator;
    private final int pageSize;
    private final Map<Long, byte[]> dirty = new HashMap<>();
    private long modifications;

    public WritePages(ReadPages committed, PageAllocator allocator) {
        this.committed = committed;
        this.allocator = allocator;
        this.pageSize = committed.pageSize();
    }

    @Override
    public Page page(long pageNumber) {
        byte[] bytes = dirty.get(pageNumber);
        if (bytes != null) {
            return Page.wrap(MemorySegment.ofArray(bytes), 0, pageSize, pageNumber, true);
        }
        return committed.page(pageNumber);
    }

    @Override
    public MemorySegment overflowValue(long firstPage, long valueLength) {
        byte[] bytes = dirty.get(firstPage);
        if (bytes != null) {
            return OverflowPage.value(MemorySegment.ofArray(bytes), 0, valueLength);
        }
        return committed.overflowValue(firstPage, valueLength);
    }

    @Override
    public int overflowPages(long firstPage) {
        byte[] bytes = dirty.get(firstPage);
        if (bytes != null) {
            return bytes.length / pageSize;
        }
        return committed.overflowPages(firstPage);
    }

    @Override
    public int pageSize() {
        return pageSize;
    }

    @Override
    public Page touch(Page page) {
        if (page.isDirty()) {
            return page;
        }
        long number = allocator.allocate(1);
        byte[] bytes = new byte[pageSize];
        MemorySegment copy = MemorySegment.ofArray(bytes);
        MemorySegment.copy(page.segment(), page.base(), copy, 0, pageSize);
        PageHeader.setPageNumber(copy, 0, number);
        dirty.put(number, bytes);
        allocator.freeCommitted(page.number(), 1);
        return Page.wrap(copy, 0, pageSize, number, true);
    }

    @Override
    public LeafPage newLeaf() {
        long number = allocator.allocate(1);
        return LeafPage.format(newDirty(number, 1), 0, pageSize, number);
    }

    @Override
    public BranchPage newBranch() {
        long number = allocator.allocate(1);
        return BranchPage.format(newDirty(number, 1), 0, pageSize, number);
    }

    @Override
    public long newOverflow(long valueLength) {
        int pages = OverflowPage.pagesFor(valueLength, pageSize);
        long first = allocator.allocate(pages);
        OverflowPage.format(newDirty(first, pages), 0, pageSize, first, pages);
        return first;
    }

    @Override
    public MemorySegment writableOverflow(long firstPage, long valueLength) {
        byte[] bytes = dirty.get(firstPage);
        if (bytes == null) {
            throw new IllegalStateException("overflow run " + firstPage + " is not this transaction's");
        }
        return OverflowPage.value(MemorySegment.ofArray(bytes), 0, valueLength);
    }

    @Override
    public boolean owns(long pageNumber) {
        return dirty.containsKey(pageNumber);
    }

    @Override
    public void freePage(long pageNumber) {
        freeOverflow(pageNumber, 1);
    }

    @Override
    public void freeOverflow(long firstPage, int pages) {
        if (dirty.remove(firstPage) != null) {
            allocator.freeOwn(firstPage, pages);
        } else {
            allocator.freeCommitted(firstPage, pages);
        }
    }

    @Override
    public long modificationCount() {
        return modifications;
    }

    @Override
    public void markModified() {
        modifications++;
    }

    public boolean hasChanges() {
        return modifications > 0;
    }

    public PageAllocator allocator() {
        return allocator;
    }

    public ReadPages committed() {
        return committed;
    }

    /** Page numbers of the dirty pages and runs, ascending. */
    public long[] dirtyPageNumbers() {
        long[] numbers = new long[dirty.size()];
        int i = 0;
        for (long number : dirty.keySet()) {
            numbers[i++] = number;
        }
        Arrays.sort(numbers);
        return numbers;
    }

    /** The bytes of dirty page or run {@code pageNumber}. */
    public byte[] dirtyBytes(long pageNumber) {
        return dirty.get(pageNumber);
    }

    private MemorySegment newDirty(long firstPage, int pages) {
        byte[] bytes = new byte[pages * pageSize];
        dirty.put(firstPage, bytes);
        return MemorySegment.ofArray(bytes);
    }
}
