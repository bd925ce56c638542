package org.larch.benchmarks.store.larch;

import java.nio.file.Path;
import org.larch.benchmarks.data.Dataset;
import org.larch.benchmarks.data.DupDataset;
import org.larch.benchmarks.store.DupReader;
import org.larch.benchmarks.store.DupStore;
import org.larch.benchmarks.store.Durability;
import org.larch.storage.Dbi;
import org.larch.storage.DbiFlag;
import org.larch.storage.Env;
import org.larch.storage.Txn;

/** Larch's attribute-index form: a DUPSORT | DUPFIXED database of 8-byte ids, as LMDB's. */
public final class LarchDupStore implements DupStore {
    private final Env env;
    private final Dbi dbi;

    private LarchDupStore(Env env) {
        this.env = env;
        this.dbi = env.openDbi("index", DbiFlag.CREATE, DbiFlag.DUPSORT, DbiFlag.DUPFIXED);
    }

    public static DupStore open(Path directory) {
        return new LarchDupStore(Env.open(directory, LarchKvStore.config(Durability.NO_SYNC)));
    }

    @Override
    public void load(DupDataset data) {
        byte[] key = new byte[Dataset.KEY_BYTES];
        byte[] id = new byte[DupDataset.ID_BYTES];
        try (Txn txn = env.txnWrite()) {
            for (int k = 0; k < data.keyCount(); k++) {
                data.keyInto(k, key);
                for (int i = 0; i < data.idsPerKey(); i++) {
                    data.packIds(k, i, i + 1, id);
                    dbi.put(txn, key, id);
                }
            }
            txn.commit();
        }
    }

    @Override
    public void appendInBatches(DupDataset data, int batches) {
        byte[] key = new byte[Dataset.KEY_BYTES];
        byte[] ids = new byte[data.idsPerKey() * DupDataset.ID_BYTES];
        for (int b = 0; b < batches; b++) {
            int from = data.batchStart(b, batches);
            int to = data.batchStart(b + 1, batches);
            try (Txn txn = env.txnWrite()) {
                for (int k = 0; k < data.keyCount(); k++) {
                    data.keyInto(k, key);
                    data.packIds(k, from, to, ids);
                    dbi.putMultiple(txn, key, ids, DupDataset.ID_BYTES, to - from);
                }
                txn.commit();
            }
        }
    }

    @Override
    public DupReader openReader() {
        return new LarchDupReader(env, dbi);
    }

    @Override
    public void close() {
        env.close();
    }
}
