package org.larch.storage.freelist;

import org.larch.storage.MapFullException;

/**
 * Where a write transaction's pages come from and go to. A page is taken, in this order, from the
 * pages this transaction freed itself (loose: nobody else ever saw them), from reusable records of
 * the free-page tree, and last from the end of the file, up to {@code maxsize}. Committed pages the
 * transaction stops using are collected as freed, to be recorded under its own id at commit.
 */
public final class PageAllocator {
    private final PageNumbers loose = new PageNumbers();
    private final PageNumbers reusable = new PageNumbers();
    private final PageNumbers freed = new PageNumbers();
    private final FreeRecordSource records;
    private final long maxPages;
    private final long maxSizeBytes;
    private long nextPage;
    private boolean loading = true;
    private boolean reusing = true;

    public PageAllocator(long nextPage, long maxSizeBytes, int pageSize, FreeRecordSource records) {
        this.nextPage = nextPage;
        this.maxSizeBytes = maxSizeBytes;
        this.maxPages = maxSizeBytes / pageSize;
        this.records = records;
    }

    /** The first page of a run of {@code pages} free pages. */
    public long allocate(int pages) {
        if (!reusing) {
            return takeFromEnd(pages);
        }
        long page = pages == 1 ? takeSingle() : takeRun(pages);
        return page >= 0 ? page : takeFromEnd(pages);
    }

    /** Returns pages this transaction allocated: reusable at once. */
    public void freeOwn(long firstPage, int pages) {
        loose.addRun(firstPage, pages);
    }

    /** Returns committed pages: reusable once no reader can see this transaction's predecessor. */
    public void freeCommitted(long firstPage, int pages) {
        freed.addRun(firstPage, pages);
    }

    /** Consumes reusable records until {@code pages} free pages are at hand, or no record is left. */
    public void preload(int pages) {
        while (loose.size() + reusable.size() < pages && loadRecord()) {
            // each record loaded adds its pages
        }
    }

    /** Stops consuming free-page records: the free-page tree is being written. */
    public void stopLoading() {
        loading = false;
    }

    /**
     * Takes every page from now on from the end of the file, none from the free ones: the free-page
     * lists being written then only grow, so writing them settles.
     */
    public void takeOnlyFromEnd() {
        loading = false;
        reusing = false;
    }

    /** First page number never used. */
    public long nextPage() {
        return nextPage;
    }

    public long[] freedPages() {
        return freed.toSortedArray();
    }

    /** Free pages not used: loose pages and the rest of consumed records. */
    public long[] leftoverPages() {
        PageNumbers all = new PageNumbers();
        all.addAll(loose.toSortedArray());
        all.addAll(reusable.toSortedArray());
        return all.toSortedArray();
    }

    public long[] consumedRecords() {
        return records.consumed();
    }

    private long takeSingle() {
        if (!loose.isEmpty()) {
            return loose.takeLowest();
        }
        while (reusable.isEmpty()) {
            if (!loadRecord()) {
                return -1;
            }
        }
        return reusable.takeLowest();
    }

    private long takeRun(int pages) {
        long first = loose.takeRun(pages);
        if (first >= 0) {
            return first;
        }
        do {
            first = reusable.takeRun(pages);
            if (first >= 0) {
                return first;
            }
        } while (loadRecord());
        return -1;
    }

    private boolean loadRecord() {
        if (!loading) {
            return false;
        }
        long[] pages = records.next();
        if (pages == null) {
            return false;
        }
        reusable.addAll(pages);
        return true;
    }

    private long takeFromEnd(int pages) {
        if (nextPage + pages > maxPages) {
            throw new MapFullException("the environment reached its maximum size of " + maxSizeBytes
                    + " bytes (" + maxPages + " pages): raise maxsize; abort this transaction");
        }
        long first = nextPage;
        nextPage += pages;
        return first;
    }
}
