package org.larch.benchmarks.store.lmdb;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.larch.benchmarks.data.Dataset;
import org.larch.benchmarks.data.DupDataset;
import org.larch.benchmarks.store.DupReader;
import org.larch.benchmarks.store.DupStore;
import org.larch.benchmarks.store.Durability;
import org.lmdbjava.Cursor;
import org.lmdbjava.Dbi;
import org.lmdbjava.DbiFlags;
import org.lmdbjava.Env;
import org.lmdbjava.PutFlags;
import org.lmdbjava.Txn;

/** LMDB's attribute-index form (back-mdb's): a DUPSORT | DUPFIXED database of 8-byte ids. */
public final class LmdbDupStore implements DupStore {
    private final Env<ByteBuffer> env;
    private final Dbi<ByteBuffer> dbi;

    private LmdbDupStore(Env<ByteBuffer> env) {
        this.env = env;
        this.dbi = env.openDbi("index", DbiFlags.MDB_CREATE, DbiFlags.MDB_DUPSORT, DbiFlags.MDB_DUPFIXED);
    }

    public static DupStore open(Path directory) {
        return new LmdbDupStore(Lmdb.open(directory, Durability.NO_SYNC));
    }

    @Override
    public void load(DupDataset data) {
        byte[] keyBytes = new byte[Dataset.KEY_BYTES];
        ByteBuffer key = ByteBuffer.allocateDirect(Dataset.KEY_BYTES);
        ByteBuffer id = ByteBuffer.allocateDirect(DupDataset.ID_BYTES);
        try (Txn<ByteBuffer> txn = env.txnWrite(); Cursor<ByteBuffer> cursor = dbi.openCursor(txn)) {
            for (int k = 0; k < data.keyCount(); k++) {
                data.keyInto(k, keyBytes);
                for (int i = 0; i < data.idsPerKey(); i++) {
                    id.clear();
                    id.putLong(0, data.id(k, i));
                    cursor.put(Lmdb.fill(key, keyBytes), id);
                }
            }
            cursor.close();
            txn.commit();
        }
    }

    @Override
    public void appendInBatches(DupDataset data, int batches) {
        byte[] keyBytes = new byte[Dataset.KEY_BYTES];
        byte[] idBytes = new byte[data.idsPerKey() * DupDataset.ID_BYTES];
        ByteBuffer key = ByteBuffer.allocateDirect(Dataset.KEY_BYTES);
        ByteBuffer ids = ByteBuffer.allocateDirect(idBytes.length);
        for (int b = 0; b < batches; b++) {
            int from = data.batchStart(b, batches);
            int to = data.batchStart(b + 1, batches);
            try (Txn<ByteBuffer> txn = env.txnWrite(); Cursor<ByteBuffer> cursor = dbi.openCursor(txn)) {
                for (int k = 0; k < data.keyCount(); k++) {
                    data.keyInto(k, keyBytes);
                    data.packIds(k, from, to, idBytes);
                    ids.clear();
                    ids.put(0, idBytes, 0, (to - from) * DupDataset.ID_BYTES);
                    ids.limit((to - from) * DupDataset.ID_BYTES);
                    cursor.putMultiple(Lmdb.fill(key, keyBytes), ids, to - from, PutFlags.MDB_MULTIPLE);
                }
                cursor.close();
                txn.commit();
            }
        }
    }

    @Override
    public DupReader openReader() {
        return new LmdbDupReader(env, dbi);
    }

    @Override
    public void close() {
        env.close();
    }
}
