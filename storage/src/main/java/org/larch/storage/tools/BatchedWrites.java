package org.larch.storage.tools;

import org.larch.storage.Dbi;
import org.larch.storage.Env;
import org.larch.storage.PutFlag;
import org.larch.storage.Txn;

/**
 * Puts spread over as many write transactions as needed to keep each one's dirty pages (held on the
 * heap until commit) to about {@code bytesPerCommit}: a bulk load or a compact copy of any size runs in
 * bounded memory. Each commit is a consistent state holding a prefix of the work.
 */
final class BatchedWrites implements AutoCloseable {
    /** Key and value bytes per transaction unless told otherwise. */
    static final long DEFAULT_BYTES_PER_COMMIT = 64L << 20;
    /** What a put costs beyond its bytes: node header and slot. */
    private static final int NODE_OVERHEAD_BYTES = 16;

    private final Env env;
    private final long bytesPerCommit;
    private Txn txn;
    private long pendingBytes;

    BatchedWrites(Env env, long bytesPerCommit) {
        this.env = env;
        this.bytesPerCommit = bytesPerCommit;
    }

    /** The open write transaction, begun if none is open. */
    Txn txn() {
        if (txn == null) {
            txn = env.txnWrite();
            pendingBytes = 0;
        }
        return txn;
    }

    /** Puts {@code key} and {@code value}; returns what {@link Dbi#put} returns. */
    boolean put(Dbi dbi, byte[] key, byte[] value, PutFlag... flags) {
        boolean stored = dbi.put(txn(), key, value, flags);
        pendingBytes += key.length + value.length + NODE_OVERHEAD_BYTES;
        if (pendingBytes >= bytesPerCommit) {
            commit();
        }
        return stored;
    }

    /** Commits the open transaction, if any. */
    void commit() {
        if (txn != null) {
            Txn committing = txn;
            txn = null;
            committing.commit();
        }
    }

    /** Aborts a transaction left open (after a failure); work committed before stays. */
    @Override
    public void close() {
        if (txn != null) {
            txn.abort();
            txn = null;
        }
    }
}
