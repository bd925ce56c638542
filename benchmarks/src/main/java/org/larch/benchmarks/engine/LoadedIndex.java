package org.larch.benchmarks.engine;

import java.util.ArrayList;
import java.util.List;
import org.larch.benchmarks.data.DataDirectory;
import org.larch.benchmarks.data.DupDataset;
import org.larch.benchmarks.store.DupReader;
import org.larch.benchmarks.store.DupStore;
import org.larch.benchmarks.store.StoreKind;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * An index-like store ({@code keys} keys × {@code idsPerKey} sorted 8-byte ids) of kind {@code store},
 * loaded before the trial; after it, the readers it handed out are closed and the store removed.
 */
@State(Scope.Benchmark)
public class LoadedIndex {
    /** Which store; every {@link StoreKind} by default (all of them have a form of duplicates). */
    @Param
    public StoreKind store;

    @Param("10000")
    public int keys;

    @Param("100")
    public int idsPerKey;

    public DupDataset data;
    public DupStore index;
    private DataDirectory directory;
    private final List<DupReader> readers = new ArrayList<>();

    @Setup(Level.Trial)
    public void setUp() {
        data = DupDataset.generate(keys, idsPerKey, 0xd0b5L);
        directory = DataDirectory.create(store.label() + "-index");
        index = store.openDup(directory.path());
        index.load(data);
    }

    /** A reader for one thread, closed at the end of the trial. */
    public synchronized DupReader openReader() {
        DupReader reader = index.openReader();
        readers.add(reader);
        return reader;
    }

    @TearDown(Level.Trial)
    public synchronized void tearDown() {
        try {
            readers.forEach(DupReader::close);
            readers.clear();
            index.close();
        } finally {
            directory.close();
        }
    }
}
