package org.larch.storage.tools;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import org.larch.storage.freelist.FreeRecords;
import org.larch.storage.page.LeafPage;

/**
 * Checks the records of the free-page tree while it is walked (format of {@link FreeRecords}): an
 * 8-byte big-endian key naming a transaction no newer than the snapshot, a value of page numbers,
 * strictly ascending, each inside the snapshot. Once every tree is walked, {@link #claimPages()}
 * claims the listed pages as free, so a page also in use (or listed twice) is caught by the ledger.
 */
final class FreeRecordCheck implements LeafVisitor {
    private final CheckContext context;
    private final List<FreeRecord> records = new ArrayList<>();

    /** One record's transaction id and page numbers, as read. */
    private record FreeRecord(long txnId, long[] pages) {
    }

    FreeRecordCheck(CheckContext context) {
        this.context = context;
    }

    @Override
    public void visit(LeafPage leaf, int index, MemorySegment value, String where) {
        if (leaf.flags(index) != 0 && leaf.flags(index) != LeafPage.BIGDATA) {
            context.findings().problem(where + ": a free-page record with node flags " + leaf.flags(index));
        }
        if (leaf.keyLength(index) != Long.BYTES) {
            context.findings().problem(where + ": a free-page record key of " + leaf.keyLength(index)
                    + " bytes, not 8");
            return;
        }
        long txnId = FreeRecords.txnIdOf(leaf.key(index));
        if (txnId > context.txnId()) {
            context.findings().problem(where + ": free-page record of txn " + txnId + ", newer than the snapshot's "
                    + context.txnId());
        }
        if (value != null) {
            checkPages(txnId, value, where);
        }
    }

    /** Claims the pages of every well-formed record as free (those outside the snapshot were reported). */
    void claimPages() {
        for (FreeRecord record : records) {
            int claimant = context.ledger().register("the free-page record of txn " + record.txnId(), true);
            for (long page : record.pages()) {
                if (context.ledger().inRange(page)) {
                    context.ledger().claim(page, claimant);
                }
            }
        }
    }

    private void checkPages(long txnId, MemorySegment value, String where) {
        String record = where + " (free-page record of txn " + txnId + ")";
        if (value.byteSize() % Long.BYTES != 0) {
            context.findings().problem(record + ": value of " + value.byteSize() + " bytes, not whole page numbers");
            return;
        }
        long[] pages = FreeRecords.pagesOf(value);
        if (pages.length == 0) {
            context.findings().warning(record + ": lists no pages");
        }
        for (int i = 0; i < pages.length; i++) {
            if (!context.ledger().inRange(pages[i])) {
                context.findings().problem(record + ": lists page " + pages[i] + ", outside the snapshot's pages 2 to "
                        + context.lastPage());
            } else if (i > 0 && pages[i] <= pages[i - 1]) {
                context.findings().problem(record + ": page " + pages[i] + " follows page " + pages[i - 1]
                        + " (page numbers must ascend)");
            }
        }
        records.add(new FreeRecord(txnId, pages));
    }
}
