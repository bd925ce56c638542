package org.larch.benchmarks.store.mvstore;

import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.larch.benchmarks.data.Checksum;
import org.larch.benchmarks.store.KvReader;

/** Reads one MVStore snapshot; values are the arrays the store's pages hold. */
final class MvReader implements KvReader {
    private final MVMap<byte[], byte[]> map;
    private final MvSnapshot snapshot;

    MvReader(MVStore store, MVMap<byte[], byte[]> map) {
        this.map = map;
        this.snapshot = new MvSnapshot(store, map);
    }

    @Override
    public boolean get(byte[] key, Checksum checksum) {
        byte[] value = snapshot.get(key);
        if (value == null) {
            return false;
        }
        checksum.add(value);
        return true;
    }

    @Override
    public long scan(Checksum checksum) {
        long entries = 0;
        Cursor<byte[], byte[]> cursor = map.cursor(snapshot.root(), null, null, false);
        while (cursor.hasNext()) {
            checksum.add(cursor.next());
            checksum.add(cursor.getValue());
            entries++;
        }
        return entries;
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
