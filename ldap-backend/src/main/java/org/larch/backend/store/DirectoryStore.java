package org.larch.backend.store;

import java.nio.file.Path;
import org.apache.directory.api.ldap.model.name.Dn;
import org.larch.backend.schema.DirectorySchema;
import org.larch.storage.Dbi;
import org.larch.storage.DbiFlag;
import org.larch.storage.Env;
import org.larch.storage.EnvConfig;
import org.larch.storage.Txn;

/**
 * The directory's storage: one environment with the named databases
 * {@code id2entry} (id → {@link EntryRecord}), {@code dn2id} (DUPSORT: {@link SelfRecord} and
 * {@link ChildRecord}s per id), {@code ad2id} ({@link AttributeDictionary}), {@code uuid2id}
 * (16-byte entryUUID → 8-byte id) and {@code meta} ({@link StoreMeta}). Reads go through a
 * {@link StoreReader} over a read transaction, changes through the {@link StoreWriter} (one at a time).
 * The attribute indexes live in the same environment ({@link #env()}) but are kept by their owner.
 */
public final class DirectoryStore implements AutoCloseable {
    private static final int MAX_READERS = 1022;
    private static final int MAX_DATABASES = 256;

    private final Env env;
    private final DirectorySchema schema;
    private final Dn suffix;
    private final Dbi id2entry;
    private final Dbi dn2id;
    private final Dbi uuid2id;
    private final StoreMeta meta;
    private final AttributeDictionary dictionary;
    private volatile Dn suffixAsWritten;

    private DirectoryStore(Env env, DirectorySchema schema, Dn suffix, Txn txn) {
        this.env = env;
        this.schema = schema;
        this.suffix = suffix;
        this.id2entry = env.openDbi(txn, "id2entry", DbiFlag.CREATE);
        this.dn2id = env.openDbi(txn, "dn2id", DbiFlag.CREATE, DbiFlag.DUPSORT);
        this.uuid2id = env.openDbi(txn, "uuid2id", DbiFlag.CREATE);
        this.meta = new StoreMeta(env.openDbi(txn, "meta", DbiFlag.CREATE));
        this.dictionary = new AttributeDictionary(env.openDbi(txn, "ad2id", DbiFlag.CREATE), schema);
    }

    /**
     * Opens (creating if needed) the store in {@code directory}. A directory created for another
     * suffix is refused. The suffix entry itself is not created here: see {@link StoreWriter#addSuffix}.
     */
    public static DirectoryStore open(Path directory, long maxSizeBytes, Dn suffix, DirectorySchema schema) {
        Dn normalizedSuffix = DnNames.schemaAware(schema.schemaManager(), suffix);
        EnvConfig config = EnvConfig.defaults()
                .withMaxSizeBytes(maxSizeBytes)
                .withMaxReaders(MAX_READERS)
                .withMaxDbs(MAX_DATABASES);
        Env env = Env.open(directory, config);
        try {
            DirectoryStore store;
            try (Txn txn = env.txnWrite()) {
                store = new DirectoryStore(env, schema, normalizedSuffix, txn);
                store.meta.initializeOrCheck(txn, normalizedSuffix.getNormName());
                txn.commit();
            }
            try (Txn txn = env.txnRead()) {
                store.dictionary.load(txn);
            }
            return store;
        } catch (RuntimeException e) {
            env.close();
            throw e;
        }
    }

    /** A reader over a new read transaction; close it when done. */
    public StoreReader beginRead() {
        return new StoreReader(this, env.txnRead());
    }

    /** The writer over a new write transaction (waits while another writer is open). */
    public StoreWriter beginWrite() {
        return new StoreWriter(this, env.txnWrite());
    }

    public Env env() {
        return env;
    }

    public DirectorySchema schema() {
        return schema;
    }

    /** The suffix, schema-aware. */
    public Dn suffix() {
        return suffix;
    }

    @Override
    public void close() {
        env.close();
    }

    /** The suffix entry's DN as its self record writes it, parsed once and kept. */
    Dn suffixDnAsWritten(String text) {
        Dn cached = suffixAsWritten;
        if (cached == null || !cached.getName().equals(text)) {
            cached = DnNames.parse(schema.schemaManager(), text);
            suffixAsWritten = cached;
        }
        return cached;
    }

    Dbi id2entry() {
        return id2entry;
    }

    Dbi dn2id() {
        return dn2id;
    }

    Dbi uuid2id() {
        return uuid2id;
    }

    StoreMeta meta() {
        return meta;
    }

    AttributeDictionary dictionary() {
        return dictionary;
    }
}
