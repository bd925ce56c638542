package org.larch.backend.index;

import java.util.Arrays;

/**
 * The keys one index collects in an {@link IndexBatch}, each with its {@link IdRun}: an open-addressing
 * table (linear probing) on the hash each {@link IndexKey} computed when it was made. A probe compares
 * the stored hashes, kept in an {@code int[]}, and looks at a key's bytes only when they match, so noting
 * a key costs less than a {@code HashMap} lookup with its node and lambda.
 */
final class IdRunTable {
    private static final int INITIAL_CAPACITY = 1024;
    /** Fibonacci hashing spreads the key hashes (Arrays.hashCode of similar keys) over the slots. */
    private static final int SPREAD = 0x9E3779B9;

    private int[] hashes;
    private IndexKey[] keys;
    private IdRun[] runs;
    private int size;
    private int shift;

    IdRunTable() {
        allocate(INITIAL_CAPACITY);
    }

    /** Notes {@code id} under {@code key}. */
    void add(IndexKey key, long id) {
        int hash = key.hashCode();
        int mask = keys.length - 1;
        int slot = (hash * SPREAD) >>> shift;
        while (keys[slot] != null) {
            if (hashes[slot] == hash && keys[slot].equals(key)) {
                runs[slot].add(id);
                return;
            }
            slot = (slot + 1) & mask;
        }
        hashes[slot] = hash;
        keys[slot] = key;
        IdRun run = new IdRun();
        run.add(id);
        runs[slot] = run;
        if (++size * 2 > keys.length) {
            grow();
        }
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** A key noted and its ids. */
    record KeyRun(IndexKey key, IdRun ids) {}

    /** The keys noted with their ids, in unsigned byte order of the keys (the order of the index sub-database). */
    KeyRun[] sorted() {
        KeyRun[] sorted = new KeyRun[size];
        int next = 0;
        for (int slot = 0; slot < keys.length; slot++) {
            if (keys[slot] != null) {
                sorted[next++] = new KeyRun(keys[slot], runs[slot]);
            }
        }
        Arrays.sort(sorted, (a, b) -> Arrays.compareUnsigned(a.key().bytes(), b.key().bytes()));
        return sorted;
    }

    /** The ids noted under {@code key}, or null. */
    IdRun runOf(IndexKey key) {
        int hash = key.hashCode();
        int mask = keys.length - 1;
        for (int slot = (hash * SPREAD) >>> shift; keys[slot] != null; slot = (slot + 1) & mask) {
            if (hashes[slot] == hash && keys[slot].equals(key)) {
                return runs[slot];
            }
        }
        return null;
    }

    /** Forgets every key, keeping the capacity for the next batch. */
    void clear() {
        Arrays.fill(keys, null);
        Arrays.fill(runs, null);
        size = 0;
    }

    private void grow() {
        int[] oldHashes = hashes;
        IndexKey[] oldKeys = keys;
        IdRun[] oldRuns = runs;
        allocate(oldKeys.length * 2);
        int mask = keys.length - 1;
        for (int old = 0; old < oldKeys.length; old++) {
            if (oldKeys[old] != null) {
                int slot = (oldHashes[old] * SPREAD) >>> shift;
                while (keys[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                hashes[slot] = oldHashes[old];
                keys[slot] = oldKeys[old];
                runs[slot] = oldRuns[old];
            }
        }
    }

    private void allocate(int capacity) {
        hashes = new int[capacity];
        keys = new IndexKey[capacity];
        runs = new IdRun[capacity];
        shift = Integer.SIZE - Integer.numberOfTrailingZeros(capacity);
    }
}
