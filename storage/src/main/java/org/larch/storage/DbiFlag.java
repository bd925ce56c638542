package org.larch.storage;

/** How a database is opened; all but {@link #CREATE} are stored with it. Bit values are LMDB's. */
public enum DbiFlag {
    /** Keys compare from their last byte backwards. */
    REVERSEKEY(0x02),
    /** Several sorted values per key. Reserved: comes with the duplicates issue. */
    DUPSORT(0x04),
    /** Keys are unsigned 4- or 8-byte integers in native (little-endian) byte order. */
    INTEGERKEY(0x08),
    /** Reserved with DUPSORT: fixed-size duplicates. */
    DUPFIXED(0x10),
    /** Reserved with DUPSORT: integer duplicates. */
    INTEGERDUP(0x20),
    /** Reserved with DUPSORT: duplicates compare backwards. */
    REVERSEDUP(0x40),
    /** Create the database if it does not exist (not stored). */
    CREATE(0x40000);

    public final int bits;

    DbiFlag(int bits) {
        this.bits = bits;
    }

    /** Bits of the flags that are stored with the database. */
    public static int storedBits(DbiFlag... flags) {
        int bits = 0;
        for (DbiFlag flag : flags) {
            if (flag != CREATE) {
                bits |= flag.bits;
            }
        }
        return bits;
    }

    public static boolean contains(DbiFlag[] flags, DbiFlag wanted) {
        for (DbiFlag flag : flags) {
            if (flag == wanted) {
                return true;
            }
        }
        return false;
    }
}
