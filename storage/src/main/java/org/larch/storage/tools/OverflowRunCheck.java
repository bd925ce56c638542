package org.larch.storage.tools;

import java.lang.foreign.MemorySegment;
import org.larch.storage.page.LeafPage;
import org.larch.storage.page.OverflowPage;
import org.larch.storage.page.PageHeader;
import org.larch.storage.page.PageKind;

/**
 * Checks the overflow run a BIGDATA node points to: inside the snapshot, kind overflow, its own number
 * in the header, long enough for the value (a run may be longer: a value rewritten in place by the
 * transaction that made the run keeps it), its checksum over the whole run. Claims every page of it.
 */
final class OverflowRunCheck {
    private final CheckContext context;
    private final int claimant;

    /** A checked run: its length in pages and the value it holds (null when the run is unusable). */
    record Run(int pages, MemorySegment value) {
        static final Run UNUSABLE = new Run(0, null);
    }

    OverflowRunCheck(CheckContext context, int claimant) {
        this.context = context;
        this.claimant = claimant;
    }

    Run check(LeafPage leaf, int index, String nodeWhere) {
        long first = leaf.overflowPage(index);
        long valueLength = Integer.toUnsignedLong(leaf.valueLength(index));
        String where = nodeWhere + "'s overflow run at page " + first;
        if (!context.ledger().inRange(first)) {
            context.findings().problem(where + ": outside the snapshot's pages 2 to " + context.lastPage());
            return Run.UNUSABLE;
        }
        MemorySegment head = context.pages().raw(first, 1);
        if (PageHeader.kindCode(head, 0) != PageKind.OVERFLOW.code) {
            context.findings().problem(where + ": kind " + TreePageCheck.kindName(PageHeader.kindCode(head, 0))
                    + " where an overflow page belongs");
            context.ledger().claim(first, claimant);
            return Run.UNUSABLE;
        }
        int pages = runLength(head, first, valueLength, where);
        if (pages == 0) {
            return Run.UNUSABLE;
        }
        return claimRun(first, pages) ? checkContents(first, pages, valueLength, where) : new Run(pages, null);
    }

    /** The run's length from its header, or 0 when it cannot hold the value or leaves the snapshot. */
    private int runLength(MemorySegment head, long first, long valueLength, String where) {
        int pages = PageHeader.overflowPages(head, 0);
        int needed = OverflowPage.pagesFor(valueLength, context.pageSize());
        if (pages < needed) {
            context.findings().problem(where + ": header says " + pages + " pages, a value of " + valueLength
                    + " bytes needs " + needed);
            context.ledger().claim(first, claimant);
            return 0;
        }
        if (first + pages - 1 > context.lastPage()) {
            context.findings().problem(where + ": " + pages + " pages run past the last page "
                    + context.lastPage());
            context.ledger().claim(first, claimant);
            return 0;
        }
        return pages;
    }

    /** Claims the run's pages; false when its first page was reached already (so it was checked). */
    private boolean claimRun(long first, int pages) {
        boolean firstClaimed = context.ledger().claim(first, claimant);
        for (long page = first + 1; page < first + pages; page++) {
            context.ledger().claim(page, claimant);
        }
        return firstClaimed;
    }

    private Run checkContents(long first, int pages, long valueLength, String where) {
        MemorySegment run = context.pages().raw(first, pages);
        TreePageCheck.checkHeader(context, run, first, where);
        return new Run(pages, OverflowPage.value(run, 0, valueLength));
    }
}
