package org.larch.storage;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.larch.storage.btree.TreeCursor;

/**
 * A cursor over one database in one transaction: an explicit stack of (page, index) from root to
 * leaf. Moves return false where there is nothing (the cursor then stays where it was). In a write
 * transaction the cursor follows changes made through any handle: after its own {@link #delete()}
 * {@link #next()} gives the key after the deleted one and {@link #prev()} the one before.
 */
public final class Cursor implements AutoCloseable {
    private final Txn txn;
    private final Dbi dbi;
    private final TreeCursor cursor;
    private boolean closed;

    Cursor(Txn txn, Dbi dbi) {
        this.txn = txn;
        this.dbi = dbi;
        this.cursor = new TreeCursor(txn.pages(), txn.record(dbi), dbi.order());
    }

    public boolean first() {
        check();
        try {
            return cursor.first();
        } catch (RuntimeException | InternalError e) {
            throw txn.failed(e);
        }
    }

    public boolean last() {
        check();
        try {
            return cursor.last();
        } catch (RuntimeException | InternalError e) {
            throw txn.failed(e);
        }
    }

    public boolean next() {
        check();
        try {
            return cursor.next();
        } catch (RuntimeException | InternalError e) {
            throw txn.failed(e);
        }
    }

    public boolean prev() {
        check();
        try {
            return cursor.prev();
        } catch (RuntimeException | InternalError e) {
            throw txn.failed(e);
        }
    }

    /** Positions on {@code key} exactly; false when it is absent. */
    public boolean seek(byte[] key) {
        check();
        try {
            return cursor.seek(MemorySegment.ofArray(key));
        } catch (RuntimeException | InternalError e) {
            throw txn.failed(e);
        }
    }

    /** Positions on the first key at or after {@code key}; false when there is none. */
    public boolean seekRange(byte[] key) {
        check();
        try {
            return cursor.seekRange(MemorySegment.ofArray(key));
        } catch (RuntimeException | InternalError e) {
            throw txn.failed(e);
        }
    }

    /** The current key, a read-only view valid until the transaction changes or ends. */
    public MemorySegment key() {
        check();
        return cursor.key().asReadOnly();
    }

    /** The current value, a read-only view valid until the transaction changes or ends. */
    public MemorySegment value() {
        check();
        try {
            return cursor.value().asReadOnly();
        } catch (RuntimeException | InternalError e) {
            throw txn.failed(e);
        }
    }

    public byte[] keyBytes() {
        return key().toArray(ValueLayout.JAVA_BYTE);
    }

    public byte[] valueBytes() {
        return value().toArray(ValueLayout.JAVA_BYTE);
    }

    /** Stores a key and value and positions the cursor on it. */
    public boolean put(byte[] key, byte[] value, PutFlag... flags) {
        check();
        boolean stored = dbi.put(txn, key, value, flags);
        seek(key);
        return stored;
    }

    /** Deletes the current key; the cursor stands in the gap it leaves. */
    public void delete() {
        check();
        byte[] key = cursor.keyBytes();
        dbi.delete(txn, key);
        cursor.markDeleted();
    }

    @Override
    public void close() {
        closed = true;
    }

    private void check() {
        if (closed) {
            throw new BadTxnException("the cursor is closed");
        }
        txn.checkState();
    }
}
