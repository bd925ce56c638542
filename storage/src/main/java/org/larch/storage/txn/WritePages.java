package org.larch.storage.txn;

import java.lang.foreign.MemorySegment;
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
 *
 * <p>A child (nested) transaction's view ({@link #beginChild()}) layers its own dirty pages over its
 * parent's, and treats the parent's like committed ones: touching one copies it again, so aborting
 * the child leaves the parent's pages as they were. The child allocates from a copy of the parent's
 * allocator. When the child commits, the parent {@link #adoptChild adopts} its pages and allocator.
 */
public final class WritePages implements PageStore {
    private final ReadPages committed;
    private final PageAllocator allocator;
    private final int pageSize;
    private final PageBuffers buffers;
    private final DirtyPages dirty;
    private long modifications;
    /** See {@link #layoutCount()}. */
    private long layoutChanges;

    /** The view of a top-level write transaction, with page buffers of its own. */
    public WritePages(ReadPages committed, PageAllocator allocator) {
        this(committed, allocator, new PageBuffers(committed.pageSize()));
    }

    /** The view of a top-level write transaction, borrowing its page buffers from {@code buffers}. */
    public WritePages(ReadPages committed, PageAllocator allocator, PageBuffers buffers) {
        this(committed, allocator, buffers, new DirtyPages(), 0, 0);
    }

    private WritePages(ReadPages committed, PageAllocator allocator, PageBuffers buffers, DirtyPages dirty,
            long modifications, long layoutChanges) {
        if (buffers.pageSize() != committed.pageSize()) {
            throw new IllegalArgumentException("page buffers of " + buffers.pageSize() + " bytes for pages of "
                    + committed.pageSize());
        }
        this.committed = committed;
        this.allocator = allocator;
        this.pageSize = committed.pageSize();
        this.buffers = buffers;
        this.dirty = dirty;
        this.modifications = modifications;
        this.layoutChanges = layoutChanges;
    }

    /** The view of a child transaction: this one's pages as its base, its own changes on top. */
    public WritePages beginChild() {
        return new WritePages(committed, allocator.copyForChild(), buffers, dirty.child(), modifications, layoutChanges);
    }

    /**
     * Takes over the changes of {@code child}, made by {@link #beginChild()} on this view, as it
     * commits: its pages, its allocator, and the pages of this view it stopped using, which become
     * free at once. Takes its modification count too: it began at this view's count and grew with
     * every change, so cursors of this view find their place again exactly when the child changed
     * something.
     */
    public void adoptChild(WritePages child) {
        allocator.adopt(child.allocator);
        for (long[] run : dirty.adopt(child.dirty)) {
            allocator.freeOwn(run[0], (int) run[1]);
        }
        modifications = child.modifications;
        layoutChanges = Math.max(layoutChanges, child.layoutChanges) + 1;
    }

    /**
     * Hands the page buffers back to the pool as the top-level transaction ends (commits or aborts):
     * its pages, and those of its children, are read no more.
     */
    public void release() {
        buffers.reclaimLent();
    }

    @Override
    public Page page(long pageNumber) {
        DirtyPage own = dirty.own(pageNumber);
        if (own != null) {
            return own.writable();
        }
        DirtyPage ancestors = dirty.ancestors(pageNumber);
        if (ancestors != null) {
            return ancestors.readOnly();
        }
        return committed.page(pageNumber);
    }

    @Override
    public MemorySegment overflowValue(long firstPage, long valueLength) {
        MemorySegment bytes = visible(firstPage);
        if (bytes != null) {
            return OverflowPage.value(bytes, 0, valueLength);
        }
        return committed.overflowValue(firstPage, valueLength);
    }

    @Override
    public int overflowPages(long firstPage) {
        MemorySegment bytes = visible(firstPage);
        if (bytes != null) {
            return (int) (bytes.byteSize() / pageSize);
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
        layoutChanges++;
        long number = allocator.allocate(1);
        MemorySegment copy = buffers.take();
        MemorySegment.copy(page.segment(), page.base(), copy, 0, pageSize);
        PageHeader.setPageNumber(copy, 0, number);
        Page touched = Page.wrap(copy, 0, pageSize, number, true);
        dirty.put(number, new DirtyPage(copy, touched));
        freeOthers(page.number(), 1);
        return touched;
    }

    @Override
    public LeafPage newLeaf() {
        layoutChanges++;
        long number = allocator.allocate(1);
        MemorySegment bytes = buffers.takeZeroed();
        LeafPage leaf = LeafPage.format(bytes, 0, pageSize, number);
        dirty.put(number, new DirtyPage(bytes, leaf));
        return leaf;
    }

    @Override
    public BranchPage newBranch() {
        layoutChanges++;
        long number = allocator.allocate(1);
        MemorySegment bytes = buffers.takeZeroed();
        BranchPage branch = BranchPage.format(bytes, 0, pageSize, number);
        dirty.put(number, new DirtyPage(bytes, branch));
        return branch;
    }

    @Override
    public long newOverflow(long valueLength) {
        layoutChanges++;
        int pages = OverflowPage.pagesFor(valueLength, pageSize);
        long first = allocator.allocate(pages);
        MemorySegment bytes = MemorySegment.ofArray(new byte[pages * pageSize]);
        OverflowPage.format(bytes, 0, pageSize, first, pages);
        dirty.put(first, new DirtyPage(bytes, first, pageSize));
        return first;
    }

    @Override
    public MemorySegment writableOverflow(long firstPage, long valueLength) {
        DirtyPage run = dirty.own(firstPage);
        if (run == null) {
            throw new IllegalStateException("overflow run " + firstPage + " is not this transaction's");
        }
        return OverflowPage.value(run.bytes(), 0, valueLength);
    }

    @Override
    public boolean owns(long pageNumber) {
        return dirty.own(pageNumber) != null;
    }

    @Override
    public void freePage(long pageNumber) {
        freeOverflow(pageNumber, 1);
    }

    @Override
    public void freeOverflow(long firstPage, int pages) {
        layoutChanges++;
        if (dirty.removeOwn(firstPage)) {
            allocator.freeOwn(firstPage, pages);
        } else {
            freeOthers(firstPage, pages);
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

    @Override
    public long layoutCount() {
        return layoutChanges;
    }

    @Override
    public void markLayoutChanged() {
        layoutChanges++;
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

    /** Page numbers of this view's own dirty pages and runs, ascending. */
    public long[] dirtyPageNumbers() {
        return dirty.sortedNumbers();
    }

    /** The bytes of this view's own dirty page or run {@code pageNumber}, or null. */
    public MemorySegment dirtyBytes(long pageNumber) {
        DirtyPage page = dirty.own(pageNumber);
        return page == null ? null : page.bytes();
    }

    /** The bytes of a dirty page or run of this view or of an ancestor's, or null for a committed one. */
    private MemorySegment visible(long pageNumber) {
        DirtyPage page = dirty.own(pageNumber);
        if (page == null) {
            page = dirty.ancestors(pageNumber);
        }
        return page == null ? null : page.bytes();
    }

    /**
     * Returns a run this view did not make: an ancestor's stays with the ancestor until this view
     * commits; a committed one is freed, to be recorded at commit.
     */
    private void freeOthers(long firstPage, int pages) {
        if (dirty.ancestors(firstPage) != null) {
            dirty.freeFromAncestor(firstPage, pages);
        } else {
            allocator.freeCommitted(firstPage, pages);
        }
    }
}
