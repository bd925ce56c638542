package org.larch.storage;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * A reusable window on bytes where they lie (LMDB's {@code MDB_val}): a segment, an offset and a
 * length. {@link Dbi#get(Txn, byte[], ByteView)} and {@link Cursor#key(ByteView)} /
 * {@link Cursor#value(ByteView)} point one at a key or value instead of creating a view object, so a
 * read transaction's lookups and cursor steps allocate nothing. What it shows stays valid as long as
 * a view from {@link Dbi#getView} would (until the read transaction ends; in a write transaction until
 * its next change), or until the window is pointed elsewhere. Not thread-safe: one per thread.
 */
public final class ByteView {
    private MemorySegment segment = MemorySegment.NULL;
    private long offset;
    private long length;

    /** Points the window at {@code length} bytes at {@code offset} of {@code segment}. */
    public void set(MemorySegment segment, long offset, long length) {
        this.segment = segment;
        this.offset = offset;
        this.length = length;
    }

    /** The segment the bytes lie in; they start at {@link #offset()}. Do not write to it. */
    public MemorySegment segment() {
        return segment;
    }

    public long offset() {
        return offset;
    }

    public long length() {
        return length;
    }

    /** Byte {@code index} of the window. */
    public byte byteAt(long index) {
        return segment.get(ValueLayout.JAVA_BYTE, offset + index);
    }

    /** A read-only slice of the window (an object: for callers that want a segment of their own). */
    public MemorySegment asSlice() {
        return segment.asSlice(offset, length).asReadOnly();
    }

    /** A copy of the bytes. */
    public byte[] toArray() {
        return asSlice().toArray(ValueLayout.JAVA_BYTE);
    }
}
