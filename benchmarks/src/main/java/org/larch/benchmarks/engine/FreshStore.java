package org.larch.benchmarks.engine;

import org.larch.benchmarks.data.DataDirectory;
import org.larch.benchmarks.data.Dataset;
import org.larch.benchmarks.store.Durability;
import org.larch.benchmarks.store.KvStore;
import org.larch.benchmarks.store.StoreKind;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * An empty store of kind {@code store}, new in a new directory for every iteration (in single-shot
 * mode: for every load), removed after it; commits do not sync. The data set and a random order of
 * it are made once per trial.
 */
@State(Scope.Benchmark)
public class FreshStore {
    private static final long ORDER_SALT = 0x10ad;

    @Param
    public StoreKind store;

    @Param("1000000")
    public int entries;

    public Dataset data;
    public int[] randomOrder;
    public KvStore kv;
    private DataDirectory directory;

    @Setup(Level.Trial)
    public void makeData() {
        data = Dataset.generate(entries, Dataset.DEFAULT_SEED);
        randomOrder = data.shuffledOrder(ORDER_SALT);
    }

    @Setup(Level.Iteration)
    public void open() {
        directory = DataDirectory.create(store.label());
        kv = store.openKv(directory.path(), Durability.NO_SYNC);
    }

    @TearDown(Level.Iteration)
    public void close() {
        try {
            kv.close();
        } finally {
            directory.close();
        }
    }
}
