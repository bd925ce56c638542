package org.larch.benchmarks.store.larch;

import java.nio.file.Path;
import org.larch.benchmarks.data.Dataset;
import org.larch.benchmarks.store.Batch;
import org.larch.benchmarks.store.Durability;
import org.larch.benchmarks.store.KvReader;
import org.larch.benchmarks.store.KvStore;
import org.larch.benchmarks.store.StoreKind;
import org.larch.storage.Dbi;
import org.larch.storage.DbiFlag;
import org.larch.storage.Env;
import org.larch.storage.EnvConfig;
import org.larch.storage.EnvFlag;
import org.larch.storage.PutFlag;
import org.larch.storage.Txn;

/**
 * Larch: one named database in an environment. {@link Durability#SYNC} is the default commit (sync
 * the data, write the meta page, sync again); {@link Durability#NO_SYNC} is {@link EnvFlag#NOSYNC}.
 */
public final class LarchKvStore implements KvStore {
    private final Env env;
    private final Dbi dbi;

    private LarchKvStore(Env env, Dbi dbi) {
        this.env = env;
        this.dbi = dbi;
    }

    public static KvStore open(Path directory, Durability durability) {
        Env env = Env.open(directory, config(durability));
        return new LarchKvStore(env, env.openDbi("data", DbiFlag.CREATE));
    }

    static EnvConfig config(Durability durability) {
        EnvConfig config = EnvConfig.defaults().withMaxSizeBytes(StoreKind.MAX_SIZE_BYTES);
        return durability == Durability.NO_SYNC ? config.withFlags(EnvFlag.NOSYNC) : config;
    }

    @Override
    public void loadSorted(Dataset data) {
        byte[] key = new byte[Dataset.KEY_BYTES];
        byte[] value = new byte[Dataset.VALUE_BYTES];
        try (Txn txn = env.txnWrite()) {
            for (int i = 0; i < data.size(); i++) {
                data.keyInto(i, key);
                data.valueInto(i, value);
                dbi.put(txn, key, value, PutFlag.APPEND);
            }
            txn.commit();
        }
    }

    @Override
    public void put(Batch batch) {
        byte[] key = new byte[Dataset.KEY_BYTES];
        byte[] value = new byte[Dataset.VALUE_BYTES];
        try (Txn txn = env.txnWrite()) {
            for (int i = 0; i < batch.count(); i++) {
                batch.keyInto(i, key);
                batch.valueInto(i, value);
                dbi.put(txn, key, value);
            }
            txn.commit();
        }
    }

    @Override
    public KvReader openReader() {
        return new LarchReader(env, dbi);
    }

    @Override
    public void close() {
        env.close();
    }
}
