package org.larch.benchmarks.store;

import java.nio.file.Path;
import org.larch.benchmarks.store.larch.LarchDupStore;
import org.larch.benchmarks.store.larch.LarchKvStore;
import org.larch.benchmarks.store.lmdb.LmdbDupStore;
import org.larch.benchmarks.store.lmdb.LmdbKvStore;
import org.larch.benchmarks.store.mvstore.MvDupStore;
import org.larch.benchmarks.store.mvstore.MvKvStore;

/**
 * The stores the benchmarks compare; each JMH benchmark takes one as its {@code store} parameter.
 * Plugging in another store is one more constant here, with its {@link KvStore} (and, if it can,
 * {@link DupStore}) implementation.
 */
public enum StoreKind {
    LARCH(LarchKvStore::open, LarchDupStore::open),
    LMDB(LmdbKvStore::open, LmdbDupStore::open),
    MVSTORE(MvKvStore::open, MvDupStore::open);

    /** Ceiling of the data file (LMDB's map size, Larch's maxsize): far above what a run uses. */
    public static final long MAX_SIZE_BYTES = 16L << 30;

    private final KvOpener kvOpener;
    private final DupOpener dupOpener;

    StoreKind(KvOpener kvOpener, DupOpener dupOpener) {
        this.kvOpener = kvOpener;
        this.dupOpener = dupOpener;
    }

    /** Opens (creating) a key/value store in the empty directory {@code directory}. */
    public KvStore openKv(Path directory, Durability durability) {
        return kvOpener.open(directory, durability);
    }

    public boolean hasDuplicates() {
        return dupOpener != null;
    }

    /** Opens (creating) an index-like store in the empty directory {@code directory}; no sync on commit. */
    public DupStore openDup(Path directory) {
        if (dupOpener == null) {
            throw new UnsupportedOperationException(this + " has no sorted duplicates (yet)");
        }
        return dupOpener.open(directory);
    }

    /** The name the report prints. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    @FunctionalInterface
    interface KvOpener {
        KvStore open(Path directory, Durability durability);
    }

    @FunctionalInterface
    interface DupOpener {
        DupStore open(Path directory);
    }
}
