package org.larch.storage.txn;

import java.util.Arrays;

/**
 * A map from page numbers (any {@code long}) to non-null values, without boxing: open addressing with
 * linear probing in parallel arrays, a slot being free when its value is null. Removal shifts the
 * following entries of the probe run back, so no tombstones build up. Not thread-safe.
 */
final class PageNumberMap<V> {
    private static final int INITIAL_CAPACITY = 64;
    private static final long MULTIPLIER = 0x9E3779B97F4A7C15L;

    private long[] keys;
    private Object[] values;
    private int size;
    private int mask;

    PageNumberMap() {
        allocate(INITIAL_CAPACITY);
    }

    int size() {
        return size;
    }

    /** The value of {@code key}, or null. */
    @SuppressWarnings("unchecked")
    V get(long key) {
        for (int slot = slotOf(key); ; slot = (slot + 1) & mask) {
            Object value = values[slot];
            if (value == null || keys[slot] == key) {
                return (V) value;
            }
        }
    }

    /** Maps {@code key} to {@code value} (not null), replacing any earlier value. */
    void put(long key, V value) {
        if (value == null) {
            throw new IllegalArgumentException("null value for page " + key);
        }
        int slot = slotOf(key);
        while (values[slot] != null && keys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        if (values[slot] == null) {
            size++;
        }
        keys[slot] = key;
        values[slot] = value;
        if (size * 4 > keys.length * 3) {
            grow();
        }
    }

    /** Removes {@code key}; returns its value, or null when it was not there. */
    @SuppressWarnings("unchecked")
    V remove(long key) {
        int slot = slotOf(key);
        while (values[slot] != null && keys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        Object removed = values[slot];
        if (removed != null) {
            closeGap(slot);
            size--;
        }
        return (V) removed;
    }

    /** Calls {@code action} with every key and value, in no particular order. */
    @SuppressWarnings("unchecked")
    void forEach(EntryAction<V> action) {
        for (int slot = 0; slot < keys.length; slot++) {
            if (values[slot] != null) {
                action.accept(keys[slot], (V) values[slot]);
            }
        }
    }

    /** The keys, ascending. */
    long[] sortedKeys() {
        long[] sorted = new long[size];
        int i = 0;
        for (int slot = 0; slot < keys.length; slot++) {
            if (values[slot] != null) {
                sorted[i++] = keys[slot];
            }
        }
        Arrays.sort(sorted);
        return sorted;
    }

    /** What {@link #forEach} does with each entry. */
    @FunctionalInterface
    interface EntryAction<V> {
        void accept(long key, V value);
    }

    /** Empties {@code slot} and moves back the later entries of its probe run that may fill it. */
    private void closeGap(int slot) {
        int gap = slot;
        for (int next = (gap + 1) & mask; values[next] != null; next = (next + 1) & mask) {
            int home = slotOf(keys[next]);
            boolean homeAfterGap = ((next - home) & mask) < ((next - gap) & mask);
            if (!homeAfterGap) {
                keys[gap] = keys[next];
                values[gap] = values[next];
                gap = next;
            }
        }
        values[gap] = null;
    }

    private int slotOf(long key) {
        long mixed = key * MULTIPLIER;
        return (int) (mixed ^ (mixed >>> 32)) & mask;
    }

    private void grow() {
        long[] oldKeys = keys;
        Object[] oldValues = values;
        allocate(keys.length * 2);
        for (int slot = 0; slot < oldKeys.length; slot++) {
            if (oldValues[slot] != null) {
                int to = slotOf(oldKeys[slot]);
                while (values[to] != null) {
                    to = (to + 1) & mask;
                }
                keys[to] = oldKeys[slot];
                values[to] = oldValues[slot];
            }
        }
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        values = new Object[capacity];
        mask = capacity - 1;
    }
}
