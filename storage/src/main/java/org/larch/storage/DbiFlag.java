package org.larch.storage;

/** How a database is opened; all but {@link #CREATE} are stored with it. Bit values are LMDB's. */
public enum DbiFlag {
    /** Keys compare from their last byte backwards. */
    REVERSEKEY(0x02),
    /** Several values per key, kept sorted (values of 1 to the maximum key size in bytes). */
    DUPSORT(0x04),
    /** Keys are unsigned 4- or 8-byte integers in native (little-endian) byte order. */
    INTEGERKEY(0x08),
    /** With DUPSORT: all values have one size, packed densely; read a page of them at once. */
    DUPFIXED(0x10),
    /** With DUPSORT: values are unsigned 4- or 8-byte little-endian integers. */
    INTEGERDUP(0x20),
    /** With DUPSORT: values compare from their last byte backwards. */
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
