package org.larch.backend.schema;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The equality keys of one attribute's values seen so far, to find a value provided twice. Values
 * are few in most attributes, so the keys are compared one by one until there are
 * {@link #LINEAR_LIMIT} of them; beyond that a hash set takes over.
 */
final class DistinctKeys {
    static final int LINEAR_LIMIT = 8;

    private final List<ByteBuffer> keys = new ArrayList<>();
    private Set<ByteBuffer> hashed;

    /** Adds {@code key}; false when an equal key was added before. */
    boolean add(byte[] key) {
        ByteBuffer wrapped = ByteBuffer.wrap(key);
        if (hashed != null) {
            return hashed.add(wrapped);
        }
        if (keys.contains(wrapped)) {
            return false;
        }
        keys.add(wrapped);
        if (keys.size() > LINEAR_LIMIT) {
            hashed = new HashSet<>(keys);
        }
        return true;
    }
}
