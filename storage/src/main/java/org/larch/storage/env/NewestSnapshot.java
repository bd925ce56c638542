package org.larch.storage.env;

import java.util.function.UnaryOperator;
import org.larch.storage.io.DataFile;
import org.larch.storage.io.Mapping;
import org.larch.storage.page.Meta;

/**
 * The newest committed snapshot as this process knows it, kept up with the commits of every process
 * sharing the environment. A commit of this process is published here, then announced in the lock
 * file; a commit of another process is learnt from the lock file's last transaction id: when that is
 * newer than the snapshot held, the announced meta is read from the data file, over a mapping grown
 * to the file's size (the other process may have grown it). When nothing changed, {@link #get()}
 * costs one volatile read of the lock file beside the read of the held snapshot.
 */
public final class NewestSnapshot {
    private final DataFile file;
    private final LockFile lock;
    private final UnaryOperator<Meta> configure;
    private volatile Snapshot current;

    /**
     * @param configure applies this process's settings (its maxsize) to a meta read from the file
     */
    public NewestSnapshot(DataFile file, LockFile lock, Snapshot opened, UnaryOperator<Meta> configure) {
        this.file = file;
        this.lock = lock;
        this.configure = configure;
        this.current = opened;
    }

    /** The newest committed snapshot of any process. */
    public Snapshot get() {
        Snapshot snapshot = current;
        return snapshot.txnId() >= lock.lastTxnId() ? snapshot : catchUp(false);
    }

    /** Makes this process's commit the newest snapshot, then announces it to the other processes. */
    public synchronized void publish(Snapshot committed) {
        current = committed;
        lock.announce(committed.txnId());
    }

    /**
     * After a writer died holding the writer lock: takes the newest valid meta of the data file, which
     * that writer may have written without announcing it, and announces it. Called by the next writer.
     */
    public synchronized Snapshot recoverAfterDeadWriter() {
        Snapshot snapshot = catchUp(true);
        if (snapshot.txnId() > lock.lastTxnId()) {
            lock.announce(snapshot.txnId());
        }
        return snapshot;
    }

    /**
     * Reads the newest announced meta (with {@code unannounced}: the newest valid one) from the file.
     * Runs with the thread's interrupt status cleared (and restores it): file I/O by an interrupted
     * thread would close the data file's channel under every transaction of this process.
     */
    private synchronized Snapshot catchUp(boolean unannounced) {
        boolean interrupted = Thread.interrupted();
        try {
            return readNewest(unannounced);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private Snapshot readNewest(boolean unannounced) {
        Snapshot snapshot = current;
        if (!unannounced && snapshot.txnId() >= lock.lastTxnId()) {
            return snapshot;
        }
        Meta meta = MetaSelector.newest(file, unannounced ? () -> Long.MAX_VALUE : lock::lastTxnId);
        if (meta.txnId() <= snapshot.txnId()) {
            return snapshot;
        }
        Mapping mapping = file.refresh();
        Snapshot fresh = new Snapshot(configure.apply(meta), mapping, snapshot.pages().successor(mapping,
                meta.lastPage()));
        current = fresh;
        return fresh;
    }
}
