package org.larch.benchmarks.engine;

import org.larch.benchmarks.data.DataDirectory;
import org.larch.benchmarks.data.DupDataset;
import org.larch.benchmarks.store.DupStore;
import org.larch.benchmarks.store.StoreKind;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * An empty index-like store of kind {@code store}, new in a new directory for every iteration (in
 * single-shot mode: for every build), removed after it, and the ids to put in it: {@code keys} keys
 * sharing {@code entries} ids ({@code entries / keys} each, sorted per key). The data set is made
 * once per trial.
 */
@State(Scope.Benchmark)
public class FreshIndex {
    /** Which store; every {@link StoreKind} by default. */
    @Param
    public StoreKind store;

    /** Ids in all (the suite's {@code entries} parameter, so that the report counts ids per second). */
    @Param("1000000")
    public int entries;

    @Param("10000")
    public int keys;

    /** Transactions the build is split into; each adds to every key its share of the ids. */
    @Param("10")
    public int batches;

    public DupDataset data;
    public DupStore index;
    private DataDirectory directory;

    @Setup(Level.Trial)
    public void makeData() {
        data = DupDataset.generate(keys, Math.max(1, entries / keys), 0xa99eL);
    }

    @Setup(Level.Iteration)
    public void open() {
        directory = DataDirectory.create(store.label() + "-append");
        index = store.openDup(directory.path());
    }

    @TearDown(Level.Iteration)
    public void close() {
        try {
            index.close();
        } finally {
            directory.close();
        }
    }
}
