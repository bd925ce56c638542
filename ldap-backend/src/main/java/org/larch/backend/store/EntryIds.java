package org.larch.backend.store;

/**
 * Entry ids as keys: 8 bytes, big-endian, so byte order is numeric order. Ids are allocated
 * ascending from 1; 0 is the parent of the suffix entry and means "no entry" in lookups.
 */
public final class EntryIds {
    /** The parent id of the suffix entry, and "absent". */
    public static final long NONE = 0;

    private EntryIds() {}

    public static byte[] key(long id) {
        byte[] key = new byte[8];
        for (int i = 7; i >= 0; i--) {
            key[i] = (byte) id;
            id >>>= 8;
        }
        return key;
    }

    public static long fromKey(byte[] key) {
        if (key.length != 8) {
            throw new CorruptRecordException("entry id key of " + key.length + " bytes, expected 8");
        }
        long id = 0;
        for (byte b : key) {
            id = (id << 8) | (b & 0xFF);
        }
        return id;
    }
}
