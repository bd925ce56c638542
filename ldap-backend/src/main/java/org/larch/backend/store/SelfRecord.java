package org.larch.backend.store;

import java.nio.charset.StandardCharsets;

/**
 * The {@code dn2id} value stored under an entry's own id: where the entry hangs in the tree. For the
 * suffix entry (parent 0) the "RDN" is the whole suffix DN. The kind byte 0 sorts it before the
 * entry's child records (kind 1) under the same key.
 *
 * <pre>
 * offset | size | field           | meaning
 * -------+------+-----------------+---------------------------------------------------------
 *      0 |    1 | kind            | 0 = self
 *      1 |    8 | parent id       | big-endian; 0 for the suffix entry
 *      9 |    2 | normalized size | n, big-endian
 *     11 |    n | normalized RDN  | UTF-8, schema-normalized (OID=value), as in the child record
 *   11+n | rest | RDN             | UTF-8, as the client wrote it
 * </pre>
 */
public record SelfRecord(long parentId, String normalizedRdn, String rdn) {
    public static final int KIND = 0;

    public byte[] encode() {
        byte[] normalized = normalizedRdn.getBytes(StandardCharsets.UTF_8);
        byte[] written = rdn.getBytes(StandardCharsets.UTF_8);
        byte[] value = new ByteOutput(11 + normalized.length + written.length)
                .writeByte(KIND)
                .writeLong(parentId)
                .writeShort(normalized.length)
                .writeBytes(normalized)
                .writeBytes(written)
                .toByteArray();
        return Dn2IdLimits.checkValueSize(value, rdn);
    }

    public static SelfRecord decode(byte[] value) {
        ByteInput in = new ByteInput(value, "dn2id self record");
        int kind = in.readByte();
        if (kind != KIND) {
            throw new CorruptRecordException("dn2id self record: kind " + kind + ", expected " + KIND);
        }
        long parentId = in.readLong();
        String normalized = new String(in.readBytes(in.readShort()), StandardCharsets.UTF_8);
        String written = new String(in.readRest(), StandardCharsets.UTF_8);
        return new SelfRecord(parentId, normalized, written);
    }

    /** The child record that lists this entry under its parent. */
    public ChildRecord childRecord(long id, long subtreeSize) {
        return new ChildRecord(normalizedRdn, id, subtreeSize);
    }
}
