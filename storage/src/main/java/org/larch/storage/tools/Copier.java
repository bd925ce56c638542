package org.larch.storage.tools;

import java.nio.file.Path;
import org.larch.storage.Env;
import org.larch.storage.Txn;

/**
 * Hot backups of an environment (LMDB's {@code mdb_env_copy}), taken inside one read transaction: the
 * copy holds exactly the snapshot that transaction sees, while writers go on committing (a reader
 * never blocks the writer). The destination directory must not hold an environment yet; the copy is
 * written under a temporary name and appears as {@code larch.data} only once it is complete and synced.
 * <ul>
 *   <li>{@link #copy}: the snapshot's pages 0 to lastPage as they are, free pages included, with both
 *       meta pages rewritten for the snapshot, so the copy opens on exactly that snapshot
 *       ({@link PageCopy}).</li>
 *   <li>{@link #compact}: only live data, rebuilt into a new environment with the same page size,
 *       database names and flags, every database's keys appended in order so pages fill completely
 *       and no free space is carried over ({@link CompactCopy}).</li>
 * </ul>
 */
public final class Copier {
    private Copier() {
    }

    /** Copies the newest snapshot of {@code env} to {@code destination}, page for page. */
    public static CopyResult copy(Env env, Path destination) {
        try (Txn txn = env.txnRead()) {
            return copy(env, txn, destination);
        }
    }

    /** Copies the snapshot {@code readTxn} (a read transaction of {@code env}) sees, page for page. */
    public static CopyResult copy(Env env, Txn readTxn, Path destination) {
        CopyDestination target = CopyDestination.prepare(destination);
        return target.write(file -> PageCopy.write(readTxn.snapshotForTools(), file));
    }

    /** Copies the live data of the newest snapshot of {@code env} to {@code destination}, compacted. */
    public static CopyResult compact(Env env, Path destination) {
        try (Txn txn = env.txnRead()) {
            return compact(env, txn, destination);
        }
    }

    /** Copies the live data of the snapshot {@code readTxn} (a read transaction of {@code env}) sees, compacted. */
    public static CopyResult compact(Env env, Txn readTxn, Path destination) {
        CopyDestination target = CopyDestination.prepare(destination);
        return target.write(file -> new CompactCopy(env, readTxn).writeTo(file));
    }
}
