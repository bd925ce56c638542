package org.larch.benchmarks.store.mvstore;

import java.nio.file.Path;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.larch.benchmarks.data.Dataset;
import org.larch.benchmarks.store.Batch;
import org.larch.benchmarks.store.Durability;
import org.larch.benchmarks.store.KvReader;
import org.larch.benchmarks.store.KvStore;

/**
 * H2's MVStore: one {@link MVMap} of byte arrays. Its pages hold the key and value objects, so every
 * put passes arrays of its own; append mode is {@link MVMap#append}.
 */
public final class MvKvStore implements KvStore {
    private final MVStore store;
    private final MVMap<byte[], byte[]> map;
    private final Durability durability;

    private MvKvStore(MVStore store, Durability durability) {
        this.store = store;
        this.map = MvStores.openMap(store, "data");
        this.durability = durability;
    }

    public static KvStore open(Path directory, Durability durability) {
        return new MvKvStore(MvStores.open(directory), durability);
    }

    @Override
    public void loadSorted(Dataset data) {
        for (int i = 0; i < data.size(); i++) {
            map.append(data.key(i), data.value(i));
        }
        MvStores.commit(store, durability);
    }

    @Override
    public void put(Batch batch) {
        for (int i = 0; i < batch.count(); i++) {
            map.put(batch.data().key(batch.keyIndex(i)), batch.data().value(batch.valueIndex(i)));
        }
        MvStores.commit(store, durability);
    }

    @Override
    public KvReader openReader() {
        return new MvReader(store, map);
    }

    @Override
    public void close() {
        store.close();
    }
}
