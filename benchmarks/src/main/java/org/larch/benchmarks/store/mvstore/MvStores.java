package org.larch.benchmarks.store.mvstore;

import java.nio.file.Path;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ByteArrayDataType;
import org.larch.benchmarks.store.Durability;

/**
 * How the MVStore stores open: one file; neither background auto-commit nor intermediate stores of
 * unsaved changes (autoCommitBufferSize 0: without it a one-transaction load of a million random keys
 * rewrites its pages every megabyte and runs 4–6 times slower), so a transaction is what lies between
 * two {@link MVStore#commit()}s; a page cache big enough to hold a whole data set; maps of byte arrays
 * in unsigned byte order. MVStore's commit writes a chunk without syncing; {@link Durability#SYNC}
 * adds {@link MVStore#sync()}: one {@code fsync} per commit.
 */
final class MvStores {
    static final int CACHE_MEGABYTES = 1024;

    private MvStores() {
    }

    static MVStore open(Path directory) {
        return new MVStore.Builder()
                .fileName(directory.resolve("data.mv.db").toString())
                .autoCommitDisabled()
                .autoCommitBufferSize(0)
                .cacheSize(CACHE_MEGABYTES)
                .open();
    }

    static MVMap<byte[], byte[]> openMap(MVStore store, String name) {
        return store.openMap(name, new MVMap.Builder<byte[], byte[]>()
                .keyType(ByteArrayDataType.INSTANCE)
                .valueType(ByteArrayDataType.INSTANCE));
    }

    static void commit(MVStore store, Durability durability) {
        store.commit();
        if (durability == Durability.SYNC) {
            store.sync();
        }
    }
}
