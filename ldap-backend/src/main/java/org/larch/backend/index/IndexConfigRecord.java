package org.larch.backend.index;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;

/**
 * What an attribute's index holds, stored in the sub-database {@code idx.config} under the
 * attribute's canonical name (lowercase) once the index is complete for these kinds. A configuration
 * that asks for other kinds than the record says makes the index stale until it is rebuilt.
 *
 * <pre>
 * offset | size | field   | meaning
 * -------+------+---------+----------------------------------------------------------------------
 *      0 |    1 | version | 0x01
 *      1 |    1 | kinds   | bit per IndexKind ordinal: 0x01 PRES, 0x02 EQ, 0x04 SUB_INITIAL,
 *        |      |         | 0x08 SUB_ANY, 0x10 SUB_FINAL, 0x20 APPROX
 *      2 |    n | oid     | the attribute type's OID, UTF-8
 * </pre>
 */
record IndexConfigRecord(String oid, Set<IndexKind> kinds) {
    static final String DATABASE = "idx.config";
    private static final byte VERSION = 0x01;

    byte[] encode() {
        byte[] oidBytes = oid.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[2 + oidBytes.length];
        bytes[0] = VERSION;
        bytes[1] = kindBits(kinds);
        System.arraycopy(oidBytes, 0, bytes, 2, oidBytes.length);
        return bytes;
    }

    static IndexConfigRecord decode(byte[] bytes) {
        if (bytes.length < 2 || bytes[0] != VERSION) {
            throw new IllegalStateException("index configuration record of an unknown version "
                    + (bytes.length == 0 ? "(empty)" : bytes[0]) + " in " + DATABASE);
        }
        Set<IndexKind> kinds = EnumSet.noneOf(IndexKind.class);
        for (IndexKind kind : IndexKind.values()) {
            if ((bytes[1] & (1 << kind.ordinal())) != 0) {
                kinds.add(kind);
            }
        }
        return new IndexConfigRecord(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_8), kinds);
    }

    private static byte kindBits(Set<IndexKind> kinds) {
        int bits = 0;
        for (IndexKind kind : kinds) {
            bits |= 1 << kind.ordinal();
        }
        return (byte) bits;
    }
}
