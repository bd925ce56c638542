package org.larch.benchmarks.engine;

import java.util.SplittableRandom;
import org.larch.benchmarks.data.Checksum;
import org.larch.benchmarks.data.Dataset;
import org.larch.benchmarks.store.KvReader;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * One reading thread: a long-lived read transaction on a {@link LoadedStore}, renewed every
 * {@value #RENEW_EVERY} reads (as a server renews long searches' snapshots), and its own random keys.
 * The store state closes the reader.
 */
@State(Scope.Thread)
public class ReaderThread {
    static final int RENEW_EVERY = 100_000;

    private final byte[] key = new byte[Dataset.KEY_BYTES];
    private final Checksum checksum = new Checksum();
    private Dataset data;
    private KvReader reader;
    private SplittableRandom random;
    private int readsUntilRenew = RENEW_EVERY;
    /** The index of the key read last: for tests to check the value read. */
    int lastIndex = -1;

    @Setup(Level.Trial)
    public void open(LoadedStore loaded, ThreadParams thread) {
        data = loaded.data;
        reader = loaded.openReader();
        random = new SplittableRandom(Dataset.DEFAULT_SEED + thread.getThreadIndex());
    }

    /** Reads the value of a random key; returns the value's checksum. */
    public long readRandomKey() {
        int index = random.nextInt(data.size());
        data.keyInto(index, key);
        checksum.reset();
        if (!reader.get(key, checksum)) {
            throw new IllegalStateException("key " + index + " of the data set was not found");
        }
        lastIndex = index;
        if (--readsUntilRenew == 0) {
            reader.renew();
            readsUntilRenew = RENEW_EVERY;
        }
        return checksum.value();
    }

    /** Walks every entry; returns the checksum of all keys and values. */
    public long scanAll() {
        checksum.reset();
        long entries = reader.scan(checksum);
        if (entries != data.size()) {
            throw new IllegalStateException("the scan saw " + entries + " entries, not " + data.size());
        }
        return checksum.value();
    }
}
