package org.larch.benchmarks.store.mvstore;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.RootReference;

/**
 * MVStore's read transaction: the map's root at one version, with that version registered as in use
 * so that the store keeps its chunks.
 */
final class MvSnapshot implements AutoCloseable {
    private final MVStore store;
    private final MVMap<byte[], byte[]> map;
    private MVStore.TxCounter usage;
    private RootReference<byte[], byte[]> root;

    MvSnapshot(MVStore store, MVMap<byte[], byte[]> map) {
        this.store = store;
        this.map = map;
        begin();
    }

    RootReference<byte[], byte[]> root() {
        return root;
    }

    byte[] get(byte[] key) {
        return map.get(root.root, key);
    }

    void renew() {
        close();
        begin();
    }

    @Override
    public void close() {
        store.deregisterVersionUsage(usage);
    }

    private void begin() {
        usage = store.registerVersionUsage();
        root = map.flushAndGetRoot();
    }
}
