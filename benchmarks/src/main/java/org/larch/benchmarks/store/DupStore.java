package org.larch.benchmarks.store;

import org.larch.benchmarks.data.DupDataset;

/**
 * One store's form of an attribute index: many sorted 8-byte ids under one key (LMDB's DUPSORT with
 * DUPFIXED, or what the store has instead), in its own directory.
 */
public interface DupStore extends AutoCloseable {
    /** Puts every key with all its ids, in one transaction. */
    void load(DupDataset data);

    /**
     * Builds the index as a bulk import does, in {@code batches} transactions (commit included, no
     * sync): transaction {@code b} adds to every key, in key order, the ids {@link DupDataset#batchStart}
     * gives it, all greater than the key's ids before, with the store's multiple-value put (LMDB's
     * {@code MDB_MULTIPLE}; a loop where the store has none).
     */
    void appendInBatches(DupDataset data, int batches);

    /** A read transaction on the newest committed state, for one thread. */
    DupReader openReader();

    @Override
    void close();
}
