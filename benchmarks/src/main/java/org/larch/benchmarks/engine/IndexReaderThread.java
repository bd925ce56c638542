package org.larch.benchmarks.engine;

import java.util.SplittableRandom;
import org.larch.benchmarks.data.Checksum;
import org.larch.benchmarks.data.Dataset;
import org.larch.benchmarks.data.DupDataset;
import org.larch.benchmarks.store.DupReader;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * One thread reading a {@link LoadedIndex} in a long-lived read transaction, renewed now and then;
 * the index state closes the reader.
 */
@State(Scope.Thread)
public class IndexReaderThread {
    private final byte[] key = new byte[Dataset.KEY_BYTES];
    private final Checksum checksum = new Checksum();
    private DupDataset data;
    private DupReader reader;
    private SplittableRandom random;
    private int lookupsUntilRenew = ReaderThread.RENEW_EVERY;
    /** The key looked up last: for tests to check the ids read. */
    int lastKeyIndex = -1;

    @Setup(Level.Trial)
    public void open(LoadedIndex loaded, ThreadParams thread) {
        data = loaded.data;
        reader = loaded.openReader();
        random = new SplittableRandom(Dataset.DEFAULT_SEED + thread.getThreadIndex());
    }

    /** Reads all ids of a random key; returns their sum. */
    public long lookUpRandomKey() {
        int index = random.nextInt(data.keyCount());
        data.keyInto(index, key);
        checksum.reset();
        int found = reader.lookup(key, checksum);
        if (found != data.idsPerKey()) {
            throw new IllegalStateException("key " + index + " has " + found + " ids, not " + data.idsPerKey());
        }
        lastKeyIndex = index;
        if (--lookupsUntilRenew == 0) {
            reader.renew();
            lookupsUntilRenew = ReaderThread.RENEW_EVERY;
        }
        return checksum.value();
    }
}
