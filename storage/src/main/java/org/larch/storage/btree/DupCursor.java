package org.larch.storage.btree;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.larch.storage.ByteView;
import org.larch.storage.page.DbRecord;
import org.larch.storage.page.KeyComparator;
import org.larch.storage.page.LeafPage;
import org.larch.storage.page.SubPage;

/**
 * A cursor over (key, value) pairs: a {@link TreeCursor} over the keys and, for a key with several
 * values (DUPSORT), a position among them — an index into its inline sub-page or a cursor over its
 * nested tree. In a plain database every key has one value and this is a thin shell over the key
 * cursor.
 *
 * <p>In a write transaction a change through any handle may rebuild the pages under the cursor; it
 * then finds its place again by its last (key, value). If that pair is gone the cursor stands in its
 * gap: {@link #next()} lands on the pair after it, {@link #prev()} on the one before.
 */
public final class DupCursor implements PairCursor {
    private enum Form { SINGLE, INLINE, NESTED }

    private final PageSource pages;
    private final PageStore store;
    private final KeyComparator keyOrder;
    private final KeyComparator valueOrder;
    private final TreeCursor keys;
    /** A plain database in a read transaction: every move and read goes straight to the key cursor. */
    private final boolean plainRead;
    private Form form;
    private int index;
    private TreeCursor nested;
    private DbRecord nestedRecord;
    private boolean positioned;
    private boolean inGap;
    private byte[] savedKey;
    private byte[] savedValue;
    private long seenModifications;
    /** The current key's sub-page (its node's value) while {@link #form} is INLINE: read without slices. */
    private final ByteView subPage = new ByteView();
    /** A read transaction's one nested-tree cursor and its record, reused (see {@link #enterNestedReading}). */
    private TreeCursor readNested;
    private DbRecord readNestedRecord;

    /** A cursor over a plain database: a key's one value is not part of its position. */
    public DupCursor(PageSource pages, DbRecord db, KeyComparator keyOrder) {
        this(pages, db, keyOrder, null);
    }

    /** A cursor over a DUPSORT database whose values {@code valueOrder} orders. */
    public DupCursor(PageSource pages, DbRecord db, KeyComparator keyOrder, KeyComparator valueOrder) {
        this.pages = pages;
        this.store = pages instanceof PageStore writable ? writable : null;
        this.keyOrder = keyOrder;
        this.valueOrder = valueOrder;
        this.keys = new TreeCursor(pages, db, keyOrder);
        this.plainRead = store == null && valueOrder == null;
    }

    public boolean first() {
        return settle(keys.first() && enter(true));
    }

    public boolean last() {
        return settle(keys.last() && enter(false));
    }

    /** The next pair; at the end returns false and stays where it was. */
    public boolean next() {
        if (plainRead) {
            // one value per key and nothing changes: the pair position is the key position
            return positioned ? keys.next() : first();
        }
        revalidate();
        if (!positioned) {
            return !inGap && first();
        }
        if (inGap) {
            return settle(true);
        }
        return (stepValue(true) || (keys.next() && enter(true))) && settle(true);
    }

    /** The previous pair; at the start returns false and stays where it was. */
    public boolean prev() {
        revalidate();
        if (!positioned) {
            return lastFromNowhere();
        }
        // in a gap the cursor stands on the pair after it; with nothing before, it stays in the gap
        return (stepValue(false) || (keys.prev() && enter(false))) && settle(true);
    }

    /** The next value of the current key; false at its last value. */
    public boolean nextDup() {
        return positionedOnPair() && stepValue(true) && settle(true);
    }

    /** The previous value of the current key; false at its first value. */
    public boolean prevDup() {
        return positionedOnPair() && stepValue(false) && settle(true);
    }

    public boolean firstDup() {
        return positionedOnPair() && enter(true) && settle(true);
    }

    public boolean lastDup() {
        return positionedOnPair() && enter(false) && settle(true);
    }

    /** The first value of the next key. */
    public boolean nextNoDup() {
        revalidate();
        if (!positioned) {
            return !inGap && first();
        }
        if (inGap && !onSavedKey()) {
            return settle(true);
        }
        return keys.next() && enter(true) && settle(true);
    }

    /** The last value of the previous key. */
    public boolean prevNoDup() {
        revalidate();
        if (!positioned) {
            return lastFromNowhere();
        }
        return keys.prev() && enter(false) && settle(true);
    }

    /**
     * The last pair, for a cursor on no pair; when there is none and the cursor stands in the gap
     * past the end (its tree emptied under it), it stays in that gap.
     */
    private boolean lastFromNowhere() {
        boolean pastTheEnd = inGap;
        boolean found = last();
        inGap = !found && pastTheEnd;
        return found;
    }

    /** Positions on the first value of {@code key}; false (unpositioned) when it is absent. */
    @Override
    public boolean seek(byte[] key) {
        return settle(keys.seek(keys.searchKey(key)) && enter(true));
    }

    @Override
    public boolean seekRange(byte[] key) {
        return seekRange(MemorySegment.ofArray(key));
    }

    /** Positions on the first value of {@code key}; false (unpositioned) when it is absent. */
    public boolean seek(MemorySegment key) {
        return settle(keys.seek(key) && enter(true));
    }

    /** Positions on the first value of the first key at or after {@code key}. */
    public boolean seekRange(MemorySegment key) {
        return settle(keys.seekRange(key) && enter(true));
    }

    /** Positions on exactly ({@code key}, {@code value}). */
    public boolean seekBoth(MemorySegment key, MemorySegment value) {
        return settle(keys.seek(key) && openedValues() && findValue(value, true));
    }

    /** Positions on {@code key}'s first value at or after {@code value}. */
    public boolean seekBothRange(MemorySegment key, MemorySegment value) {
        return settle(keys.seek(key) && openedValues() && findValue(value, false));
    }

    public MemorySegment key() {
        if (plainRead) {
            requireReadPair();
            return keys.key();
        }
        requirePair();
        return keys.key();
    }

    public MemorySegment value() {
        if (plainRead) {
            requireReadPair();
            return keys.value();
        }
        requirePair();
        return currentValue();
    }

    /** Points {@code view} at the current key; in a read transaction without an object. */
    public void key(ByteView view) {
        if (store == null) {
            requireReadPair();
            keys.key(view);
            return;
        }
        MemorySegment key = key().asReadOnly();
        view.set(key, 0, key.byteSize());
    }

    /** Points {@code view} at the current value; in a read transaction (but for an overflow value) without an object. */
    public void value(ByteView view) {
        if (store == null) {
            requireReadPair();
            switch (form) {
                case SINGLE -> keys.value(view);
                case INLINE -> inlineValue(index, view);
                case NESTED -> nested.key(view);
            }
            return;
        }
        MemorySegment value = value().asReadOnly();
        view.set(value, 0, value.byteSize());
    }

    private MemorySegment currentValue() {
        return switch (form) {
            case SINGLE -> keys.value();
            case INLINE -> SubPage.value(keys.value(), index);
            case NESTED -> nested.key();
        };
    }

    /** Number of values of the current key. */
    public long count() {
        requirePair();
        return switch (form) {
            case SINGLE -> 1;
            case INLINE -> inlineCount();
            case NESTED -> nestedRecord.entries;
        };
    }

    public boolean isPositioned() {
        revalidate();
        return positioned && !inGap;
    }

    @Override
    public void valuesToPageEnd(int valueSize, ByteView view) {
        requirePair();
        switch (form) {
            case SINGLE -> keys.value(view);
            case INLINE -> inlineBatch(valueSize, view);
            case NESTED -> nested.packKeysToLeafEnd(valueSize, view);
        }
        settle(true);
    }

    /** Marks the current pair as deleted through this cursor: the cursor now stands in its gap. */
    public void markDeleted() {
        seenModifications = -1;
    }

    /** Points {@code view} at the sub-page's values from the current one on, where they lie packed. */
    private void inlineBatch(int valueSize, ByteView view) {
        int count = inlineCount();
        long from = subPage.offset() + SubPage.valueOffset(subPage.segment(), subPage.offset(), index);
        view.set(subPage.segment(), from, (long) (count - index) * valueSize);
        index = count - 1;
    }

    /** Number of values in the current key's sub-page; leaves {@link #subPage} on it. */
    private int inlineCount() {
        keys.value(subPage);
        return SubPage.count(subPage.segment(), subPage.offset());
    }

    /** Points {@code view} at value {@code at} of the current key's sub-page. */
    private void inlineValue(int at, ByteView view) {
        keys.value(subPage);
        MemorySegment segment = subPage.segment();
        long offset = subPage.offset();
        view.set(segment, offset + SubPage.valueOffset(segment, offset, at), SubPage.valueLength(segment, offset, at));
    }

    /** Takes up the values of the key the key cursor is on, at the first or last of them. */
    private boolean enter(boolean atFirst) {
        openValues();
        return switch (form) {
            case SINGLE -> true;
            case INLINE -> {
                index = atFirst ? 0 : inlineCount() - 1;
                yield true;
            }
            case NESTED -> atFirst ? nested.first() : nested.last();
        };
    }

    /** {@link #openValues()} in a chain of conditions. */
    private boolean openedValues() {
        openValues();
        return true;
    }

    /**
     * Takes in the current key's values (their form; a nested tree's cursor) without moving among
     * them: a seek to a value that follows positions the nested cursor by one descent of its own.
     */
    private void openValues() {
        nested = null;
        index = 0;
        if (valueOrder == null) {
            form = Form.SINGLE;
            return;
        }
        int flags = keys.nodeFlags();
        if ((flags & LeafPage.DUPDATA) == 0) {
            form = Form.SINGLE;
        } else if ((flags & LeafPage.SUBDB) == 0) {
            form = Form.INLINE;
        } else {
            form = Form.NESTED;
            if (store == null) {
                enterNestedReading();
            } else {
                nestedRecord = DbRecord.decode(keys.value(), 0);
                nested = new TreeCursor(pages, nestedRecord, valueOrder);
            }
        }
    }

    /**
     * In a read transaction one record and one cursor serve every nested tree the cursor enters: the
     * record is overwritten with the new tree's descriptor, and the cursor, which reads it at each
     * descent, moves its page objects there. Nothing changes under a read cursor, so nothing else
     * holds on to them.
     */
    private void enterNestedReading() {
        if (readNested == null) {
            readNestedRecord = new DbRecord(0);
            readNested = new TreeCursor(pages, readNestedRecord, valueOrder);
        }
        keys.value(subPage);
        readNestedRecord.decodeFrom(subPage.segment(), subPage.offset());
        nestedRecord = readNestedRecord;
        nested = readNested;
    }

    private boolean stepValue(boolean forward) {
        return switch (form) {
            case SINGLE -> false;
            case INLINE -> {
                int next = index + (forward ? 1 : -1);
                if (next < 0 || next >= inlineCount()) {
                    yield false;
                }
                index = next;
                yield true;
            }
            case NESTED -> forward ? nested.next() : nested.prev();
        };
    }

    /** Moves among the current key's values to {@code value} (exact) or the first at or after it. */
    private boolean findValue(MemorySegment value, boolean exact) {
        int length = (int) value.byteSize();
        KeyComparator valueOrder = this.valueOrder != null ? this.valueOrder : KeyComparator.LEXICOGRAPHIC;
        return switch (form) {
            case SINGLE -> {
                MemorySegment only = keys.value();
                int c = valueOrder.compare(only, 0, (int) only.byteSize(), value, 0, length);
                yield exact ? c == 0 : c >= 0;
            }
            case INLINE -> {
                MemorySegment subPage = keys.value();
                int found = SubPage.search(subPage, value, valueOrder);
                int at = found >= 0 ? found : -found - 1;
                index = at;
                yield found >= 0 || (!exact && at < SubPage.count(subPage));
            }
            case NESTED -> exact ? nested.seek(value) : nested.seekRange(value);
        };
    }

    private boolean settle(boolean found) {
        positioned = found;
        inGap = false;
        if (found && store != null) {
            savedKey = keys.keyBytes();
            savedValue = valueOrder == null ? null : currentValue().toArray(ValueLayout.JAVA_BYTE);
            seenModifications = store.modificationCount();
        }
        return found;
    }

    private boolean positionedOnPair() {
        revalidate();
        return positioned && !inGap;
    }

    /** {@link #requirePair()} where nothing can change under the cursor, so no finding its place again. */
    private void requireReadPair() {
        if (!positioned || inGap) {
            throw new org.larch.storage.BadTxnException("the cursor is not positioned on a key");
        }
    }

    private void requirePair() {
        if (!positionedOnPair()) {
            throw new org.larch.storage.BadTxnException("the cursor is not positioned on a key");
        }
    }

    /** After a change in this transaction, finds the saved pair or the gap where it was. */
    private void revalidate() {
        if (store == null || savedKey == null || seenModifications == store.modificationCount()) {
            return;
        }
        if (!positioned && !inGap) {
            return;
        }
        seenModifications = store.modificationCount();
        MemorySegment key = MemorySegment.ofArray(savedKey);
        boolean found = keys.seekRange(key) && enter(true);
        boolean sameKey = found && onSavedKey();
        if (valueOrder == null) {
            positioned = found;
            inGap = !sameKey;
            return;
        }
        MemorySegment value = MemorySegment.ofArray(savedValue);
        if (sameKey && !findValue(value, false)) {
            found = keys.next() && enter(true);
            sameKey = false;
        }
        boolean same = sameKey && equal(valueOrder, currentValue(), savedValue);
        positioned = found;
        inGap = !same;
    }

    private boolean onSavedKey() {
        return equal(keyOrder, keys.key(), savedKey);
    }

    private static boolean equal(KeyComparator order, MemorySegment stored, byte[] saved) {
        return order.compare(stored, 0, (int) stored.byteSize(), MemorySegment.ofArray(saved), 0, saved.length) == 0;
    }
}
