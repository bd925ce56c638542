package org.larch.benchmarks.store.lmdb;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.larch.benchmarks.data.Dataset;
import org.larch.benchmarks.store.Batch;
import org.larch.benchmarks.store.Durability;
import org.larch.benchmarks.store.KvReader;
import org.larch.benchmarks.store.KvStore;
import org.lmdbjava.Cursor;
import org.lmdbjava.Dbi;
import org.lmdbjava.DbiFlags;
import org.lmdbjava.Env;
import org.lmdbjava.PutFlags;
import org.lmdbjava.Txn;

/** LMDB through lmdbjava: one named database, native (memcmp) key order. */
public final class LmdbKvStore implements KvStore {
    private final Env<ByteBuffer> env;
    private final Dbi<ByteBuffer> dbi;
    private final byte[] keyBytes = new byte[Dataset.KEY_BYTES];
    private final byte[] valueBytes = new byte[Dataset.VALUE_BYTES];
    private final ByteBuffer key = ByteBuffer.allocateDirect(Dataset.KEY_BYTES);
    private final ByteBuffer value = ByteBuffer.allocateDirect(Dataset.VALUE_BYTES);

    private LmdbKvStore(Env<ByteBuffer> env) {
        this.env = env;
        this.dbi = env.openDbi("data", DbiFlags.MDB_CREATE);
    }

    public static KvStore open(Path directory, Durability durability) {
        return new LmdbKvStore(Lmdb.open(directory, durability));
    }

    @Override
    public void loadSorted(Dataset data) {
        try (Txn<ByteBuffer> txn = env.txnWrite(); Cursor<ByteBuffer> cursor = dbi.openCursor(txn)) {
            for (int i = 0; i < data.size(); i++) {
                data.keyInto(i, keyBytes);
                data.valueInto(i, valueBytes);
                cursor.put(Lmdb.fill(key, keyBytes), Lmdb.fill(value, valueBytes), PutFlags.MDB_APPEND);
            }
            cursor.close();
            txn.commit();
        }
    }

    @Override
    public void put(Batch batch) {
        try (Txn<ByteBuffer> txn = env.txnWrite()) {
            for (int i = 0; i < batch.count(); i++) {
                batch.keyInto(i, keyBytes);
                batch.valueInto(i, valueBytes);
                dbi.put(txn, Lmdb.fill(key, keyBytes), Lmdb.fill(value, valueBytes));
            }
            txn.commit();
        }
    }

    @Override
    public KvReader openReader() {
        return new LmdbReader(env, dbi);
    }

    @Override
    public void close() {
        env.close();
    }
}
