package org.larch.storage.env;

import org.larch.storage.io.Mapping;
import org.larch.storage.page.Meta;
import org.larch.storage.txn.ReadPages;

/**
 * One committed state of the environment: its meta, the mapping that covers its pages and the view
 * that reads them. Published by each commit; a read transaction keeps the one it began on.
 */
public record Snapshot(Meta meta, Mapping mapping, ReadPages pages) {
    public long txnId() {
        return meta.txnId();
    }
}
