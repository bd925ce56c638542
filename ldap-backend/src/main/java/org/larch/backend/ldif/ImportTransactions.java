package org.larch.backend.ldif;

import java.util.HashMap;
import java.util.Map;
import org.larch.backend.csn.Csn;
import org.larch.backend.entry.DirectoryEntry;
import org.larch.backend.index.EntryIndexKeys;
import org.larch.backend.index.IndexBatch;
import org.larch.backend.index.Indexes;
import org.larch.backend.operational.OperationalAttributes;
import org.larch.backend.ops.SuffixContextCsn;
import org.larch.backend.store.DirectoryStore;
import org.larch.backend.store.StoreWriter;

/**
 * The write transactions of an import: a new one every {@code entriesPerCommit} added entries, each
 * commit raising the suffix's {@code contextCSN} to the greatest {@code entryCSN} (per server) stored
 * so far, so every committed state is one a server can open. With {@code dryRun} there is one
 * transaction, never committed.
 *
 * <p>The index keys of the added entries are collected in an {@link IndexBatch} and written before
 * each commit and before a change record runs, so each key's pages are touched once per transaction.
 */
final class ImportTransactions implements AutoCloseable {
    private final DirectoryStore store;
    private final Indexes indexes;
    private final OperationalAttributes operational;
    private final ImportOptions options;
    private final Map<Integer, Csn> greatestCsns = new HashMap<>();
    private final IndexBatch batch;
    private StoreWriter writer;
    /** The id the first entry of this import gets. */
    private final long firstNewId;
    private int inTransaction;
    private long committedEntries;

    ImportTransactions(DirectoryStore store, Indexes indexes, OperationalAttributes operational, ImportOptions options) {
        this.store = store;
        this.indexes = indexes;
        this.operational = operational;
        this.options = options;
        this.batch = indexes.newBatch();
        this.writer = store.beginWrite();
        this.firstNewId = writer.nextId();
    }

    /** Whether entry {@code id} was added by this import (ids are never reused: a greater id is newer). */
    boolean created(long id) {
        return id >= firstNewId;
    }

    /** Entries added by the commits so far. */
    long committedEntries() {
        return committedEntries;
    }

    StoreWriter writer() {
        return writer;
    }

    /** The index keys of {@code entry}, for {@link #store}; any thread may call it. */
    EntryIndexKeys indexKeys(DirectoryEntry entry) {
        return batch.keysOf(entry);
    }

    /**
     * Stores {@code entry} under {@code parentId} (0: it is the suffix entry) with {@code keys}, its
     * {@link #indexKeys}. With {@code knownNew} the existence check is skipped
     * ({@link StoreWriter#addKnownNew}): only for an entry whose parent this import {@link #created}
     * and whose DN the file has not named before.
     */
    void store(long parentId, DirectoryEntry entry, EntryIndexKeys keys, boolean knownNew) {
        if (parentId == 0) {
            writer.addSuffix(entry);
        } else if (knownNew) {
            writer.addKnownNew(parentId, entry.dn().getRdn(), entry);
        } else {
            writer.add(parentId, entry.dn().getRdn(), entry);
        }
        batch.add(entry.id(), keys);
        noteCsn(operational.entryCsn(entry));
        if (++inTransaction % options.entriesPerCommit() != 0) {
            return;
        }
        if (options.dryRun()) {
            batch.flush(writer.txn());
        } else {
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
        batch.flush(writer.txn());
        SuffixContextCsn.raise(writer, indexes::update, operational, greatestCsns.values());
        writer.commit();
        committedEntries += inTransaction;
        inTransaction = 0;
    }
}
