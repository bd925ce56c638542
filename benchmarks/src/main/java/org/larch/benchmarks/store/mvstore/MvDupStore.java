package org.larch.benchmarks.store.mvstore;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.larch.benchmarks.data.Dataset;
import org.larch.benchmarks.data.DupDataset;
import org.larch.benchmarks.store.DupReader;
import org.larch.benchmarks.store.DupStore;
import org.larch.benchmarks.store.Durability;

/**
 * MVStore has no duplicate keys; H2's own non-unique indexes append the row id to the key. So does
 * this: key (16 bytes) followed by the id (8 bytes, big-endian), with an empty value.
 */
public final class MvDupStore implements DupStore {
    static final byte[] EMPTY = new byte[0];

    private final MVStore store;
    private final MVMap<byte[], byte[]> map;

    private MvDupStore(MVStore store) {
        this.store = store;
        this.map = MvStores.openMap(store, "index");
    }

    public static DupStore open(Path directory) {
        return new MvDupStore(MvStores.open(directory));
    }

    @Override
    public void load(DupDataset data) {
        for (int k = 0; k < data.keyCount(); k++) {
            byte[] key = data.key(k);
            for (int i = 0; i < data.idsPerKey(); i++) {
                map.append(compositeKey(key, data.id(k, i)), EMPTY);
            }
        }
        MvStores.commit(store, Durability.NO_SYNC);
    }

    /** MVStore has no multiple-value put: each id is one append of its composite key. */
    @Override
    public void appendInBatches(DupDataset data, int batches) {
        for (int b = 0; b < batches; b++) {
            int from = data.batchStart(b, batches);
            int to = data.batchStart(b + 1, batches);
            for (int k = 0; k < data.keyCount(); k++) {
                byte[] key = data.key(k);
                for (int i = from; i < to; i++) {
                    map.put(compositeKey(key, data.id(k, i)), EMPTY);
                }
            }
            MvStores.commit(store, Durability.NO_SYNC);
        }
    }

    /** {@code key} followed by {@code id}, big-endian. */
    static byte[] compositeKey(byte[] key, long id) {
        return ByteBuffer.allocate(Dataset.KEY_BYTES + DupDataset.ID_BYTES).put(key).putLong(id).array();
    }

    @Override
    public DupReader openReader() {
        return new MvDupReader(store, map);
    }

    @Override
    public void close() {
        store.close();
    }
}
