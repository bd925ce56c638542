package org.larch.benchmarks.store;

import org.larch.benchmarks.data.Checksum;

/** A long-lived read transaction of a {@link DupStore}, used by one thread. */
public interface DupReader extends AutoCloseable {
    /**
     * Finds {@code key} and reads all of its ids, in order, adding each to {@code checksum} as a number;
     * returns how many there were (0 when the key is absent).
     */
    int lookup(byte[] key, Checksum checksum);

    /** Ends the snapshot and begins one on the newest committed state. */
    void renew();

    @Override
    void close();
}
