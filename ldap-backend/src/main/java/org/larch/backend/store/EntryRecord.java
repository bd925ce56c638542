package org.larch.backend.store;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.larch.backend.entry.EntryAttribute;

/**
 * The value of an {@code id2entry} record: an entry's attributes in stored order, without its DN (the
 * DN lives in {@code dn2id}, so renaming a subtree rewrites no entry below it). Varints are unsigned
 * LEB128 (7 bits a byte, low group first, high bit = more bytes follow).
 *
 * <pre>
 * offset | size   | field            | meaning
 * -------+--------+------------------+-----------------------------------------------------------
 *      0 | 1      | format           | 1
 *      1 | varint | attribute count  | N
 *        |        | N times:         |
 *        | varint |   description id | the attribute description's id in the dictionary (ad2id)
 *        | varint |   value count    | M
 *        |        |   M times:       |
 *        | varint |     length       | L
 *        | L      |     value        | the value's bytes as stored (UTF-8 for strings)
 * </pre>
 */
public final class EntryRecord {
    public static final int FORMAT = 1;

    private EntryRecord() {}

    /**
     * Encodes {@code attributes}, asking {@code descriptionIds} for the id at each position; the record
     * is sized exactly first, so it is written into its own array with no copy.
     */
    public static byte[] encode(List<EntryAttribute> attributes, DescriptionIds descriptionIds) {
        int count = attributes.size();
        int[] ids = new int[count];
        int size = 1 + ByteOutput.varintSize(count);
        for (int i = 0; i < count; i++) {
            EntryAttribute attribute = attributes.get(i);
            ids[i] = descriptionIds.idOf(i, attribute.description());
            size += ByteOutput.varintSize(ids[i]) + valuesSize(attribute.values());
        }
        ByteOutput out = new ByteOutput(size);
        out.writeByte(FORMAT).writeVarint(count);
        for (int i = 0; i < count; i++) {
            List<byte[]> values = attributes.get(i).values();
            out.writeVarint(ids[i]).writeVarint(values.size());
            for (byte[] value : values) {
                out.writeVarint(value.length).writeBytes(value);
            }
        }
        return out.toByteArray();
    }

    /** Decodes a record; {@code dictionary} resolves description ids (it throws for unknown ones). */
    public static List<EntryAttribute> decode(byte[] record, IntFunction<DictionaryEntry> dictionary) {
        ByteInput in = new ByteInput(record, "id2entry record");
        int format = in.readByte();
        if (format != FORMAT) {
            throw new CorruptRecordException("id2entry record: format " + format + ", expected " + FORMAT);
        }
        int count = in.readCount(in.remaining(), "attribute count");
        List<EntryAttribute> attributes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            attributes.add(decodeAttribute(in, dictionary));
        }
        if (!in.atEnd()) {
            throw new CorruptRecordException("id2entry record: " + in.remaining() + " bytes after the last attribute");
        }
        return attributes;
    }

    private static EntryAttribute decodeAttribute(ByteInput in, IntFunction<DictionaryEntry> dictionary) {
        DictionaryEntry description = dictionary.apply((int) in.readVarint());
        int valueCount = in.readCount(in.remaining(), "value count");
        List<byte[]> values = new ArrayList<>(valueCount);
        for (int i = 0; i < valueCount; i++) {
            values.add(in.readBytes(in.readCount(in.remaining(), "value length")));
        }
        return new EntryAttribute(description.description(), description.type(), values);
    }

    /** The bytes of an attribute's value count and values. */
    private static int valuesSize(List<byte[]> values) {
        int size = ByteOutput.varintSize(values.size());
        for (byte[] value : values) {
            size += ByteOutput.varintSize(value.length) + value.length;
        }
        return size;
    }
}
