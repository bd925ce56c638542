package org.larch.backend.store;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A {@code dn2id} value stored under a parent's id, one per child. Values sort by bytes, so the
 * prefix {@code kind, size, normalized RDN} finds a child with one {@code seekBothRange}.
 *
 * <pre>
 * offset | size | field           | meaning
 * -------+------+-----------------+---------------------------------------------------------
 *      0 |    1 | kind            | 1 = child
 *      1 |    2 | normalized size | n, big-endian
 *      3 |    n | normalized RDN  | UTF-8, schema-normalized (OID=value); for the suffix the whole DN
 *    3+n |    8 | child id        | big-endian
 *   11+n |    8 | subtree size    | big-endian: entries in the child's subtree, the child included
 * </pre>
 */
public record ChildRecord(String normalizedRdn, long childId, long subtreeSize) {
    public static final int KIND = 1;

    public byte[] encode() {
        return encode(searchPrefix(normalizedRdn), childId, subtreeSize, normalizedRdn);
    }

    /** The record of {@code childId} whose {@link #searchPrefix} (of {@code normalizedRdn}) is {@code prefix}. */
    static byte[] encode(byte[] prefix, long childId, long subtreeSize, String normalizedRdn) {
        byte[] value = new ByteOutput(prefix.length + 16)
                .writeBytes(prefix)
                .writeLong(childId)
                .writeLong(subtreeSize)
                .toByteArray();
        return Dn2IdLimits.checkValueSize(value, normalizedRdn);
    }

    public static ChildRecord decode(byte[] value) {
        ByteInput in = new ByteInput(value, "dn2id child record");
        int kind = in.readByte();
        if (kind != KIND) {
            throw new CorruptRecordException("dn2id child record: kind " + kind + ", expected " + KIND);
        }
        String normalized = new String(in.readBytes(in.readShort()), StandardCharsets.UTF_8);
        long childId = in.readLong();
        long subtreeSize = in.readLong();
        if (!in.atEnd()) {
            throw new CorruptRecordException("dn2id child record: " + in.remaining() + " trailing bytes");
        }
        return new ChildRecord(normalized, childId, subtreeSize);
    }

    /** The child id of an encoded child record, without decoding the rest. */
    public static long childIdOf(byte[] value) {
        return readLong(value, value.length - 16);
    }

    /** The subtree size of an encoded child record, without decoding the rest. */
    public static long subtreeSizeOf(byte[] value) {
        return readLong(value, value.length - 8);
    }

    private static long readLong(byte[] value, int offset) {
        long result = 0;
        for (int i = offset; i < offset + 8; i++) {
            result = (result << 8) | (value[i] & 0xFF);
        }
        return result;
    }

    /** The leading bytes every child record with this normalized RDN starts with. */
    public static byte[] searchPrefix(String normalizedRdn) {
        byte[] normalized = normalizedRdn.getBytes(StandardCharsets.UTF_8);
        return new ByteOutput(3 + normalized.length)
                .writeByte(KIND)
                .writeShort(normalized.length)
                .writeBytes(normalized)
                .toByteArray();
    }

    /** Whether {@code value} is a child record beginning with {@code prefix}. */
    public static boolean startsWith(byte[] value, byte[] prefix) {
        return value.length == prefix.length + 16 && Arrays.equals(value, 0, prefix.length, prefix, 0, prefix.length);
    }

    public static boolean isChild(byte[] value) {
        return value.length > 0 && value[0] == KIND;
    }

    public ChildRecord withSubtreeSize(long newSize) {
        return new ChildRecord(normalizedRdn, childId, newSize);
    }
}
