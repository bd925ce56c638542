package org.larch.backend.ops;

import java.util.List;
import org.larch.backend.Identity;
import org.larch.backend.csn.Csn;
import org.larch.backend.entry.DirectoryEntry;
import org.larch.backend.request.UpdateControls;
import org.larch.backend.store.StoreWriter;

/**
 * One update's write transaction and the steps every update shares: the CSN (drawn once the write
 * lock is held, so CSN order is commit order), the assertion control, pre/post-read copies, storing an
 * entry together with its index keys, and raising the suffix's contextCSN before the commit. Closing
 * without {@link #commit()} aborts: entry, dn2id, indexes and contextCSN stay as they were.
 */
final class UpdateTransaction implements AutoCloseable {
    private final OperationContext context;
    private final StoreWriter writer;
    private final Csn csn;

    UpdateTransaction(OperationContext context) {
        this.context = context;
        this.writer = context.store().beginWrite();
        this.csn = context.csns().next();
    }

    StoreWriter writer() {
        return writer;
    }

    Csn csn() {
        return csn;
    }

    /** RFC 4528: ASSERTION_FAILED unless the entry matches the assertion control's filter. */
    void requireAssertion(Identity who, DirectoryEntry entry, UpdateControls controls) {
        AssertionControl.require(context.filters(), who, controls.assertion(), entry);
    }

    /** RFC 4527: the entry reduced to the requested attributes, or null when not requested. */
    DirectoryEntry readControl(List<String> requested, DirectoryEntry entry, Identity who) {
        return requested == null ? null : context.readControls().select(entry, requested, who);
    }

    /** Rewrites an existing entry and its index keys. */
    void replace(DirectoryEntry before, DirectoryEntry after) {
        writer.replace(before.id(), after);
        context.indexes().update(writer.txn(), before.id(), before, after);
    }

    /** Indexes an entry just stored with {@link StoreWriter#add}. */
    void indexAdded(DirectoryEntry added) {
        context.indexes().update(writer.txn(), added.id(), null, added);
    }

    /** Removes a leaf entry and its index keys. */
    void delete(DirectoryEntry entry) {
        writer.delete(entry.id());
        context.indexes().update(writer.txn(), entry.id(), entry, null);
    }

    /** Raises the suffix's contextCSN to this update's CSN and commits everything. */
    void commit() {
        SuffixContextCsn.raise(writer, context.indexes(), context.operational(), List.of(csn));
        writer.commit();
    }

    @Override
    public void close() {
        writer.close();
    }
}
