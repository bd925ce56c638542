package org.larch.storage.page;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * The sorted values of one key of a DUPSORT database, kept inline as the value of its leaf node
 * ({@link LeafPage#DUPDATA}) while they are few and small. Offsets from the sub-page's first byte:
 *
 * <pre>
 * offset | size      | field     | meaning
 * -------+-----------+-----------+-------------------------------------------------------------
 *      0 |         2 | count     | number of values, at least 2
 *      2 |         2 | fixedSize | DUPFIXED: the size of every value; 0: values of any size
 *      4 | 2 × count | offsets   | variable sizes only: offset of each value's length field
 *      … |         … | values    | variable: u16 length then the bytes, in value order;
 *        |           |           | fixed: count × fixedSize bytes packed in value order
 * </pre>
 *
 * A sub-page is small (it must fit a node) and is rewritten whole on every change.
 */
public final class SubPage {
    static final int COUNT = 0;
    static final int FIXED_SIZE = 2;
    /** Bytes before the values (DUPFIXED) or their offsets (variable sizes). */
    public static final int HEADER = 4;

    private SubPage() {
    }

    public static int count(MemorySegment subPage) {
        return Bytes.u16(subPage, COUNT);
    }

    /** {@link #count(MemorySegment)} of the sub-page at offset {@code subPage} of {@code segment}: no slice. */
    public static int count(MemorySegment segment, long subPage) {
        return Bytes.u16(segment, subPage + COUNT);
    }

    /** {@link #valueOffset(MemorySegment, int)} of the sub-page at offset {@code subPage} of {@code segment}. */
    public static long valueOffset(MemorySegment segment, long subPage, int index) {
        int fixed = Bytes.u16(segment, subPage + FIXED_SIZE);
        if (fixed > 0) {
            return HEADER + (long) index * fixed;
        }
        return Bytes.u16(segment, subPage + HEADER + 2L * index) + 2L;
    }

    /** {@link #valueLength(MemorySegment, int)} of the sub-page at offset {@code subPage} of {@code segment}. */
    public static int valueLength(MemorySegment segment, long subPage, int index) {
        int fixed = Bytes.u16(segment, subPage + FIXED_SIZE);
        if (fixed > 0) {
            return fixed;
        }
        return Bytes.u16(segment, subPage + Bytes.u16(segment, subPage + HEADER + 2L * index));
    }

    public static int fixedSize(MemorySegment subPage) {
        return Bytes.u16(subPage, FIXED_SIZE);
    }

    /** Offset of value {@code index}'s bytes in the sub-page. */
    public static long valueOffset(MemorySegment subPage, int index) {
        int fixed = fixedSize(subPage);
        if (fixed > 0) {
            return HEADER + (long) index * fixed;
        }
        return Bytes.u16(subPage, HEADER + 2L * index) + 2L;
    }

    public static int valueLength(MemorySegment subPage, int index) {
        int fixed = fixedSize(subPage);
        if (fixed > 0) {
            return fixed;
        }
        return Bytes.u16(subPage, Bytes.u16(subPage, HEADER + 2L * index));
    }

    public static MemorySegment value(MemorySegment subPage, int index) {
        return subPage.asSlice(valueOffset(subPage, index), valueLength(subPage, index));
    }

    /**
     * Index of a value equal to {@code value}, or {@code -(insertionPoint + 1)}. The last value is
     * compared first: a value greater than all (an id appended to an index key) costs one comparison.
     */
    public static int search(MemorySegment subPage, MemorySegment value, KeyComparator order) {
        int count = count(subPage);
        int fixed = fixedSize(subPage);
        int valueLength = (int) value.byteSize();
        if (count == 0) {
            return -1;
        }
        int last = compareAt(subPage, fixed, count - 1, value, valueLength, order);
        if (last <= 0) {
            return last == 0 ? count - 1 : -(count + 1);
        }
        int low = 0;
        int high = count - 2;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int c = compareAt(subPage, fixed, middle, value, valueLength, order);
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

    /** Value {@code index} compared with {@code value}; {@code fixed} is the sub-page's fixed size (or 0). */
    private static int compareAt(MemorySegment subPage, int fixed, int index, MemorySegment value, int valueLength,
            KeyComparator order) {
        if (fixed > 0) {
            return order.compare(subPage, HEADER + (long) index * fixed, fixed, value, 0, valueLength);
        }
        int lengthField = Bytes.u16(subPage, HEADER + 2L * index);
        return order.compare(subPage, lengthField + 2L, Bytes.u16(subPage, lengthField), value, 0, valueLength);
    }

    /** Copies of all values, in order. */
    public static List<byte[]> values(MemorySegment subPage) {
        int count = count(subPage);
        List<byte[]> values = new ArrayList<>(count + 1);
        for (int i = 0; i < count; i++) {
            values.add(value(subPage, i).toArray(ValueLayout.JAVA_BYTE));
        }
        return values;
    }

    /** Bytes of a sub-page holding {@code values}. */
    public static int encodedSize(List<byte[]> values, int fixedSize) {
        if (fixedSize > 0) {
            return HEADER + values.size() * fixedSize;
        }
        int size = HEADER;
        for (byte[] value : values) {
            size += 2 + 2 + value.length;
        }
        return size;
    }

    /** Bytes of a DUPFIXED sub-page holding {@code count} values of {@code fixedSize} bytes. */
    public static int encodedSize(int count, int fixedSize) {
        return HEADER + count * fixedSize;
    }

    /** The values of a DUPFIXED sub-page, packed: {@code count × fixedSize} bytes in value order. */
    public static MemorySegment packedValues(MemorySegment subPage) {
        return subPage.asSlice(HEADER, (long) count(subPage) * fixedSize(subPage));
    }

    /** Encodes {@code count} sorted values of {@code fixedSize} bytes packed at {@code offset} of {@code packed}. */
    public static byte[] encodePacked(MemorySegment packed, long offset, int count, int fixedSize) {
        byte[] bytes = new byte[encodedSize(count, fixedSize)];
        MemorySegment out = MemorySegment.ofArray(bytes);
        writeHeader(out, count, fixedSize);
        MemorySegment.copy(packed, offset, out, HEADER, (long) count * fixedSize);
        return bytes;
    }

    /**
     * Makes {@code out} a DUPFIXED sub-page of {@code count} values of {@code fixedSize} bytes, which
     * the caller packed (or will pack) from offset {@link #HEADER}.
     */
    public static void writeHeader(MemorySegment out, int count, int fixedSize) {
        Bytes.putU16(out, COUNT, count);
        Bytes.putU16(out, FIXED_SIZE, fixedSize);
    }

    /** Bytes {@code subPage} takes with one more value of {@code length} bytes. */
    public static int sizeWithOneMore(MemorySegment subPage, int length) {
        int fixed = fixedSize(subPage);
        return (int) subPage.byteSize() + (fixed > 0 ? fixed : 2 + 2 + length);
    }

    /**
     * A copy of {@code subPage} with {@code value} inserted as value {@code index} (where
     * {@link #search} said it goes); for DUPFIXED the value has the sub-page's size. The other
     * values move as whole runs, none is copied on its own.
     */
    public static byte[] withValue(MemorySegment subPage, int index, MemorySegment value) {
        byte[] bytes = new byte[sizeWithOneMore(subPage, (int) value.byteSize())];
        withValue(subPage, index, value, MemorySegment.ofArray(bytes));
        return bytes;
    }

    /**
     * {@link #withValue(MemorySegment, int, MemorySegment)} written into {@code out} (its first
     * {@link #sizeWithOneMore} bytes; what they held before does not matter).
     */
    public static void withValue(MemorySegment subPage, int index, MemorySegment value, MemorySegment out) {
        if (fixedSize(subPage) > 0) {
            insertFixed(subPage, index, value, out);
        } else {
            insertVariable(subPage, index, value, out);
        }
        Bytes.putU16(out, COUNT, count(subPage) + 1);
    }

    private static void insertFixed(MemorySegment subPage, int index, MemorySegment value, MemorySegment out) {
        int fixed = fixedSize(subPage);
        long at = HEADER + (long) index * fixed;
        MemorySegment.copy(subPage, 0, out, 0, at);
        MemorySegment.copy(value, 0, out, at, fixed);
        MemorySegment.copy(subPage, at, out, at + fixed, subPage.byteSize() - at);
    }

    /**
     * The variable form: one more offset (every value moves 2 bytes up), and the values from
     * {@code index} on move up by the new value's length field and bytes as well.
     */
    private static void insertVariable(MemorySegment subPage, int index, MemorySegment value, MemorySegment out) {
        int count = count(subPage);
        int length = (int) value.byteSize();
        int size = (int) subPage.byteSize();
        int valuesStart = HEADER + 2 * count;
        int split = index < count ? Bytes.u16(subPage, HEADER + 2L * index) : size;
        for (int i = 0; i < count; i++) {
            int shift = i < index ? 2 : 2 + 2 + length;
            Bytes.putU16(out, HEADER + 2L * (i < index ? i : i + 1), Bytes.u16(subPage, HEADER + 2L * i) + shift);
        }
        Bytes.putU16(out, FIXED_SIZE, 0);
        Bytes.putU16(out, HEADER + 2L * index, split + 2);
        MemorySegment.copy(subPage, valuesStart, out, valuesStart + 2, split - valuesStart);
        Bytes.putU16(out, split + 2, length);
        MemorySegment.copy(value, 0, out, split + 4, length);
        MemorySegment.copy(subPage, split, out, split + 4 + length, size - split);
    }

    /** Encodes sorted {@code values}; {@code fixedSize} is their common size for DUPFIXED, else 0. */
    public static byte[] encode(List<byte[]> values, int fixedSize) {
        byte[] bytes = new byte[encodedSize(values, fixedSize)];
        MemorySegment out = MemorySegment.ofArray(bytes);
        Bytes.putU16(out, COUNT, values.size());
        Bytes.putU16(out, FIXED_SIZE, fixedSize);
        long position = fixedSize > 0 ? HEADER : HEADER + 2L * values.size();
        for (int i = 0; i < values.size(); i++) {
            byte[] value = values.get(i);
            if (fixedSize == 0) {
                Bytes.putU16(out, HEADER + 2L * i, (int) position);
                Bytes.putU16(out, position, value.length);
                position += 2;
            }
            MemorySegment.copy(MemorySegment.ofArray(value), 0, out, position, value.length);
            position += value.length;
        }
        return bytes;
    }
}
