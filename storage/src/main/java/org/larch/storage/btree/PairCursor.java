package org.larch.storage.btree;

import java.lang.foreign.MemorySegment;
import org.larch.storage.ByteView;

/**
 * What the public {@code Cursor} asks of the cursor underneath it: moves over (key, value) pairs and
 * reads of the current one. Two implementations: {@link DupCursor}, which serves every database in
 * every transaction, and {@link ReadCursor}, the lean one for a plain database in a read transaction
 * (nothing can change under it, one value per key), chosen when the cursor is opened.
 */
public sealed interface PairCursor permits DupCursor, ReadCursor {
    boolean first();

    boolean last();

    /** The next pair; at the end returns false and stays where it was. */
    boolean next();

    /** The previous pair; at the start returns false and stays where it was. */
    boolean prev();

    /** Positions on the first value of {@code key}; false (unpositioned) when it is absent. */
    boolean seek(byte[] key);

    /** Positions on the first value of the first key at or after {@code key}. */
    boolean seekRange(byte[] key);

    /** Positions on exactly ({@code key}, {@code value}). */
    boolean seekBoth(MemorySegment key, MemorySegment value);

    /** Positions on {@code key}'s first value at or after {@code value}. */
    boolean seekBothRange(MemorySegment key, MemorySegment value);

    boolean nextDup();

    boolean prevDup();

    boolean firstDup();

    boolean lastDup();

    boolean nextNoDup();

    boolean prevNoDup();

    /** Number of values of the current key. */
    long count();

    /** The current key: a view valid until the transaction changes or ends. */
    MemorySegment key();

    /** The current value: a view valid until the transaction changes or ends. */
    MemorySegment value();

    /** Points {@code view} at the current key. */
    void key(ByteView view);

    /** Points {@code view} at the current value. */
    void value(ByteView view);

    /**
     * Fixed-size values from the current one to the end of the page (or sub-page) holding them, packed;
     * the cursor moves to the last of them. {@code view} is pointed at them: in place where they lie
     * packed, else at a buffer of the cursor's that the next call reuses.
     */
    void valuesToPageEnd(int valueSize, ByteView view);

    /** Marks the current pair as deleted through this cursor: it now stands in its gap. */
    void markDeleted();
}
