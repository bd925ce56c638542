package org.larch.storage.page;

import java.lang.foreign.MemorySegment;

/**
 * Orders keys (or duplicate values) where they lie, without slicing: each side is a segment, an
 * offset and a length.
 */
@FunctionalInterface
public interface KeyComparator {
    int compare(MemorySegment a, long aOffset, int aLength, MemorySegment b, long bOffset, int bLength);

    /** The order of keys a database's stored flags choose (INTEGERKEY, REVERSEKEY, else lexicographic). */
    static KeyComparator forKeys(int storedFlags) {
        if ((storedFlags & org.larch.storage.DbiFlag.INTEGERKEY.bits) != 0) {
            return INTEGER;
        }
        return (storedFlags & org.larch.storage.DbiFlag.REVERSEKEY.bits) != 0 ? REVERSE : LEXICOGRAPHIC;
    }

    /** The order of a DUPSORT database's values its stored flags choose (INTEGERDUP, REVERSEDUP, else lexicographic). */
    static KeyComparator forValues(int storedFlags) {
        if ((storedFlags & org.larch.storage.DbiFlag.INTEGERDUP.bits) != 0) {
            return INTEGER;
        }
        return (storedFlags & org.larch.storage.DbiFlag.REVERSEDUP.bits) != 0 ? REVERSE : LEXICOGRAPHIC;
    }

    /**
     * Unsigned lexicographic order, shorter key first on a common prefix (LMDB's default). Keys of eight
     * bytes or more whose first eight differ (ids, most index values) are told apart by comparing those
     * bytes as one big-endian number.
     */
    KeyComparator LEXICOGRAPHIC = (a, aOffset, aLength, b, bOffset, bLength) -> {
        if (aLength >= Long.BYTES && bLength >= Long.BYTES) {
            long aWord = a.get(Bytes.BIG_ENDIAN_U64, aOffset);
            long bWord = b.get(Bytes.BIG_ENDIAN_U64, bOffset);
            if (aWord != bWord) {
                return Long.compareUnsigned(aWord, bWord);
            }
        }
        long at = MemorySegment.mismatch(a, aOffset, aOffset + aLength, b, bOffset, bOffset + bLength);
        if (at < 0) {
            return 0;
        }
        if (at == aLength || at == bLength) {
            return Integer.compare(aLength, bLength);
        }
        return Integer.compare(a.get(java.lang.foreign.ValueLayout.JAVA_BYTE, aOffset + at) & 0xff,
                b.get(java.lang.foreign.ValueLayout.JAVA_BYTE, bOffset + at) & 0xff);
    };

    /** Unsigned order comparing from the last byte backwards (LMDB's REVERSEKEY). */
    KeyComparator REVERSE = (a, aOffset, aLength, b, bOffset, bLength) -> {
        int common = Math.min(aLength, bLength);
        for (int i = 1; i <= common; i++) {
            int x = a.get(java.lang.foreign.ValueLayout.JAVA_BYTE, aOffset + aLength - i) & 0xff;
            int y = b.get(java.lang.foreign.ValueLayout.JAVA_BYTE, bOffset + bLength - i) & 0xff;
            if (x != y) {
                return Integer.compare(x, y);
            }
        }
        return Integer.compare(aLength, bLength);
    };

    /**
     * Unsigned integers of 4 or 8 bytes in native (little-endian) order, as LMDB's INTEGERKEY stores
     * them; keys of other sizes fall back to comparing length first.
     */
    KeyComparator INTEGER = (a, aOffset, aLength, b, bOffset, bLength) -> {
        if (aLength != bLength) {
            return Integer.compare(aLength, bLength);
        }
        if (aLength == 8) {
            return Long.compareUnsigned(Bytes.u64(a, aOffset), Bytes.u64(b, bOffset));
        }
        if (aLength == 4) {
            return Long.compare(Bytes.u32(a, aOffset), Bytes.u32(b, bOffset));
        }
        return LEXICOGRAPHIC.compare(a, aOffset, aLength, b, bOffset, bLength);
    };
}
