package org.larch.storage;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.larch.storage.btree.DuplicatesWriter;
import org.larch.storage.btree.PageSource;
import org.larch.storage.btree.PageStore;
import org.larch.storage.btree.Tree;
import org.larch.storage.btree.TreeWriter;
import org.larch.storage.env.Snapshot;
import org.larch.storage.freelist.FreeListReader;
import org.larch.storage.freelist.PageAllocator;
import org.larch.storage.page.DbRecord;
import org.larch.storage.page.KeyComparator;
import org.larch.storage.page.LeafPage;
import org.larch.storage.page.Meta;
import org.larch.storage.page.SearchKey;
import org.larch.storage.txn.ReaderTable;
import org.larch.storage.txn.WritePages;

/**
 * A transaction. A read transaction sees the snapshot it began on, exactly, until it ends; it pins
 * that snapshot in the reader table so no page of it is reused. The write transaction sees the newest
 * snapshot plus its own changes, which become visible to transactions begun after its commit.
 *
 * <p>Values returned by a transaction are views into its pages: valid until it ends (in a write
 * transaction, until its next change). After a failed write operation (map full, I/O error) the
 * transaction can only be aborted.
 *
 * <p>A write transaction can have a child ({@link #beginChild()}, LMDB's nested transaction): it sees
 * its parent's changes, and its own become the parent's when it commits, or vanish alone when it
 * aborts. While the child is open the parent cannot be used. Children nest to any depth; nothing
 * reaches the file before the top-level transaction commits.
 */
public final class Txn implements AutoCloseable {
    private enum State { ACTIVE, RESET, FAILED, DONE }

    private final Env env;
    private final boolean readOnly;
    private final int readerSlot;
    private final WritePages writes;
    private DbRecord mainDb;
    private DbRecord freeDb;
    private final List<Dbi> created = new ArrayList<>();
    private final List<Dbi> dropped = new ArrayList<>();
    /** Databases an ancestor dropped and this transaction created again. */
    private final List<Dbi> recreated = new ArrayList<>();
    private Snapshot snapshot;
    private State state = State.ACTIVE;
    private DbRecord[] records = new DbRecord[4];
    private byte[][] loaded = new byte[4][];
    private Dbi[] handles = new Dbi[4];
    private final java.util.IdentityHashMap<DbRecord, TreeWriter> writers = new java.util.IdentityHashMap<>();
    private final java.util.IdentityHashMap<DbRecord, DuplicatesWriter> duplicatesWriters =
            new java.util.IdentityHashMap<>();
    /** The transaction this one is a child of; null for a top-level transaction. */
    private Txn parent;
    /** The open child of this transaction, if any: this one is unusable until it ends. */
    private Txn child;
    /** The key of the current point lookup, reused so that a get allocates nothing (one thread per txn). */
    private final SearchKey lookupKey = new SearchKey();
    /** The segments over the caller's last key and value arrays, so that a put loop wraps each once. */
    private final ReusedArraySegment keySegment = new ReusedArraySegment();
    private final ReusedArraySegment valueSegment = new ReusedArraySegment();

    private Txn(Env env, Snapshot snapshot, int readerSlot, WritePages writes) {
        this.env = env;
        this.snapshot = snapshot;
        this.readerSlot = readerSlot;
        this.readOnly = writes == null;
        this.writes = writes;
        this.mainDb = readOnly ? snapshot.meta().mainDb() : snapshot.meta().mainDb().copy();
        this.freeDb = readOnly ? snapshot.meta().freeDb() : snapshot.meta().freeDb().copy();
    }

    static Txn beginRead(Env env) {
        ReaderTable readers = env.readerTable();
        int slot = readers.acquire();
        try {
            return new Txn(env, pin(env, slot), slot, null);
        } catch (RuntimeException e) {
            readers.release(slot);
            throw e;
        }
    }

    static Txn beginWrite(Env env) {
        try {
            Snapshot base = env.current();
            Meta meta = base.meta();
            FreeListReader records = new FreeListReader(base.pages(), meta.freeDb(),
                    () -> Math.min(env.readerTable().oldestPinned(), meta.txnId()));
            PageAllocator allocator = new PageAllocator(meta.lastPage() + 1, meta.maxSizeBytes(), meta.pageSize(),
                    records);
            return new Txn(env, base, -1,
                    new WritePages(base.pages(), allocator, env.pageBuffers(meta.pageSize())));
        } catch (RuntimeException e) {
            env.releaseWriter();
            throw e;
        }
    }

    /** A child of {@code parent}: its own view of pages and copies of its descriptors. */
    private Txn(Txn parent) {
        this.env = parent.env;
        this.snapshot = parent.snapshot;
        this.readerSlot = -1;
        this.readOnly = false;
        this.writes = parent.writes.beginChild();
        this.parent = parent;
        this.mainDb = parent.mainDb.copy();
        this.freeDb = parent.freeDb.copy();
        this.records = new DbRecord[parent.records.length];
        for (int id = 0; id < records.length; id++) {
            records[id] = parent.records[id] == null ? null : parent.records[id].copy();
        }
        this.loaded = parent.loaded.clone();
        this.handles = parent.handles.clone();
    }

    /**
     * Pins the newest snapshot (of any process) in {@code slot}, retrying if a commit slipped in
     * between: once the pin is visible and the snapshot still the newest, no writer of any process
     * can reuse its pages.
     */
    private static Snapshot pin(Env env, int slot) {
        Snapshot snapshot;
        do {
            snapshot = env.current();
            env.readerTable().pin(slot, snapshot.txnId());
        } while (env.current() != snapshot);
        return snapshot;
    }

    /**
     * Begins a child (nested) transaction of this write transaction. The child sees this one's
     * changes; committing it makes its changes this one's, aborting it drops them alone. Until the
     * child ends, this transaction refuses every operation. Closing this one aborts the child.
     */
    public Txn beginChild() {
        if (readOnly) {
            throw new BadTxnException("a read transaction cannot have a child transaction");
        }
        checkState();
        child = new Txn(this);
        return child;
    }

    /** The snapshot's transaction id for a read transaction; the id it will commit as for a write one. */
    public long id() {
        return readOnly ? snapshot.txnId() : snapshot.txnId() + 1;
    }

    public boolean isReadOnly() {
        return readOnly;
    }

    /** For the tools package: the committed state this read transaction sees. */
    public Snapshot snapshotForTools() {
        requireRead("snapshotForTools");
        checkState();
        return snapshot;
    }

    /** Makes a write transaction's changes durable and visible; ends a read transaction. */
    public void commit() {
        if (readOnly) {
            abort();
            return;
        }
        if (state == State.FAILED) {
            abort();
            throw new BadTxnException("the transaction failed earlier and was aborted; nothing was committed");
        }
        checkState();
        if (parent != null) {
            commitIntoParent();
            return;
        }
        try {
            if (writes.hasChanges() || !created.isEmpty()) {
                saveDatabaseRecords();
                env.checkOpen();
                env.publish(env.committer().commit(writes, id(), freeDb, mainDb, snapshot.meta()));
            }
            dropped.forEach(dbi -> env.registry().forget(dbi));
            dropped.forEach(Dbi::markDropped);
            created.clear();
        } catch (RuntimeException | Error e) {
            state = State.FAILED;
            abort();
            throw Faults.translate(env, e);
        } finally {
            finish();
        }
    }

    /** Drops every change (an open child's too) and ends the transaction. Safe to call more than once. */
    public void abort() {
        if (state == State.DONE) {
            return;
        }
        if (child != null) {
            child.abort();
        }
        created.forEach(dbi -> env.registry().forget(dbi));
        finish();
    }

    /** Ends the transaction if still open: aborts uncommitted changes. */
    @Override
    public void close() {
        abort();
    }

    /** Releases a read transaction's snapshot but keeps its reader slot, for {@link #renew()}. */
    public void reset() {
        requireRead("reset");
        checkState();
        env.readerTable().unpin(readerSlot);
        state = State.RESET;
    }

    /** Begins again on the newest snapshot after {@link #reset()}. */
    public void renew() {
        requireRead("renew");
        if (state != State.RESET) {
            throw new BadTxnException("renew needs a reset read transaction");
        }
        env.checkOpen();
        snapshot = pin(env, readerSlot);
        mainDb = snapshot.meta().mainDb();
        freeDb = snapshot.meta().freeDb();
        records = new DbRecord[records.length];
        state = State.ACTIVE;
    }

    private void finish() {
        if (state == State.DONE) {
            return;
        }
        state = State.DONE;
        if (parent != null) {
            parent.child = null;
        } else if (readOnly) {
            env.readerTable().release(readerSlot);
        } else {
            try {
                writes.release();
            } finally {
                env.releaseWriter();
            }
        }
    }

    // ---- for the handles of this package ----

    /**
     * The writer of {@code dbi}'s tree in this transaction, kept between calls so that a sorted load
     * appends without descending the tree each time. Keyed by the descriptor object, which dropping
     * and creating a database replaces; a writer's shortcut is only taken while nothing else changed
     * the transaction (its modification count tells).
     */
    TreeWriter writer(Dbi dbi) {
        DbRecord record = record(dbi);
        TreeWriter writer = writers.get(record);
        if (writer == null) {
            writer = new TreeWriter(store(), record, dbi.order());
            writers.put(record, writer);
        }
        return writer;
    }

    /** The writer of DUPSORT {@code dbi}'s values in this transaction, kept between calls as {@link #writer} is. */
    DuplicatesWriter duplicatesWriter(Dbi dbi) {
        PageStore store = store();
        DbRecord record = record(dbi);
        DuplicatesWriter writer = duplicatesWriters.get(record);
        if (writer == null) {
            writer = new DuplicatesWriter(store, record, dbi.order(), dbi.valueOrder(), dbi.isDupFixed());
            duplicatesWriters.put(record, writer);
        }
        return writer;
    }

    PageSource pages() {
        checkState();
        return readOnly ? snapshot.pages() : writes;
    }

    /** The reused lookup key, prepared for {@code key} in {@code order}. */
    SearchKey lookupKey(byte[] key, KeyComparator order) {
        return lookupKey.set(key, order);
    }

    /** A segment over the key array of a put; the same object while the caller passes the same array. */
    MemorySegment keySegment(byte[] key) {
        return keySegment.of(key);
    }

    /** A segment over the value array of a put; the same object while the caller passes the same array. */
    MemorySegment valueSegment(byte[] value) {
        return valueSegment.of(value);
    }

    PageStore store() {
        checkState();
        if (readOnly) {
            throw new BadTxnException("a read transaction cannot change data");
        }
        return writes;
    }

    Env env() {
        return env;
    }

    DbRecord mainRecord() {
        return mainDb;
    }

    /** The descriptor of {@code dbi} in this transaction, loaded from the main tree on first use. */
    DbRecord record(Dbi dbi) {
        if (dbi.id() == DbiRegistry.MAIN_ID) {
            return mainDb;
        }
        dbi.checkNotDropped();
        int id = dbi.id();
        if (id < records.length && records[id] != null) {
            return records[id];
        }
        DbRecord record = loadRecordBytes(DbiRegistry.nameKey(dbi.name()));
        if (record == null) {
            if (!readOnly) {
                throw new NotFoundException("database '" + dbi.name() + "' does not exist in this transaction");
            }
            record = new DbRecord(dbi.storedFlags());
        }
        remember(dbi, record, readOnly ? null : record.toBytes());
        return record;
    }

    /** The descriptor stored under a named database's key, or null. */
    DbRecord loadRecordBytes(MemorySegment nameKey) {
        MemorySegment value = new Tree(pages(), mainDb, KeyComparator.LEXICOGRAPHIC).get(nameKey);
        return value == null ? null : DbRecord.decode(value, 0);
    }

    void createDatabase(Dbi dbi) {
        store().markModified();
        created.add(dbi);
        remember(dbi, new DbRecord(dbi.storedFlags()), null);
    }

    /** Whether {@code dbi} was removed by this transaction or an open ancestor of it. */
    boolean droppedHere(Dbi dbi) {
        return dropped.contains(dbi) || (parent != null && parent.droppedHere(dbi));
    }

    /** Creates again, empty and with its old flags, a database removed earlier in this transaction. */
    void recreateDatabase(Dbi dbi) {
        store().markModified();
        if (!dropped.remove(dbi)) {
            recreated.add(dbi);
        }
        remember(dbi, new DbRecord(dbi.storedFlags()), null);
    }

    /** Frees every page of {@code dbi}; with {@code delete} also removes the database itself. */
    void dropDatabase(Dbi dbi, boolean delete) {
        DbRecord record = record(dbi);
        new TreeWriter(store(), record, dbi.order()).dropAll();
        if (delete && dbi.id() != DbiRegistry.MAIN_ID) {
            new TreeWriter(writes, mainDb, KeyComparator.LEXICOGRAPHIC).delete(DbiRegistry.nameKey(dbi.name()),
                    LeafPage.SUBDB);
            records[dbi.id()] = null;
            loaded[dbi.id()] = null;
            dropped.add(dbi);
        }
    }

    void checkState() {
        env.checkOpen();
        if (state == State.DONE) {
            throw new BadTxnException("the transaction has ended");
        }
        if (state == State.RESET) {
            throw new BadTxnException("the transaction was reset: renew it first");
        }
        if (state == State.FAILED && !readOnly) {
            throw new BadTxnException("the transaction failed earlier: abort it");
        }
        if (child != null) {
            throw new BadTxnException(this + " has an open child, " + child + ": commit or abort the child first");
        }
    }

    /** Marks a write transaction unusable after an operation failed half-way, and names the failure. */
    RuntimeException failed(Throwable error) {
        RuntimeException translated = Faults.translate(env, error);
        if (!readOnly && Faults.leavesTxnInconsistent(translated)) {
            state = State.FAILED;
        }
        return translated;
    }

    private void saveDatabaseRecords() {
        TreeWriter main = new TreeWriter(writes, mainDb, KeyComparator.LEXICOGRAPHIC);
        for (int id = DbiRegistry.MAIN_ID + 1; id < records.length; id++) {
            if (records[id] == null) {
                continue;
            }
            byte[] bytes = records[id].toBytes();
            if (!Arrays.equals(bytes, loaded[id])) {
                main.put(DbiRegistry.nameKey(handles[id].name()), MemorySegment.ofArray(bytes), LeafPage.SUBDB,
                        TreeWriter.Mode.UPSERT);
            }
        }
    }

    private void remember(Dbi dbi, DbRecord record, byte[] loadedBytes) {
        int id = dbi.id();
        if (id >= records.length) {
            int length = Math.max(id + 1, records.length * 2);
            records = Arrays.copyOf(records, length);
            loaded = Arrays.copyOf(loaded, length);
            handles = Arrays.copyOf(handles, length);
        }
        records[id] = record;
        loaded[id] = loadedBytes;
        handles[id] = dbi;
    }

    /**
     * Hands this child's changes to its parent: pages and allocator, the descriptors (written into the
     * parent's own objects, which its cursors hold), and the databases created and dropped.
     */
    private void commitIntoParent() {
        parent.writes.adoptChild(writes);
        assign(parent.mainDb, mainDb);
        assign(parent.freeDb, freeDb);
        DbRecord[] adopted = new DbRecord[records.length];
        for (int id = 0; id < records.length; id++) {
            DbRecord previous = id < parent.records.length ? parent.records[id] : null;
            adopted[id] = previous == null || records[id] == null ? records[id] : assign(previous, records[id]);
        }
        parent.records = adopted;
        parent.loaded = loaded;
        parent.handles = handles;
        parent.created.addAll(created);
        parent.dropped.removeAll(recreated);
        parent.recreated.addAll(recreated);
        parent.dropped.addAll(dropped);
        created.clear();
        finish();
    }

    private static DbRecord assign(DbRecord target, DbRecord source) {
        return target.copyFrom(source);
    }

    /** Nesting depth: 0 for a top-level transaction, 1 for its child, and so on. */
    private int depth() {
        int depth = 0;
        for (Txn ancestor = parent; ancestor != null; ancestor = ancestor.parent) {
            depth++;
        }
        return depth;
    }

    @Override
    public String toString() {
        if (readOnly) {
            return "read transaction on snapshot " + id();
        }
        int depth = depth();
        return depth == 0 ? "write transaction " + id() : "child write transaction " + id() + " (depth " + depth + ")";
    }

    private void requireRead(String operation) {
        if (!readOnly) {
            throw new BadTxnException(operation + " is for read transactions");
        }
    }
}
