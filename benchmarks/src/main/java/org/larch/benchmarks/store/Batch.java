package org.larch.benchmarks.store;

import org.larch.benchmarks.data.Dataset;

/**
 * Which entries one write transaction puts: the keys of indexes {@code order[from]} to
 * {@code order[from + count - 1]} of a {@link Dataset}, key {@code i} with the value of index
 * {@code (i + valueShift) mod size} (a shift of 0 stores each key's own value; another shift changes
 * the values of keys already there).
 */
public record Batch(Dataset data, int[] order, int from, int count, int valueShift) {
    public Batch {
        if (from < 0 || count < 0 || from + count > order.length) {
            throw new IllegalArgumentException("batch " + from + "+" + count + " outside an order of " + order.length);
        }
    }

    /** Every entry of {@code data}, in {@code order}, with its own value. */
    public static Batch all(Dataset data, int[] order) {
        return new Batch(data, order, 0, order.length, 0);
    }

    public int keyIndex(int position) {
        return order[from + position];
    }

    public int valueIndex(int position) {
        return Math.floorMod(keyIndex(position) + valueShift, data.size());
    }

    public void keyInto(int position, byte[] target) {
        data.keyInto(keyIndex(position), target);
    }

    public void valueInto(int position, byte[] target) {
        data.valueInto(valueIndex(position), target);
    }
}
