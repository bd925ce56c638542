package org.larch.storage.freelist;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.larch.storage.MapFullException;

/**
 * Where a write transaction's pages come from and go to. A page is taken, in this order, from the
 * pages this transaction freed itself (loose: nobody else ever saw them), from reusable records of
 * the free-page tree, and last from the end of the file, up to {@code maxsize}. Committed pages the
 * transaction stops using are collected as freed, to be recorded under its own id at commit.
 *
 * <p>A child (nested) transaction works on a {@link #copyForChild() copy}, which its parent
 * {@link #adopt adopts} when the child commits and forgets when it aborts. The copy has its own
 * loose and reusable pages, but collects only the committed pages freed since it began (as LMDB
 * does): the parent appends them to its own when it adopts the copy, so a child costs no copy of
 * them. Free-page records are read once from the tree into a {@link RecordLog} shared by the copies;
 * each copy keeps how many of them it has consumed, so a record consumed by an aborted child is
 * handed out again.
 */
public final class PageAllocator {
    private PageNumbers loose = new PageNumbers();
    private PageNumbers reusable = new PageNumbers();
    private PageNumbers freed = new PageNumbers();
    private final RecordLog records;
    private final long maxPages;
    private final long maxSizeBytes;
    private int recordsConsumed;
    private long nextPage;
    private boolean loading = true;
    private boolean reusing = true;

    public PageAllocator(long nextPage, long maxSizeBytes, int pageSize, FreeRecordSource records) {
        this(new RecordLog(records), nextPage, maxSizeBytes / pageSize, maxSizeBytes);
    }

    private PageAllocator(RecordLog records, long nextPage, long maxPages, long maxSizeBytes) {
        this.records = records;
        this.nextPage = nextPage;
        this.maxPages = maxPages;
        this.maxSizeBytes = maxSizeBytes;
    }

    /** An independent copy for a child transaction: what it allocates and frees leaves this one as it was. */
    public PageAllocator copyForChild() {
        PageAllocator copy = new PageAllocator(records, nextPage, maxPages, maxSizeBytes);
        copy.loose = loose.copy();
        copy.reusable = reusable.copy();
        copy.recordsConsumed = recordsConsumed;
        copy.loading = loading;
        copy.reusing = reusing;
        return copy;
    }

    /** Takes over the state of {@code child}, a copy made by {@link #copyForChild()}, when the child commits. */
    public void adopt(PageAllocator child) {
        if (child.records != records) {
            throw new IllegalArgumentException("not a copy of this allocator");
        }
        loose = child.loose;
        reusable = child.reusable;
        freed.addAll(child.freed.toSortedArray());
        recordsConsumed = child.recordsConsumed;
        nextPage = child.nextPage;
        loading = child.loading;
        reusing = child.reusing;
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

    /** Committed pages freed, sorted: by this transaction, or for a child's copy only since the copy began. */
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

    /** Transaction ids of the free-page records consumed, in order. */
    public long[] consumedRecords() {
        return records.ids(recordsConsumed);
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
        long[] pages = records.pages(recordsConsumed);
        if (pages == null) {
            return false;
        }
        recordsConsumed++;
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

    /**
     * The free-page records read so far, in the order the source handed them out; the allocator and
     * its copies each consume a prefix of it.
     */
    private static final class RecordLog {
        private final FreeRecordSource source;
        private final List<long[]> pages = new ArrayList<>();

        RecordLog(FreeRecordSource source) {
            this.source = source;
        }

        /** The pages of record {@code index}, read from the source if not yet read; null past the last. */
        long[] pages(int index) {
            if (index == pages.size()) {
                long[] next = source.next();
                if (next == null) {
                    return null;
                }
                pages.add(next);
            }
            return pages.get(index);
        }

        /** Transaction ids of the first {@code count} records. */
        long[] ids(int count) {
            return Arrays.copyOf(source.consumed(), count);
        }
    }
}
