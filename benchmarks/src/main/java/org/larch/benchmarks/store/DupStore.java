package org.larch.benchmarks.store;

import org.larch.benchmarks.data.DupDataset;

/**
 * One store's form of an attribute index: many sorted 8-byte ids under one key (LMDB's DUPSORT with
 * DUPFIXED, or what the store has instead), in its own directory.
 */
public interface DupStore extends AutoCloseable {
    /** Puts every key with all its ids, in one transaction. */
    void load(DupDataset data);

    /** A read transaction on the newest committed state, for one thread. */
    DupReader openReader();

    @Override
    void close();
}
