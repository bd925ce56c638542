package org.larch.storage;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.larch.storage.btree.PairCursor;

/**
 * A cursor over one database in one transaction: an explicit stack of (page, index) from root to
 * leaf, and in a DUPSORT database a position among the current key's values. {@link #first()},
 * {@link #next()} and the like visit every (key, value) pair; the {@code …Dup} moves stay within one
 * key, the {@code …NoDup} moves skip to another key. Moves return false where there is nothing (the
 * cursor then stays where it was). In a write transaction the cursor follows changes made through any
 * handle: after its own {@link #delete()}, {@link #next()} gives the pair after the deleted one and
 * {@link #prev()} the one before.
 */
public final class Cursor implements AutoCloseable {
    private final Txn txn;
    private final Dbi dbi;
    /** A plain database's read cursor ({@code btree/ReadCursor}) or the general one. */
    private final PairCursor cursor;
    /** Where {@link #getMultiple(ByteView)} finds the current value's size without an object. */
    private final ByteView current = new ByteView();
    private boolean closed;

    Cursor(Txn txn, Dbi dbi) {
        this.txn = txn;
        this.dbi = dbi;
        this.cursor = dbi.pairCursor(txn);
    }

    public boolean first() {
        return move(cursor::first);
    }

    public boolean last() {
        return move(cursor::last);
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

    /** Positions on {@code key} exactly (its first value); false when it is absent. */
    public boolean seek(byte[] key) {
        check();
        try {
            return cursor.seek(key);
        } catch (RuntimeException | InternalError e) {
            throw txn.failed(e);
        }
    }

    /** Positions on the first key at or after {@code key}; false when there is none. */
    public boolean seekRange(byte[] key) {
        check();
        try {
            return cursor.seekRange(key);
        } catch (RuntimeException | InternalError e) {
            throw txn.failed(e);
        }
    }

    /** Positions on exactly the pair ({@code key}, {@code value}). */
    public boolean seekBoth(byte[] key, byte[] value) {
        return move(() -> cursor.seekBoth(MemorySegment.ofArray(key), MemorySegment.ofArray(value)));
    }

    /** Positions on {@code key}'s first value at or after {@code value} (the key must exist). */
    public boolean seekBothRange(byte[] key, byte[] value) {
        return move(() -> cursor.seekBothRange(MemorySegment.ofArray(key), MemorySegment.ofArray(value)));
    }

    /** The next value of the current key; false at its last one. */
    public boolean nextDup() {
        check();
        try {
            return cursor.nextDup();
        } catch (RuntimeException | InternalError e) {
            throw txn.failed(e);
        }
    }

    /** The previous value of the current key; false at its first one. */
    public boolean prevDup() {
        return move(cursor::prevDup);
    }

    public boolean firstDup() {
        return move(cursor::firstDup);
    }

    public boolean lastDup() {
        return move(cursor::lastDup);
    }

    /** The first value of the next key. */
    public boolean nextNoDup() {
        return move(cursor::nextNoDup);
    }

    /** The last value of the previous key. */
    public boolean prevNoDup() {
        return move(cursor::prevNoDup);
    }

    /** How many values the current key has (1 outside DUPSORT databases). */
    public long count() {
        return read(cursor::count);
    }

    /** The current key, a read-only view valid until the transaction changes or ends. */
    public MemorySegment key() {
        check();
        try {
            return Dbi.readOnly(cursor.key());
        } catch (RuntimeException | InternalError e) {
            throw txn.failed(e);
        }
    }

    /** The current value, a read-only view valid until the transaction changes or ends. */
    public MemorySegment value() {
        check();
        try {
            return Dbi.readOnly(cursor.value());
        } catch (RuntimeException | InternalError e) {
            throw txn.failed(e);
        }
    }

    /**
     * Points {@code view} at the current key. In a read transaction on a plain database this allocates
     * nothing; the window stays valid as {@link #key()}'s view does.
     */
    public void key(ByteView view) {
        check();
        try {
            cursor.key(view);
        } catch (RuntimeException | InternalError e) {
            throw txn.failed(e);
        }
    }

    /** Points {@code view} at the current value; see {@link #key(ByteView)}. */
    public void value(ByteView view) {
        check();
        try {
            cursor.value(view);
        } catch (RuntimeException | InternalError e) {
            throw txn.failed(e);
        }
    }

    /** A copy of the current key; the copy is made inside the fault boundary (close while reading). */
    public byte[] keyBytes() {
        return read(() -> cursor.key().toArray(ValueLayout.JAVA_BYTE));
    }

    /** A copy of the current value, made inside the fault boundary. */
    public byte[] valueBytes() {
        return read(() -> cursor.value().toArray(ValueLayout.JAVA_BYTE));
    }

    /**
     * DUPFIXED: the current key's values from the current one to the end of the page holding them,
     * packed (LMDB's GET_MULTIPLE), as a copy; the cursor moves to the last of them. A lookup of many
     * values is then one step per page, not one per value.
     */
    public MemorySegment getMultiple() {
        ByteView batch = new ByteView();
        getMultiple(batch);
        return Dbi.readOnly(MemorySegment.ofArray(read(batch::toArray)));
    }

    /** DUPFIXED: the next page of the current key's values (LMDB's NEXT_MULTIPLE) as a copy, or null after the last. */
    public MemorySegment nextMultiple() {
        return nextDup() ? getMultiple() : null;
    }

    /**
     * {@link #getMultiple()} without a copy or an object: points {@code values} at the packed values,
     * in the page where they lie (or, for a key whose values fill a nested tree, in a buffer of this
     * cursor's that its next call reuses). The window stays valid as {@link #value(ByteView)}'s does
     * and until the next call of this method or {@link #nextMultiple(ByteView)}.
     */
    public void getMultiple(ByteView values) {
        int size = fixedValueSize();
        try {
            cursor.valuesToPageEnd(size, values);
        } catch (RuntimeException | InternalError e) {
            throw txn.failed(e);
        }
    }

    /** {@link #nextMultiple()} without a copy or an object: false after the last page of values. */
    public boolean nextMultiple(ByteView values) {
        if (!nextDup()) {
            return false;
        }
        getMultiple(values);
        return true;
    }

    /**
     * Stores a key and value and positions the cursor on the pair; when a flag kept the put from
     * storing it, on the key (or pair) that was already there.
     */
    public boolean put(byte[] key, byte[] value, PutFlag... flags) {
        check();
        boolean stored = dbi.put(txn, key, value, flags);
        if (!dbi.isDupSort() || !seekBoth(key, value)) {
            seek(key);
        }
        return stored;
    }

    /** Deletes the current pair; the cursor stands in the gap it leaves. */
    public void delete() {
        check();
        byte[] key = keyBytes();
        if (dbi.isDupSort()) {
            dbi.delete(txn, key, valueBytes());
        } else {
            dbi.delete(txn, key);
        }
        cursor.markDeleted();
    }

    /** Deletes the current key with all its values; the cursor stands in the gap they leave. */
    public void deleteAllValues() {
        check();
        dbi.delete(txn, keyBytes());
        cursor.markDeleted();
    }

    @Override
    public void close() {
        closed = true;
    }

    private int fixedValueSize() {
        check();
        if ((dbi.storedFlags() & DbiFlag.DUPFIXED.bits) == 0) {
            throw new IllegalArgumentException("getMultiple is for DUPFIXED databases");
        }
        value(current);
        return (int) current.length();
    }

    private boolean move(BooleanSupplier step) {
        check();
        try {
            return step.getAsBoolean();
        } catch (RuntimeException | InternalError e) {
            throw txn.failed(e);
        }
    }

    private <T> T read(Supplier<T> value) {
        check();
        try {
            return value.get();
        } catch (RuntimeException | InternalError e) {
            throw txn.failed(e);
        }
    }

    private void check() {
        if (closed) {
            throw new BadTxnException("the cursor is closed");
        }
        txn.checkState();
    }
}
