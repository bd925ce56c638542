package org.larch.storage.btree;

import java.lang.foreign.MemorySegment;
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

    public DuplicatesWriter(PageStore store, DbRecord db, KeyComparator keyOrder, KeyComparator valueOrder,
            boolean fixedSize) {
        this.store = store;
        this.db = db;
        this.valueOrder = valueOrder;
        this.fixedSize = fixedSize;
        this.main = new TreeWriter(store, db, keyOrder);
        this.tree = new Tree(store, db, keyOrder);
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
        checkValue(value);
        Duplicates existing = read(key);
        if (existing == null) {
            TreeWriter.Mode plain = mode == Mode.APPEND ? TreeWriter.Mode.APPEND : TreeWriter.Mode.UPSERT;
            return main.put(key, value, 0, plain);
        }
        if (mode == Mode.NO_OVERWRITE) {
            return false;
        }
        boolean append = mode == Mode.APPEND || mode == Mode.APPEND_DUP;
        long entries = db.entries;
        boolean added = switch (existing) {
            case Duplicates.Single single -> addToSingle(key, single, value, append);
            case Duplicates.Inline inline -> addToInline(key, inline, value, append);
            case Duplicates.Nested nested -> addToNested(key, nested, value, append);
        };
        if (!added) {
            return mode != Mode.NO_DUP_DATA;
        }
        db.entries = entries + 1;
        return true;
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
        Duplicates existing = read(key);
        if (existing == null) {
            return false;
        }
        long entries = db.entries;
        boolean removed = switch (existing) {
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

    private boolean addToSingle(MemorySegment key, Duplicates.Single single, MemorySegment value, boolean append) {
        int order = compare(single.value(), value);
        if (order == 0) {
            return false;
        }
        requireAppendable(append, order < 0);
        List<byte[]> values = new ArrayList<>(3);
        values.add(single.value());
        values.add(order < 0 ? values.size() : 0, bytes(value));
        checkSameSize(values);
        writeValues(key, values);
        return true;
    }

    private boolean addToInline(MemorySegment key, Duplicates.Inline inline, MemorySegment value, boolean append) {
        List<byte[]> values = inline.values();
        int index = search(values, value);
        if (index >= 0) {
            return false;
        }
        int insertion = -index - 1;
        requireAppendable(append, insertion == values.size());
        values.add(insertion, bytes(value));
        checkSameSize(values);
        writeValues(key, values);
        return true;
    }

    private boolean addToNested(MemorySegment key, Duplicates.Nested nested, MemorySegment value, boolean append) {
        DbRecord record = nested.record();
        if (fixedSize) {
            TreeCursor first = new TreeCursor(store, record, valueOrder);
            first.first();
            checkSameSize(List.of(first.keyBytes(), bytes(value)));
        }
        TreeWriter.Mode mode = append ? TreeWriter.Mode.APPEND : TreeWriter.Mode.NO_OVERWRITE;
        if (!nestedWriter(record).put(value, EMPTY, 0, mode)) {
            return false;
        }
        writeNested(key, record);
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

    /** Stores {@code values} (sorted, at least one) in the smallest form that fits. */
    private void writeValues(MemorySegment key, List<byte[]> values) {
        if (values.size() == 1) {
            main.put(key, MemorySegment.ofArray(values.getFirst()), 0, TreeWriter.Mode.UPSERT);
        } else if (fitsInline(key, values, 1)) {
            byte[] subPage = SubPage.encode(values, fixedSizeOf(values));
            main.put(key, MemorySegment.ofArray(subPage), LeafPage.DUPDATA, TreeWriter.Mode.UPSERT);
        } else {
            DbRecord record = new DbRecord(0);
            TreeWriter writer = nestedWriter(record);
            for (byte[] value : values) {
                writer.put(MemorySegment.ofArray(value), EMPTY, 0, TreeWriter.Mode.APPEND);
            }
            writeNested(key, record);
        }
    }

    private void writeNested(MemorySegment key, DbRecord record) {
        main.put(key, MemorySegment.ofArray(record.toBytes()), LeafPage.DUPDATA | LeafPage.SUBDB,
                TreeWriter.Mode.UPSERT);
    }

    /** Whether the values fit inline with room to spare: {@code slack} 2 means in half a node. */
    private boolean fitsInline(MemorySegment key, List<byte[]> values, int slack) {
        long size = (long) SubPage.encodedSize(values, fixedSizeOf(values)) * slack;
        return !NodeLimits.needsOverflow((int) key.byteSize(), size, store.pageSize());
    }

    private List<byte[]> nestedValues(DbRecord record) {
        List<byte[]> values = new ArrayList<>();
        TreeCursor cursor = new TreeCursor(store, record, valueOrder);
        for (boolean more = cursor.first(); more; more = cursor.next()) {
            values.add(cursor.keyBytes());
        }
        return values;
    }

    private TreeWriter nestedWriter(DbRecord record) {
        return new TreeWriter(store, record, valueOrder);
    }

    private int fixedSizeOf(List<byte[]> values) {
        return fixedSize ? values.getFirst().length : 0;
    }

    private void checkValue(MemorySegment value) {
        long length = value.byteSize();
        int max = NodeLimits.maxKeySize(store.pageSize());
        if (length == 0 || length > max) {
            throw new BadValueSizeException("value of " + length + " bytes: values of a DUPSORT database must have 1 to "
                    + max + " bytes");
        }
    }

    private void checkSameSize(List<byte[]> values) {
        if (!fixedSize) {
            return;
        }
        for (byte[] value : values) {
            if (value.length != values.getFirst().length) {
                throw new BadValueSizeException("DUPFIXED values must all have the same size: "
                        + values.getFirst().length + " and " + value.length);
            }
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
        return value.toArray(java.lang.foreign.ValueLayout.JAVA_BYTE);
    }
}
