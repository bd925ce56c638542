package org.larch.backend.ldif;

/**
 * The normalized DNs an import has read so far, as 64-bit hashes in an open-addressing table: a DN
 * not seen before is certainly new to the file; one whose hash was seen is perhaps a repeat (the same
 * DN, or rarely a hash collision). The writer uses it to skip the existence check of an entry whose
 * parent this import created: such a parent's children all come from the file, so only a repeat in
 * the file can already be there. About 16 bytes per DN.
 */
final class SeenDns {
    private static final long EMPTY = 0;

    private long[] slots = new long[1 << 12];
    private int size;

    /** Notes {@code normalizedDn}; true when it was certainly not seen before, false when it perhaps was. */
    boolean addIfNew(String normalizedDn) {
        long hash = hash(normalizedDn);
        int mask = slots.length - 1;
        for (int index = (int) hash & mask; ; index = (index + 1) & mask) {
            long slot = slots[index];
            if (slot == hash) {
                return false;
            }
            if (slot == EMPTY) {
                slots[index] = hash;
                if (++size * 2 > slots.length) {
                    grow();
                }
                return true;
            }
        }
    }

    int size() {
        return size;
    }

    /** FNV-1a over the characters, then a 64-bit finalizer mix; never {@link #EMPTY}. */
    static long hash(String text) {
        long hash = 0xcbf29ce484222325L;
        for (int index = 0; index < text.length(); index++) {
            hash = (hash ^ text.charAt(index)) * 0x100000001b3L;
        }
        hash ^= hash >>> 33;
        hash *= 0xff51afd7ed558ccdL;
        hash ^= hash >>> 33;
        hash *= 0xc4ceb9fe1a85ec53L;
        hash ^= hash >>> 33;
        return hash == EMPTY ? 1 : hash;
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        int mask = slots.length - 1;
        for (long hash : old) {
            if (hash != EMPTY) {
                int index = (int) hash & mask;
                while (slots[index] != EMPTY) {
                    index = (index + 1) & mask;
                }
                slots[index] = hash;
            }
        }
    }
}
