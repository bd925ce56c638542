package org.larch.benchmarks.store;

import org.larch.benchmarks.data.Dataset;

/**
 * One key/value store under test, open on one directory with one {@link Durability}: one database of
 * byte-string keys in unsigned byte order. Every method that writes runs one write transaction and
 * commits it before returning. Not for concurrent writers; readers may run beside a writer.
 */
public interface KvStore extends AutoCloseable {
    /**
     * Puts all of {@code data} in key order in one transaction with the store's append mode (keys
     * greater than every key present; pages are filled instead of split).
     */
    void loadSorted(Dataset data);

    /** Puts {@code batch} (in its order, without append mode) in one transaction. */
    void put(Batch batch);

    /** A read transaction on the newest committed state, for one thread. */
    KvReader openReader();

    @Override
    void close();
}
