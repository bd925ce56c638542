package org.larch.storage;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.larch.storage.btree.DupCursor;
import org.larch.storage.btree.PairCursor;
import org.larch.storage.btree.ReadCursor;
import org.larch.storage.btree.DuplicatesWriter;
import org.larch.storage.btree.MappedLookup;
import org.larch.storage.btree.PageSource;
import org.larch.storage.btree.Tree;
import org.larch.storage.btree.TreeWriter;
import org.larch.storage.page.DbRecord;
import org.larch.storage.page.KeyComparator;

/**
 * A handle to one database of an environment: the unnamed one or a named one. Handles are shared by
 * all threads and transactions; the data they reach is that of the transaction passed in.
 */
public final class Dbi {
    private static final PutFlag[] NO_FLAGS = {};
    /** One array per flag, for the one-flag put; never changed. */
    private static final PutFlag[][] SINGLE_FLAGS = java.util.Arrays.stream(PutFlag.values())
            .map(flag -> new PutFlag[] {flag}).toArray(PutFlag[][]::new);
    private final Env env;
    private final int id;
    private final String name;
    private final int storedFlags;
    private final KeyComparator order;
    private final KeyComparator valueOrder;
    private volatile boolean dropped;

    Dbi(Env env, int id, String name, int storedFlags, KeyComparator order, KeyComparator valueOrder) {
        this.env = env;
        this.id = id;
        this.name = name;
        this.storedFlags = storedFlags;
        this.order = order;
        this.valueOrder = valueOrder;
    }

    /** Whether keys hold several sorted values ({@link DbiFlag#DUPSORT}). */
    public boolean isDupSort() {
        return (storedFlags & DbiFlag.DUPSORT.bits) != 0;
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
     * Points {@code value} at the value stored under {@code key} (in a DUPSORT database: its first
     * value); false, leaving it as it was, when the key is absent. In a read transaction on a plain
     * database this allocates nothing (LMDB's {@code mdb_get}); the window stays valid as a
     * {@link #getView} view does.
     */
    public boolean get(Txn txn, byte[] key, ByteView value) {
        try {
            PageSource pages = txn.pages();
            if (pages.mapping() != null && !isDupSort()) {
                return MappedLookup.get(pages, txn.record(this), txn.lookupKey(key, order), value);
            }
            MemorySegment found = getView(txn, key);
            if (found == null) {
                return false;
            }
            value.set(found, 0, found.byteSize());
            return true;
        } catch (RuntimeException | InternalError e) {
            throw txn.failed(e);
        }
    }

    /**
     * The value stored under {@code key} (in a DUPSORT database: its first value) as a read-only view
     * of the page it lies in, or null. Valid
     * until the transaction ends (in a write transaction: until its next change); copy-on-write
     * guarantees that no later transaction changes these bytes while it is valid.
     */
    public MemorySegment getView(Txn txn, byte[] key) {
        try {
            MemorySegment value;
            if (isDupSort()) {
                DupCursor cursor = dupCursor(txn);
                value = cursor.seek(MemorySegment.ofArray(key)) ? cursor.value() : null;
            } else {
                value = Tree.get(txn.pages(), txn.record(this), order, MemorySegment.ofArray(key));
            }
            return value == null ? null : readOnly(value);
        } catch (RuntimeException | InternalError e) {
            throw txn.failed(e);
        }
    }

    /**
     * Stores {@code value} under {@code key} (in a DUPSORT database: adds it to the key's values).
     * Returns false only when {@link PutFlag#NOOVERWRITE} found the key, or {@link PutFlag#NODUPDATA}
     * the pair, already there (nothing is changed then).
     */
    public boolean put(Txn txn, byte[] key, byte[] value, PutFlag... flags) {
        try {
            MemorySegment keySegment = txn.keySegment(key);
            MemorySegment valueSegment = txn.valueSegment(value);
            if (isDupSort()) {
                return duplicatesWriter(txn).put(keySegment, valueSegment, dupMode(flags));
            }
            return writer(txn).put(keySegment, valueSegment, 0, mode(flags));
        } catch (RuntimeException | InternalError e) {
            throw txn.failed(e);
        }
    }

    /**
     * DUPFIXED: adds {@code count} values of {@code valueSize} bytes each, packed one after the other in
     * {@code values} and sorted ascending (no value twice), to {@code key}'s values in one step (LMDB's
     * {@code MDB_MULTIPLE}). Values already there are skipped. Returns how many were added. Meant for
     * index builders that collect ids per key: one descent to the key and one rewrite of its node per
     * call; when the values are greater than the key's last, they are appended without a search per
     * value. Values out of order are refused ({@link IllegalArgumentException}) before anything changes.
     */
    public int putMultiple(Txn txn, byte[] key, byte[] values, int valueSize, int count) {
        if ((storedFlags & DbiFlag.DUPFIXED.bits) == 0) {
            throw new IllegalArgumentException("putMultiple is for DUPFIXED databases; " + this + " is not one");
        }
        if (valueSize <= 0 || count < 0 || (long) valueSize * count > values.length) {
            throw new IllegalArgumentException(count + " values of " + valueSize + " bytes do not fit in "
                    + values.length + " bytes");
        }
        try {
            return duplicatesWriter(txn).putMultiple(txn.keySegment(key), txn.valueSegment(values), valueSize, count);
        } catch (RuntimeException | InternalError e) {
            throw txn.failed(e);
        }
    }

    /** {@link #put(Txn, byte[], byte[], PutFlag...)} with no flag, without a varargs array per call. */
    public boolean put(Txn txn, byte[] key, byte[] value) {
        return put(txn, key, value, NO_FLAGS);
    }

    /** {@link #put(Txn, byte[], byte[], PutFlag...)} with one flag, without a varargs array per call. */
    public boolean put(Txn txn, byte[] key, byte[] value, PutFlag flag) {
        return put(txn, key, value, SINGLE_FLAGS[flag.ordinal()]);
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
        if (isDupSort()) {
            throw new IllegalArgumentException("reserve is not for DUPSORT databases");
        }
        try {
            return writer(txn).reserve(MemorySegment.ofArray(key), size);
        } catch (RuntimeException | InternalError e) {
            throw txn.failed(e);
        }
    }

    /** Removes {@code key} (with all its values); false when it was not there. */
    public boolean delete(Txn txn, byte[] key) {
        try {
            if (isDupSort()) {
                return duplicatesWriter(txn).delete(MemorySegment.ofArray(key));
            }
            return writer(txn).delete(MemorySegment.ofArray(key), 0);
        } catch (RuntimeException | InternalError e) {
            throw txn.failed(e);
        }
    }

    /** Removes the pair ({@code key}, {@code value}); false when it was not there. */
    public boolean delete(Txn txn, byte[] key, byte[] value) {
        try {
            if (isDupSort()) {
                return duplicatesWriter(txn).delete(MemorySegment.ofArray(key), MemorySegment.ofArray(value));
            }
            MemorySegment stored = getView(txn, key);
            return stored != null && stored.mismatch(MemorySegment.ofArray(value)) < 0 && delete(txn, key);
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

    /** A read-only view: mapped pages are read-only already; a write transaction's own pages are not. */
    static MemorySegment readOnly(MemorySegment view) {
        return view.isReadOnly() ? view : view.asReadOnly();
    }

    int id() {
        return id;
    }

    int storedFlags() {
        return storedFlags;
    }

    KeyComparator order() {
        return order;
    }

    KeyComparator valueOrder() {
        return valueOrder;
    }

    boolean isDupFixed() {
        return (storedFlags & DbiFlag.DUPFIXED.bits) != 0;
    }

    void markDropped() {
        dropped = true;
    }

    void checkNotDropped() {
        if (dropped) {
            throw new BadTxnException("database '" + name + "' was dropped");
        }
    }

    /**
     * The cursor a {@link Cursor} works through: on a plain database in a read transaction the lean
     * one that walks the mapping by offsets, else the general one.
     */
    PairCursor pairCursor(Txn txn) {
        PageSource pages = txn.pages();
        if (txn.isReadOnly() && !isDupSort() && pages.mapping() != null) {
            return new ReadCursor(pages, txn.record(this), order);
        }
        return dupCursor(txn);
    }

    DupCursor dupCursor(Txn txn) {
        if (!isDupSort()) {
            return new DupCursor(txn.pages(), txn.record(this), order);
        }
        return new DupCursor(txn.pages(), txn.record(this), order, valueOrder);
    }

    private TreeWriter writer(Txn txn) {
        txn.store();
        return txn.writer(this);
    }

    private DuplicatesWriter duplicatesWriter(Txn txn) {
        return txn.duplicatesWriter(this);
    }

    private static TreeWriter.Mode mode(PutFlag[] flags) {
        if (flags.length == 0) {
            return TreeWriter.Mode.UPSERT;
        }
        TreeWriter.Mode mode = TreeWriter.Mode.UPSERT;
        for (PutFlag flag : flags) {
            mode = switch (flag) {
                case NOOVERWRITE -> mode == TreeWriter.Mode.APPEND ? mode : TreeWriter.Mode.NO_OVERWRITE;
                case APPEND -> TreeWriter.Mode.APPEND;
                case NODUPDATA, APPENDDUP -> throw new IllegalArgumentException(flag + " is for DUPSORT databases");
            };
        }
        return mode;
    }

    private static DuplicatesWriter.Mode dupMode(PutFlag[] flags) {
        if (flags.length == 0) {
            return DuplicatesWriter.Mode.ADD;
        }
        DuplicatesWriter.Mode mode = DuplicatesWriter.Mode.ADD;
        for (PutFlag flag : flags) {
            mode = switch (flag) {
                case NOOVERWRITE -> DuplicatesWriter.Mode.NO_OVERWRITE;
                case NODUPDATA -> mode == DuplicatesWriter.Mode.NO_OVERWRITE ? mode : DuplicatesWriter.Mode.NO_DUP_DATA;
                case APPEND -> DuplicatesWriter.Mode.APPEND;
                case APPENDDUP -> DuplicatesWriter.Mode.APPEND_DUP;
            };
        }
        return mode;
    }

    @Override
    public String toString() {
        return name == null ? "Dbi[unnamed]" : "Dbi[" + name + "]";
    }
}
