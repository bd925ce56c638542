package org.larch.benchmarks.store.mvstore;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.larch.benchmarks.data.Checksum;
import org.larch.benchmarks.data.Dataset;
import org.larch.benchmarks.store.DupReader;

/** Reads a key's ids as a range of composite keys, from (key, 0) to (key, the largest id). */
final class MvDupReader implements DupReader {
    private static final VarHandle BIG_ENDIAN_LONG =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final MVMap<byte[], byte[]> map;
    private final MvSnapshot snapshot;

    MvDupReader(MVStore store, MVMap<byte[], byte[]> map) {
        this.map = map;
        this.snapshot = new MvSnapshot(store, map);
    }

    @Override
    public int lookup(byte[] key, Checksum checksum) {
        byte[] from = MvDupStore.compositeKey(key, 0);
        byte[] to = MvDupStore.compositeKey(key, -1L);
        Cursor<byte[], byte[]> cursor = map.cursor(snapshot.root(), from, to, false);
        int count = 0;
        while (cursor.hasNext()) {
            checksum.addId((long) BIG_ENDIAN_LONG.get(cursor.next(), Dataset.KEY_BYTES));
            count++;
        }
        return count;
    }

    @Override
    public void renew() {
        snapshot.renew();
    }

    @Override
    public void close() {
        snapshot.close();
    }
}
