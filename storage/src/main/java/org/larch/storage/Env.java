package org.larch.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.larch.storage.env.Committer;
import org.larch.storage.env.LockFile;
import org.larch.storage.env.MetaSelector;
import org.larch.storage.env.NewestSnapshot;
import org.larch.storage.env.Snapshot;
import org.larch.storage.io.DataFile;
import org.larch.storage.io.Mapping;
import org.larch.storage.page.DbRecord;
import org.larch.storage.page.KeyComparator;
import org.larch.storage.page.Meta;
import org.larch.storage.txn.PageBuffers;
import org.larch.storage.txn.ReadPages;
import org.larch.storage.txn.ReaderTable;

/**
 * An environment: one data file ({@value #DATA_FILE}) and one lock file ({@value #LOCK_FILE}) in a
 * directory, holding the unnamed database and any number of named ones. One write transaction at a
 * time; any number of read transactions, which never wait for it nor it for them.
 *
 * <p>Several processes may open one environment at once (read-only ones too): the reader table lives
 * in the lock file, the write transaction is one across processes (a file lock), and each transaction
 * begins on the newest commit of any process. Readers of processes that died are cleared on open, by
 * {@link #readerCheck()}, and before a full reader table is reported.
 */
public final class Env implements AutoCloseable {
    public static final String DATA_FILE = "larch.data";
    public static final String LOCK_FILE = "larch.lock";

    private final Path directory;
    private final EnvConfig config;
    private final LockFile lock;
    private final DataFile file;
    private final ReaderTable readers;
    private final Committer committer;
    private final Semaphore writer = new Semaphore(1, true);
    private final DbiRegistry registry;
    private final NewestSnapshot newest;
    private volatile Thread writerThread;
    private volatile boolean closed;
    /** The first corruption a transaction met: from then on the environment refuses writes. */
    private volatile CorruptedException corruption;
    /** The page buffers of write transactions, made by the first; only the writer (under its lock) uses them. */
    private PageBuffers pageBuffers;

    private Env(Path directory, EnvConfig config, LockFile lock, DataFile file) {
        this.directory = directory;
        this.config = config;
        this.lock = lock;
        this.file = file;
        this.readers = new ReaderTable(lock.mapping());
        this.committer = new Committer(file, syncMode(config), config.growStepBytes());
        this.registry = new DbiRegistry(this, config.maxDbs());
        this.newest = start();
    }

    /** Opens (or, unless read-only, creates) the environment in {@code directory}. */
    public static Env open(Path directory, EnvConfig config) {
        boolean readOnly = config.has(EnvFlag.READ_ONLY);
        if (!readOnly) {
            try {
                Files.createDirectories(directory);
            } catch (IOException e) {
                throw new StorageException("cannot create environment directory " + directory + ": " + e, e);
            }
        } else if (!Files.isRegularFile(directory.resolve(DATA_FILE))) {
            throw new StorageException("no Larch environment in " + directory + " (no " + DATA_FILE + ")");
        }
        LockFile lock = LockFile.open(directory.resolve(LOCK_FILE), config.maxReaders());
        DataFile file = null;
        try {
            file = DataFile.open(directory.resolve(DATA_FILE), readOnly);
            Env env = new Env(directory, config, lock, file);
            if (!lock.isFirst()) {
                env.readers.clearStale();
            }
            lock.endSetup();
            return env;
        } catch (RuntimeException e) {
            if (file != null) {
                file.close();
            }
            lock.close();
            throw e;
        }
    }

    public static Env open(Path directory) {
        return open(directory, EnvConfig.defaults());
    }

    /**
     * Creates the data file if it is empty, and takes the newest meta: any valid one when this process
     * is alone (and announces it), else the last one announced in the lock file.
     */
    private NewestSnapshot start() {
        if (file.sizeBytes() == 0 && !config.has(EnvFlag.READ_ONLY)) {
            initialize();
        }
        Meta meta = lock.isFirst() ? MetaSelector.newest(file) : MetaSelector.newest(file, lock::lastTxnId);
        if (lock.isFirst()) {
            lock.announce(meta.txnId());
        }
        file.refreshSize();
        long needed = (meta.lastPage() + 1) * meta.pageSize();
        if (file.sizeBytes() < needed) {
            throw new CorruptedException(file.path() + " is shorter than its meta page says: " + file.sizeBytes()
                    + " bytes, but pages up to " + meta.lastPage() + " need " + needed + " (a truncated copy?)");
        }
        meta = configured(meta);
        Mapping mapping = file.refresh();
        Snapshot opened = new Snapshot(meta, mapping, new ReadPages(mapping, meta.pageSize(), meta.lastPage(),
                file.path(), config.has(EnvFlag.VERIFY_CHECKSUMS)));
        return new NewestSnapshot(file, lock, opened, this::configured);
    }

    /** {@code meta} with this process's maxsize, when one is configured. */
    private Meta configured(Meta meta) {
        long needed = (meta.lastPage() + 1) * meta.pageSize();
        long maxSize = config.maxSizeBytes() > 0 ? Math.max(config.maxSizeBytes(), needed) : meta.maxSizeBytes();
        return new Meta(meta.pageSize(), maxSize, meta.txnId(), meta.lastPage(), meta.freeDb(), meta.mainDb());
    }

    private void initialize() {
        long maxSize = config.maxSizeBytes() > 0 ? config.maxSizeBytes() : EnvConfig.DEFAULT_MAX_SIZE_BYTES;
        Meta meta = new Meta(config.pageSize(), maxSize, 0, 1, new DbRecord(0), new DbRecord(0));
        Committer.writeMeta(file, meta, 0);
        Committer.writeMeta(file, meta, 1);
        file.sync();
    }

    /** Begins a read transaction on the newest committed snapshot (of any process). */
    public Txn txnRead() {
        checkOpen();
        try {
            return Txn.beginRead(this);
        } catch (RuntimeException e) {
            throw Faults.translate(this, e);
        }
    }

    /** Begins the write transaction, waiting while another one is open (in this or another process). */
    public Txn txnWrite() {
        checkOpen();
        if (config.has(EnvFlag.READ_ONLY)) {
            throw new BadTxnException("environment " + directory + " is open read-only");
        }
        CorruptedException found = corruption;
        if (found != null) {
            throw new CorruptedException("environment " + directory + " refuses writes since corruption was found ("
                    + found.getMessage() + "): run larch check, restore from a copy", found);
        }
        if (writerThread == Thread.currentThread()) {
            throw new BadTxnException("this thread already has the write transaction open");
        }
        writer.acquireUninterruptibly();
        if (closed) {
            writer.release();
            throw new BadTxnException("environment " + directory + " is closed");
        }
        try {
            takeWriterLock();
        } catch (RuntimeException e) {
            writer.release();
            throw Faults.translate(this, e);
        }
        writerThread = Thread.currentThread();
        return Txn.beginWrite(this);
    }

    /** Takes the writer lock of the lock file; after a writer that died, catches up with what it wrote. */
    private void takeWriterLock() {
        if (lock.lockWriter() == 0) {
            return;
        }
        try {
            newest.recoverAfterDeadWriter();
        } catch (RuntimeException e) {
            lock.unlockWriter();
            throw e;
        }
    }

    /** Begins a child (nested) write transaction of {@code parent}, or with null a top-level one. */
    public Txn txnWrite(Txn parent) {
        return parent == null ? txnWrite() : parent.beginChild();
    }

    /** Opens a database (null: the unnamed one) in its own transaction. */
    public Dbi openDbi(String name, DbiFlag... flags) {
        return openDbi(name, null, flags);
    }

    /** Opens a database whose keys are ordered by {@code keyOrder} (not stored: pass it at every open). */
    public Dbi openDbi(String name, java.util.Comparator<byte[]> keyOrder, DbiFlag... flags) {
        boolean create = DbiFlag.contains(flags, DbiFlag.CREATE) && !config.has(EnvFlag.READ_ONLY);
        try (Txn txn = create ? txnWrite() : txnRead()) {
            Dbi dbi = openDbi(txn, name, keyOrder, flags);
            txn.commit();
            return dbi;
        }
    }

    /** Opens a database inside {@code txn}; creating one needs a write transaction. */
    public Dbi openDbi(Txn txn, String name, DbiFlag... flags) {
        return openDbi(txn, name, null, flags);
    }

    public Dbi openDbi(Txn txn, String name, java.util.Comparator<byte[]> keyOrder, DbiFlag... flags) {
        checkOpen();
        KeyComparator order = keyOrder == null ? null : ComparatorAdapter.of(keyOrder);
        return registry.open(txn, name, order, flags);
    }

    /** Names of the named databases, in order. */
    public List<String> dbiNames() {
        try (Txn txn = txnRead()) {
            return new ArrayList<>(registry.names(txn));
        }
    }

    /** Figures of the unnamed database. */
    public Stat stat() {
        try (Txn txn = txnRead()) {
            return registry.main().stat(txn);
        }
    }

    public EnvInfo info() {
        checkOpen();
        Meta meta = current().meta();
        return new EnvInfo(meta.pageSize(), meta.maxSizeBytes(), file.sizeBytes(), meta.lastPage(), meta.txnId(),
                readers.capacity(), readers.used());
    }

    /**
     * Clears the reader slots of processes that died (like {@code mdb_reader_check}): their snapshots
     * no longer keep pages from reuse. Returns how many slots were cleared.
     */
    public int readerCheck() {
        checkOpen();
        return readers.clearStale();
    }

    /** The readers of every process using the environment, with the snapshot each pins and its lag. */
    public List<ReaderInfo> readers() {
        checkOpen();
        return readers.readers(current().txnId());
    }

    public Path path() {
        return directory;
    }

    public EnvConfig config() {
        return config;
    }

    public boolean isClosed() {
        return closed;
    }

    /**
     * Closes the environment: waits up to 10 s for an open write transaction to end, then unmaps the
     * file. Transactions still open get exceptions afterwards, never a crash.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        boolean acquired = false;
        try {
            acquired = writerThread == Thread.currentThread() || writer.tryAcquire(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            readers.close();
            file.close();
        } finally {
            lock.close();
            if (acquired && writerThread != Thread.currentThread()) {
                writer.release();
            }
        }
    }

    // ---- for the transactions of this package ----

    /** The newest committed snapshot, of this process or another. */
    Snapshot current() {
        return newest.get();
    }

    ReaderTable readerTable() {
        return readers;
    }

    DbiRegistry registry() {
        return registry;
    }

    DataFile file() {
        return file;
    }

    /** The page buffers for a write transaction on pages of {@code pageSize} bytes; called by the writer only. */
    PageBuffers pageBuffers(int pageSize) {
        if (pageBuffers == null || pageBuffers.pageSize() != pageSize) {
            pageBuffers = new PageBuffers(pageSize);
        }
        return pageBuffers;
    }

    Committer committer() {
        return committer;
    }

    /** Makes a commit of this process the newest snapshot and announces it to the others. */
    void publish(Snapshot snapshot) {
        newest.publish(snapshot);
    }

    void releaseWriter() {
        writerThread = null;
        try {
            lock.unlockWriter();
        } finally {
            writer.release();
        }
    }

    /** Records corruption found by a transaction, so that no write builds on damaged pages. */
    void corruptionFound(CorruptedException found) {
        if (corruption == null) {
            corruption = found;
        }
    }

    void checkOpen() {
        if (closed) {
            throw new BadTxnException("environment " + directory + " is closed");
        }
    }

    private static Committer.SyncMode syncMode(EnvConfig config) {
        if (config.has(EnvFlag.NOSYNC)) {
            return Committer.SyncMode.NO_SYNC;
        }
        return config.has(EnvFlag.NOMETASYNC) ? Committer.SyncMode.NO_META_SYNC : Committer.SyncMode.FULL;
    }
}
