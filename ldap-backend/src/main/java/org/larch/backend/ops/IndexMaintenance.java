package org.larch.backend.ops;

import org.larch.backend.entry.DirectoryEntry;
import org.larch.storage.Txn;

/**
 * Keeps the attribute indexes in step with an entry's change, inside the update's write transaction.
 * Production code passes the index owner's {@code Indexes.update}.
 */
@FunctionalInterface
public interface IndexMaintenance {

    /** @param before null on add; @param after null on delete */
    void update(Txn writeTxn, long id, DirectoryEntry before, DirectoryEntry after);
}
