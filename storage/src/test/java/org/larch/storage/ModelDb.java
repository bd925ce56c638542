package org.larch.storage;

import java.util.Arrays;
import java.util.Comparator;
import java.util.TreeMap;

/** One database of {@link RandomizedModelTest}, its model, its handle and its keys to choose from. */
final class ModelDb {
    final String name;
    final DbiFlag[] flags;
    final Comparator<byte[]> order;
    final byte[][] keys;
    TreeMap<byte[], byte[]> data;
    boolean exists;
    Dbi handle;
    /** A cursor kept for the whole write transaction, and the key it was last put on (null: none). */
    Cursor live;
    byte[] liveKey;

    ModelDb(String name, Comparator<byte[]> order, byte[][] keys, DbiFlag... flags) {
        this.name = name;
        this.order = order;
        this.keys = keys;
        this.flags = flags;
        this.data = new TreeMap<>(order);
    }

    DbiFlag[] createFlags() {
        DbiFlag[] all = Arrays.copyOf(flags, flags.length + 1);
        all[flags.length] = DbiFlag.CREATE;
        return all;
    }

    boolean usable() {
        return exists && handle != null;
    }
}
