package org.larch.benchmarks.engine;

import java.util.ArrayList;
import java.util.List;
import org.larch.benchmarks.data.DataDirectory;
import org.larch.benchmarks.data.Dataset;
import org.larch.benchmarks.store.Durability;
import org.larch.benchmarks.store.KvReader;
import org.larch.benchmarks.store.KvStore;
import org.larch.benchmarks.store.StoreKind;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A store of kind {@code store} holding the whole data set of {@code entries} entries (loaded in key
 * order before the trial), shared by every thread of the trial; commits do not sync. After the trial
 * it closes the readers it handed out (JMH may tear it down before the threads' states), the store,
 * and removes its directory.
 */
@State(Scope.Benchmark)
public class LoadedStore {
    /** Which store; every {@link StoreKind} by default. */
    @Param
    public StoreKind store;

    @Param("1000000")
    public int entries;

    public Dataset data;
    public KvStore kv;
    private DataDirectory directory;
    private final List<KvReader> readers = new ArrayList<>();

    /** What commits wait for; subclasses change it. */
    protected Durability durability() {
        return Durability.NO_SYNC;
    }

    @Setup(Level.Trial)
    public void setUp() {
        data = Dataset.generate(entries, Dataset.DEFAULT_SEED);
        directory = DataDirectory.create(store.label());
        kv = store.openKv(directory.path(), durability());
        kv.loadSorted(data);
    }

    /** A reader for one thread, closed at the end of the trial. */
    public synchronized KvReader openReader() {
        KvReader reader = kv.openReader();
        readers.add(reader);
        return reader;
    }

    @TearDown(Level.Trial)
    public synchronized void tearDown() {
        try {
            readers.forEach(KvReader::close);
            readers.clear();
            kv.close();
        } finally {
            directory.close();
        }
    }
}
