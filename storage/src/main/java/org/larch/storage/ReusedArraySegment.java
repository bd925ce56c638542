package org.larch.storage;

import java.lang.foreign.MemorySegment;

/**
 * The heap segment over the byte array a transaction was last given in one role (the key, the
 * value), kept so that a caller who fills the same array for every put wraps it once: each
 * {@link MemorySegment#ofArray} makes a segment and a session object, which a loop of puts would
 * otherwise allocate for every key and value. The segment views the array, so a changed content is
 * seen; only the array's identity is compared. Used by one thread, like its transaction.
 */
final class ReusedArraySegment {
    private byte[] array;
    private MemorySegment segment;

    /** A segment over all of {@code bytes}. */
    MemorySegment of(byte[] bytes) {
        if (bytes != array) {
            segment = MemorySegment.ofArray(bytes);
            array = bytes;
        }
        return segment;
    }
}
