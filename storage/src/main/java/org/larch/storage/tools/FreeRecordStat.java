package org.larch.storage.tools;

/**
 * One record of the free-page tree as {@code mdb_stat -ff} shows it.
 *
 * @param txnId   the transaction that freed the pages
 * @param pages   how many pages it lists
 * @param maxSpan the longest run of consecutive page numbers among them (what an overflow value can use)
 */
public record FreeRecordStat(long txnId, int pages, int maxSpan) {

    /** The figures of a record listing {@code pageNumbers}, ascending. */
    public static FreeRecordStat of(long txnId, long[] pageNumbers) {
        int maxSpan = 0;
        int span = 0;
        for (int i = 0; i < pageNumbers.length; i++) {
            span = i > 0 && pageNumbers[i] == pageNumbers[i - 1] + 1 ? span + 1 : 1;
            maxSpan = Math.max(maxSpan, span);
        }
        return new FreeRecordStat(txnId, pageNumbers.length, maxSpan);
    }
}
