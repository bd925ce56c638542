package org.larch.backend.ops;

import java.util.Collection;
import org.larch.backend.csn.Csn;
import org.larch.backend.entry.DirectoryEntry;
import org.larch.backend.operational.OperationalAttributes;
import org.larch.backend.store.StoreWriter;

/**
 * Raises the suffix entry's {@code contextCSN} in a write transaction before it commits (one value per
 * serverID, never lowered), rewriting the entry and its index keys only when a value changed. Shared by
 * an update's transaction and an import's.
 */
public final class SuffixContextCsn {
    private SuffixContextCsn() {
    }

    /** Raises the suffix's contextCSN to each of {@code csns}; nothing when there is no suffix entry yet. */
    public static void raise(StoreWriter writer, IndexMaintenance indexes, OperationalAttributes operational, Collection<Csn> csns) {
        long suffixId = writer.suffixId();
        if (suffixId == 0) {
            return;
        }
        DirectoryEntry suffix = writer.entry(suffixId);
        DirectoryEntry raised = suffix.copy();
        boolean changed = false;
        for (Csn csn : csns) {
            changed |= operational.raiseContextCsn(raised, csn);
        }
        if (changed) {
            writer.replace(suffixId, raised);
            indexes.update(writer.txn(), suffixId, suffix, raised);
        }
    }
}
