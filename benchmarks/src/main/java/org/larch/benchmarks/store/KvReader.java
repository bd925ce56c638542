package org.larch.benchmarks.store;

import org.larch.benchmarks.data.Checksum;

/**
 * A long-lived read transaction of a {@link KvStore}, used by one thread: it sees one committed state
 * until {@link #renew()}. Values are read in place where the store allows it, and added to a
 * {@link Checksum} so that their bytes are really read.
 */
public interface KvReader extends AutoCloseable {
    /** Adds the value of {@code key} to {@code checksum}; false (adding nothing) when the key is absent. */
    boolean get(byte[] key, Checksum checksum);

    /**
     * Walks every entry with a cursor, in key order, adding each key and value to {@code checksum};
     * returns how many entries there were.
     */
    long scan(Checksum checksum);

    /** Ends the snapshot and begins one on the newest committed state (reset and renew). */
    void renew();

    @Override
    void close();
}
