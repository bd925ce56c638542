package org.larch.storage.btree;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import org.larch.storage.BadValueSizeException;
import org.larch.storage.KeyExistsException;
import org.larch.storage.page.DbRecord;
import org.larch.storage.page.KeyComparator;
import org.larch.storage.page.LeafPage;
import org.larch.storage.page.SubPage;

/**
 * Changes a DUPSORT database: a key holds sorted values. One value is a plain node; more go inline
 * into a {@link SubPage} while the node stays small; beyond that they move to a nested tree (keys =
 * values, empty data) whose descriptor is the node's value, and move back inline when the set has
 * shrunk to half of what fits. The database's {@code entries} counts (key, value) pairs.
 */
public final class DuplicatesWriter {
    private static final MemorySegment EMPTY = MemorySegment.ofArray(new byte[0]);

    private final PageStore store;
    private final DbRecord db;
    private final KeyComparator valueOrder;
    private final boolean fixedSize;
    private final TreeWriter main;
    private final Tree tree;
    private final TreePath path = new TreePath();
    /** The descriptor of a key's nested tree, encoded for its node. */
    private final MemorySegment descriptor = MemorySegment.ofArray(new byte[DbRecord.SIZE]);
    /** One value at a time of a packed run, for the nested tree's writer; see {@link #scratchValue}. */
    private MemorySegment scratch;
    /**
     * The descriptor of the nested tree being changed, loaded from its key's node for each change
     * ({@link #openNested}), and its writer: one pair for every key, not one per put.
     */
    private final DbRecord nestedRecord = new DbRecord(0);
    private final TreeWriter nested;
    /** Where new sub-pages are built; see {@link #workBuffer}. */
    private MemorySegment work = MemorySegment.ofArray(new byte[512]);

    public DuplicatesWriter(PageStore store, DbRecord db, KeyComparator keyOrder, KeyComparator valueOrder,
            boolean fixedSize) {
        this.store = store;
        this.db = db;
        this.valueOrder = valueOrder;
        this.fixedSize = fixedSize;
        this.main = new TreeWriter(store, db, keyOrder);
        this.tree = new Tree(store, db, keyOrder);
        this.nested = new TreeWriter(store, nestedRecord, valueOrder);
    }

    /** How a put treats what is there. */
    public enum Mode {
        /** Add the value to the key's set (a value already there is not an error). */
        ADD,
        /** Do nothing (and report false) when the key has any value. */
        NO_OVERWRITE,
        /** Report false when this exact value is already there. */
        NO_DUP_DATA,
        /** The key is greater than every key, or equal to the last with a greater value. */
        APPEND,
        /** The value is greater than every value of the key. */
        APPEND_DUP
    }

    /** Adds {@code value} to {@code key}'s values; false when the mode found it (or the key) already there. */
    public boolean put(MemorySegment key, MemorySegment value, Mode mode) {
        checkValue(value.byteSize());
        TreePath found = main.find(key);
        if (found.isEmpty() || found.leafIndex() < 0) {
            TreeWriter.Mode plain = mode == Mode.APPEND ? TreeWriter.Mode.APPEND : TreeWriter.Mode.UPSERT;
            return main.putFound(key, value, 0, plain);
        }
        if (mode == Mode.NO_OVERWRITE) {
            return false;
        }
        boolean append = mode == Mode.APPEND || mode == Mode.APPEND_DUP;
        long entries = db.entries;
        LeafPage leaf = found.leaf();
        int index = found.leafIndex();
        int flags = leaf.flags(index);
        boolean added;
        if ((flags & LeafPage.DUPDATA) == 0) {
            added = addToSingle(key, Tree.value(store, leaf, index).toArray(ValueLayout.JAVA_BYTE), value, append);
        } else if ((flags & LeafPage.SUBDB) == 0) {
            added = addToInline(key, leaf.inlineValue(index), value, append);
        } else {
            added = addToNested(key, openNested(leaf.inlineValue(index)), value, append);
        }
        if (!added) {
            return mode != Mode.NO_DUP_DATA;
        }
        db.entries = entries + 1;
        return true;
    }

    /**
     * DUPFIXED: adds {@code count} values of {@code size} bytes, packed in {@code values} and ascending
     * in the value order, to {@code key}'s values, skipping those already there; returns how many were
     * added. One descent of the main tree, one rewrite of the key's node: values greater than all of
     * the key's are appended (to a nested tree without a search each), others merged.
     */
    public int putMultiple(MemorySegment key, MemorySegment values, int size, int count) {
        if (!fixedSize) {
            throw new IllegalArgumentException("putMultiple is for DUPFIXED databases");
        }
        checkValue(size);
        if (count == 0) {
            return 0;
        }
        MemorySegment run = values.asSlice(0, (long) size * count);
        PackedValues.requireAscending(run, size, count, valueOrder);
        TreePath found = main.find(key);
        long entries = db.entries;
        int added;
        if (found.isEmpty() || found.leafIndex() < 0) {
            writePacked(key, run, size, count);
            added = count;
        } else {
            added = addMultiple(key, found.leaf(), found.leafIndex(), run, size, count);
        }
        db.entries = entries + added;
        return added;
    }

    /** {@link #putMultiple} to a key that has values: merged with a single or inline ones, or into its tree. */
    private int addMultiple(MemorySegment key, LeafPage leaf, int index, MemorySegment run, int size, int count) {
        int flags = leaf.flags(index);
        if ((flags & LeafPage.SUBDB) != 0) {
            int added = addToNested(openNested(leaf.inlineValue(index)), run, size, count);
            if (added > 0) {
                writeNested(key, nestedRecord);
            }
            return added;
        }
        MemorySegment existing;
        int existingCount;
        if ((flags & LeafPage.DUPDATA) == 0) {
            existing = Tree.value(store, leaf, index);
            existingCount = 1;
        } else {
            existing = SubPage.packedValues(leaf.inlineValue(index));
            existingCount = SubPage.count(leaf.inlineValue(index));
        }
        requireSize(existing.byteSize() / existingCount, size);
        MemorySegment merged = workBuffer(SubPage.encodedSize(existingCount + count, size));
        int total = PackedValues.merge(existing, existingCount, run, count, size, valueOrder, merged, SubPage.HEADER);
        if (total > existingCount) {
            writeMerged(key, merged, size, total);
        }
        return total - existingCount;
    }

    /**
     * {@link #writePacked} for values merged into a buffer laid out as a sub-page (from
     * {@link SubPage#HEADER} on): inline it is one already, with its header written.
     */
    private void writeMerged(MemorySegment key, MemorySegment subPage, int size, int count) {
        int encodedSize = SubPage.encodedSize(count, size);
        if (fitsInline(key, encodedSize, 1)) {
            SubPage.writeHeader(subPage, count, size);
            putNode(key, subPage.asSlice(0, encodedSize), LeafPage.DUPDATA);
        } else {
            writePacked(key, subPage.asSlice(SubPage.HEADER), size, count);
        }
    }

    /**
     * Adds ascending values to a nested tree: each is looked for until one lands past the tree's last
     * value; from there on the rest are appended, filling pages, without a search each.
     */
    private int addToNested(TreeWriter writer, MemorySegment run, int size, int count) {
        MemorySegment value = scratchValue(size);
        int added = 0;
        for (int i = 0; i < count; i++) {
            MemorySegment.copy(run, (long) i * size, value, 0, size);
            TreePath at = writer.find(value);
            if (i == 0) {
                requireSize(at.leaf().keyLength(0), size);
            }
            if (at.leafIndex() >= 0) {
                continue;
            }
            boolean appending = atEnd(at);
            writer.putFound(value, EMPTY, 0, appending ? TreeWriter.Mode.APPEND : TreeWriter.Mode.UPSERT);
            added++;
            if (appending) {
                writer.appendKeys(run, size, i + 1, count - i - 1);
                return added + count - i - 1;
            }
        }
        return added;
    }

    /** Removes {@code key} with all its values; false when it was not there. */
    public boolean delete(MemorySegment key) {
        Duplicates existing = read(key);
        if (existing == null) {
            return false;
        }
        long entries = db.entries;
        long values = existing.count();
        if (existing instanceof Duplicates.Nested nested) {
            nestedWriter(nested.record()).dropAll();
        }
        main.delete(key, 0);
        db.entries = entries - values;
        return true;
    }

    /** Removes one value of {@code key}; false when that pair was not there. */
    public boolean delete(MemorySegment key, MemorySegment value) {
        TreePath found = main.find(key);
        if (found.isEmpty() || found.leafIndex() < 0) {
            return false;
        }
        long entries = db.entries;
        boolean removed = switch (Duplicates.of(store, found.leaf(), found.leafIndex())) {
            case Duplicates.Single single -> compare(single.value(), value) == 0 && main.delete(key, 0);
            case Duplicates.Inline inline -> removeFromInline(key, inline, value);
            case Duplicates.Nested nested -> removeFromNested(key, nested, value);
        };
        if (removed) {
            db.entries = entries - 1;
        }
        return removed;
    }

    /** The values of {@code key} as they are stored, or null when it is absent. */
    Duplicates read(MemorySegment key) {
        if (!tree.descend(key, path) || path.leafIndex() < 0) {
            return null;
        }
        return Duplicates.of(store, path.leaf(), path.leafIndex());
    }

    private boolean addToSingle(MemorySegment key, byte[] single, MemorySegment value, boolean append) {
        int order = compare(single, value);
        if (order == 0) {
            return false;
        }
        requireAppendable(append, order < 0);
        if (fixedSize) {
            requireSize(single.length, value.byteSize());
        }
        List<byte[]> values = new ArrayList<>(3);
        values.add(single);
        values.add(order < 0 ? values.size() : 0, bytes(value));
        writeValues(key, values);
        return true;
    }

    /** Adds a value to an inline sub-page: into a copy with one more value, or all to a nested tree. */
    private boolean addToInline(MemorySegment key, MemorySegment subPage, MemorySegment value, boolean append) {
        int index = SubPage.search(subPage, value, valueOrder);
        if (index >= 0) {
            return false;
        }
        int insertion = -index - 1;
        requireAppendable(append, insertion == SubPage.count(subPage));
        if (fixedSize) {
            requireSize(SubPage.fixedSize(subPage), value.byteSize());
        }
        int newSize = SubPage.sizeWithOneMore(subPage, (int) value.byteSize());
        if (fitsInline(key, newSize, 1)) {
            MemorySegment grown = workBuffer(newSize).asSlice(0, newSize);
            SubPage.withValue(subPage, insertion, value, grown);
            putNode(key, grown, LeafPage.DUPDATA);
            return true;
        }
        List<byte[]> values = SubPage.values(subPage);
        values.add(insertion, bytes(value));
        writeValues(key, values);
        return true;
    }

    /**
     * Adds a value to a nested tree: one descent of it, which also tells (from the leaf it reaches)
     * the size of the values there; then the descriptor is rewritten where the node is.
     */
    private boolean addToNested(MemorySegment key, TreeWriter writer, MemorySegment value, boolean append) {
        TreePath at = writer.find(value);
        if (fixedSize) {
            requireSize(at.leaf().keyLength(0), value.byteSize());
        }
        if (at.leafIndex() >= 0) {
            return false;
        }
        requireAppendable(append, atEnd(at));
        writer.putFound(value, EMPTY, 0, append ? TreeWriter.Mode.APPEND : TreeWriter.Mode.UPSERT);
        writeNested(key, writer.record());
        return true;
    }

    private boolean removeFromInline(MemorySegment key, Duplicates.Inline inline, MemorySegment value) {
        List<byte[]> values = inline.values();
        int index = search(values, value);
        if (index < 0) {
            return false;
        }
        values.remove(index);
        writeValues(key, values);
        return true;
    }

    private boolean removeFromNested(MemorySegment key, Duplicates.Nested nested, MemorySegment value) {
        DbRecord record = nested.record();
        TreeWriter writer = nestedWriter(record);
        if (!writer.delete(value, 0)) {
            return false;
        }
        if (record.depth <= 1) {
            List<byte[]> values = nestedValues(record);
            if (fitsInline(key, values, 2)) {
                writer.dropAll();
                writeValues(key, values);
                return true;
            }
        }
        writeNested(key, record);
        return true;
    }

    /** Stores {@code values} (sorted, at least one) in the smallest form that fits, in place of what the key holds. */
    private void writeValues(MemorySegment key, List<byte[]> values) {
        if (values.size() == 1) {
            putNode(key, MemorySegment.ofArray(values.getFirst()), 0);
        } else if (fitsInline(key, values, 1)) {
            byte[] subPage = SubPage.encode(values, fixedSizeOf(values));
            putNode(key, MemorySegment.ofArray(subPage), LeafPage.DUPDATA);
        } else {
            DbRecord record = new DbRecord(0);
            TreeWriter writer = nestedWriter(record);
            for (byte[] value : values) {
                writer.put(MemorySegment.ofArray(value), EMPTY, 0, TreeWriter.Mode.APPEND);
            }
            writeNested(key, record);
        }
    }

    /** {@link #writeValues} for {@code count} values of {@code size} bytes packed in {@code packed}. */
    private void writePacked(MemorySegment key, MemorySegment packed, int size, int count) {
        if (count == 1) {
            putNode(key, packed.asSlice(0, size), 0);
        } else if (fitsInline(key, SubPage.encodedSize(count, size), 1)) {
            putNode(key, MemorySegment.ofArray(SubPage.encodePacked(packed, 0, count, size)), LeafPage.DUPDATA);
        } else {
            DbRecord record = new DbRecord(0);
            TreeWriter writer = nestedWriter(record);
            writer.appendKeys(packed, size, 0, count);
            writeNested(key, record);
        }
    }

    private void writeNested(MemorySegment key, DbRecord record) {
        record.encode(descriptor, 0);
        putNode(key, descriptor, LeafPage.DUPDATA | LeafPage.SUBDB);
    }

    /**
     * Writes the key's node through the path the change's {@link TreeWriter#find} took: the main tree
     * is unchanged since (a nested tree's pages are others), so no second descent.
     */
    private void putNode(MemorySegment key, MemorySegment value, int nodeFlags) {
        main.putFound(key, value, nodeFlags, TreeWriter.Mode.UPSERT);
    }

    /** Whether the values fit inline with room to spare: {@code slack} 2 means in half a node. */
    private boolean fitsInline(MemorySegment key, List<byte[]> values, int slack) {
        return fitsInline(key, SubPage.encodedSize(values, fixedSizeOf(values)), slack);
    }

    private boolean fitsInline(MemorySegment key, int subPageSize, int slack) {
        return !NodeLimits.needsOverflow((int) key.byteSize(), (long) subPageSize * slack, store.pageSize());
    }

    /** Whether a descent for a missing value ended past the tree's last value. */
    private static boolean atEnd(TreePath at) {
        for (int level = 0; level < at.leafLevel(); level++) {
            if (at.index(level) != at.page(level).slotCount() - 1) {
                return false;
            }
        }
        return -at.leafIndex() - 1 == at.leaf().slotCount();
    }

    /**
     * A reused buffer of at least {@code size} bytes in which a key's new sub-page is built before it
     * is copied into the leaf; what it held before is garbage.
     */
    private MemorySegment workBuffer(int size) {
        if (work.byteSize() < size) {
            work = MemorySegment.ofArray(new byte[Math.max(size, 2 * (int) work.byteSize())]);
        }
        return work;
    }

    /** A segment for one value of {@code size} bytes at a time, reused. */
    private MemorySegment scratchValue(int size) {
        if (scratch == null || scratch.byteSize() != size) {
            scratch = MemorySegment.ofArray(new byte[size]);
        }
        return scratch;
    }

    private List<byte[]> nestedValues(DbRecord record) {
        List<byte[]> values = new ArrayList<>();
        TreeCursor cursor = new TreeCursor(store, record, valueOrder);
        for (boolean more = cursor.first(); more; more = cursor.next()) {
            values.add(cursor.keyBytes());
        }
        return values;
    }

    /**
     * {@link #nested}, made the writer of the nested tree whose descriptor {@code stored} is (a key's
     * node value). Its shortcuts never carry over from another key's tree: writing that key's
     * descriptor in between counts as a change of the transaction.
     */
    private TreeWriter openNested(MemorySegment stored) {
        nestedRecord.decodeFrom(stored, 0);
        return nested;
    }

    private TreeWriter nestedWriter(DbRecord record) {
        return new TreeWriter(store, record, valueOrder);
    }

    private int fixedSizeOf(List<byte[]> values) {
        return fixedSize ? values.getFirst().length : 0;
    }

    private void checkValue(long length) {
        int max = NodeLimits.maxKeySize(store.pageSize());
        if (length == 0 || length > max) {
            throw new BadValueSizeException("value of " + length + " bytes: values of a DUPSORT database must have 1 to "
                    + max + " bytes");
        }
    }

    /** DUPFIXED: a value of {@code length} bytes among values of {@code stored} bytes is refused. */
    private static void requireSize(long stored, long length) {
        if (stored != length) {
            throw new BadValueSizeException("DUPFIXED values must all have the same size: " + stored + " and " + length);
        }
    }

    private static void requireAppendable(boolean append, boolean atEnd) {
        if (append && !atEnd) {
            throw new KeyExistsException("APPENDDUP value not greater than the key's last value");
        }
    }

    private int search(List<byte[]> values, MemorySegment value) {
        int low = 0;
        int high = values.size() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int c = compare(values.get(middle), value);
            if (c < 0) {
                low = middle + 1;
            } else if (c > 0) {
                high = middle - 1;
            } else {
                return middle;
            }
        }
        return -(low + 1);
    }

    private int compare(byte[] stored, MemorySegment value) {
        return valueOrder.compare(MemorySegment.ofArray(stored), 0, stored.length, value, 0, (int) value.byteSize());
    }

    private static byte[] bytes(MemorySegment value) {
        return value.toArray(ValueLayout.JAVA_BYTE);
    }
}
