package org.larch.backend.ldif;

import java.util.HashMap;
import java.util.Map;
import org.larch.backend.csn.Csn;
import org.larch.backend.entry.DirectoryEntry;
import org.larch.backend.index.Indexes;
import org.larch.backend.operational.OperationalAttributes;
import org.larch.backend.store.DirectoryStore;
import org.larch.backend.store.StoreWriter;

/**
 * The write transactions of an import: a new one every {@code entriesPerCommit} added entries, each
 * commit raising the suffix's {@code contextCSN} to the greatest {@code entryCSN} (per server) stored
 * so far, so every committed state is one a server can open. With {@code dryRun} there is one
 * transaction, never committed.
 */
final class ImportTransactions implements AutoCloseable {
    private final DirectoryStore store;
    private final Indexes indexes;
    private final OperationalAttributes operational;
    private final ImportOptions options;
    private final Map<Integer, Csn> greatestCsns = new HashMap<>();
    private StoreWriter writer;
    private int inTransaction;
    private long committedEntries;

    ImportTransactions(DirectoryStore store, Indexes indexes, OperationalAttributes operational, ImportOptions options) {
        this.store = store;
        this.indexes = indexes;
        this.operational = operational;
        this.options = options;
        this.writer = store.beginWrite();
    }

    /** Entries added by the commits so far. */
    long committedEntries() {
        return committedEntries;
    }

    StoreWriter writer() {
        return writer;
    }

    /** Stores {@code entry} under {@code parentId} (0: it is the suffix entry) with its index keys. */
    void store(long parentId, DirectoryEntry entry) {
        if (parentId == 0) {
            writer.addSuffix(entry);
        } else {
            writer.add(parentId, entry.dn().getRdn(), entry);
        }
        indexes.update(writer.txn(), entry.id(), null, entry);
        noteCsn(operational.entryCsn(entry));
        if (++inTransaction >= options.entriesPerCommit() && !options.dryRun()) {
            commit();
            writer.close();
            writer = store.beginWrite();
        }
    }

    /**
     * Commits the entries so far and runs {@code change} outside the import's transaction (it opens
     * its own), then starts the next one. Not with dryRun.
     */
    void outside(Runnable change) {
        commit();
        writer.close();
        writer = null;
        try {
            change.run();
        } finally {
            writer = store.beginWrite();
        }
    }

    /** Commits what is left (nothing with dryRun). */
    void finish() {
        if (!options.dryRun()) {
            commit();
        }
    }

    @Override
    public void close() {
        if (writer != null) {
            writer.close();
        }
    }

    private void noteCsn(Csn csn) {
        if (csn != null) {
            greatestCsns.merge(csn.serverId(), csn, (old, current) -> current.isAfter(old) ? current : old);
        }
    }

    private void commit() {
        raiseContextCsn();
        writer.commit();
        committedEntries += inTransaction;
        inTransaction = 0;
    }

    private void raiseContextCsn() {
        long suffixId = writer.suffixId();
        if (suffixId == 0) {
            return;
        }
        DirectoryEntry suffix = writer.entry(suffixId);
        DirectoryEntry raised = suffix.copy();
        boolean changed = false;
        for (Csn csn : greatestCsns.values()) {
            changed |= operational.raiseContextCsn(raised, csn);
        }
        if (changed) {
            writer.replace(suffixId, raised);
            indexes.update(writer.txn(), suffixId, suffix, raised);
        }
    }
}
