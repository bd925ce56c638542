package org.larch.storage;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.larch.storage.btree.Tree;
import org.larch.storage.btree.TreeWriter;
import org.larch.storage.page.DbRecord;
import org.larch.storage.page.KeyComparator;

/**
 * A handle to one database of an environment: the unnamed one or a named one. Handles are shared by
 * all threads and transactions; the data they reach is that of the transaction passed in.
 */
public final class Dbi {
    private final Env env;
    private final int id;
    private final String name;
    private final int storedFlags;
    private final KeyComparator order;
    private volatile boolean dropped;

    Dbi(Env env, int id, String name, int storedFlags, KeyComparator order) {
        this.env = env;
        this.id = id;
        this.name = name;
        this.storedFlags = storedFlags;
        this.order = order;
    }

    /** The database's name; null for the unnamed database. */
    public String name() {
        return name;
    }

    /** A copy of the value stored under {@code key}, or null. */
    public byte[] get(Txn txn, byte[] key) {
        MemorySegment value = getView(txn, key);
        return value == null ? null : value.toArray(ValueLayout.JAVA_BYTE);
    }

    /**
     * The value stored under {@code key} as a read-only view of the page it lies in, or null. Valid
     * until the transaction ends (in a write transaction: until its next change); copy-on-write
     * guarantees that no later transaction changes these bytes while it is valid.
     */
    public MemorySegment getView(Txn txn, byte[] key) {
        try {
            MemorySegment value = new Tree(txn.pages(), txn.record(this), order).get(MemorySegment.ofArray(key));
            return value == null ? null : value.asReadOnly();
        } catch (RuntimeException | InternalError e) {
            throw txn.failed(e);
        }
    }

    /**
     * Stores {@code value} under {@code key}. Returns false only when {@link PutFlag#NOOVERWRITE} found
     * the key already there (its value is left as it was).
     */
    public boolean put(Txn txn, byte[] key, byte[] value, PutFlag... flags) {
        try {
            return writer(txn).put(MemorySegment.ofArray(key), MemorySegment.ofArray(value), 0, mode(flags));
        } catch (RuntimeException | InternalError e) {
            throw txn.failed(e);
        }
    }

    /** Stores {@code value} under {@code key} in a transaction of its own. */
    public void put(byte[] key, byte[] value) {
        try (Txn txn = env.txnWrite()) {
            put(txn, key, value);
            txn.commit();
        }
    }

    /** A copy of the value under {@code key} read in a transaction of its own, or null. */
    public byte[] get(byte[] key) {
        try (Txn txn = env.txnRead()) {
            return get(txn, key);
        }
    }

    /**
     * Stores {@code size} bytes under {@code key} and returns them, writable, for the caller to fill
     * (LMDB's MDB_RESERVE). Valid until the next change in the transaction.
     */
    public MemorySegment reserve(Txn txn, byte[] key, int size) {
        try {
            return writer(txn).reserve(MemorySegment.ofArray(key), size);
        } catch (RuntimeException | InternalError e) {
            throw txn.failed(e);
        }
    }

    /** Removes {@code key}; false when it was not there. */
    public boolean delete(Txn txn, byte[] key) {
        try {
            return writer(txn).delete(MemorySegment.ofArray(key), 0);
        } catch (RuntimeException | InternalError e) {
            throw txn.failed(e);
        }
    }

    public Cursor openCursor(Txn txn) {
        return new Cursor(txn, this);
    }

    public Stat stat(Txn txn) {
        DbRecord record = txn.record(this);
        return new Stat(txn.pages().pageSize(), record.depth, record.branchPages, record.leafPages,
                record.overflowPages, record.entries);
    }

    /**
     * Empties the database ({@code delete} false) or removes it altogether ({@code delete} true; the
     * handle is unusable once that commits). The unnamed database can only be emptied.
     */
    public void drop(Txn txn, boolean delete) {
        try {
            txn.dropDatabase(this, delete);
        } catch (RuntimeException | InternalError e) {
            throw txn.failed(e);
        }
    }

    // ---- for this package ----

    int id() {
        return id;
    }

    int storedFlags() {
        return storedFlags;
    }

    KeyComparator order() {
        return order;
    }

    void markDropped() {
        dropped = true;
    }

    void checkNotDropped() {
        if (dropped) {
            throw new BadTxnException("database '" + name + "' was dropped");
        }
    }

    private TreeWriter writer(Txn txn) {
        return new TreeWriter(txn.store(), txn.record(this), order);
    }

    private static TreeWriter.Mode mode(PutFlag[] flags) {
        TreeWriter.Mode mode = TreeWriter.Mode.UPSERT;
        for (PutFlag flag : flags) {
            mode = switch (flag) {
                case NOOVERWRITE -> mode == TreeWriter.Mode.APPEND ? mode : TreeWriter.Mode.NO_OVERWRITE;
                case APPEND -> TreeWriter.Mode.APPEND;
            };
        }
        return mode;
    }

    @Override
    public String toString() {
        return name == null ? "Dbi[unnamed]" : "Dbi[" + name + "]";
    }
}
