package org.larch.storage.tools;

import org.larch.storage.txn.ReadPages;

/**
 * What every part of one check shares: the snapshot's pages, its last page and transaction id, the
 * ledger of page claims and the findings.
 */
record CheckContext(ReadPages pages, long lastPage, long txnId, PageLedger ledger, Findings findings) {
    int pageSize() {
        return pages.pageSize();
    }
}
