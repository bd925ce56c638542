package org.larch.benchmarks.engine;

import org.larch.benchmarks.data.Dataset;
import org.larch.benchmarks.store.Batch;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The writing thread's way through the keys of a loaded store: all of them in a random order, over
 * and over, each pass storing other values (a different value shift), so that every put really
 * changes a value of a full-size tree.
 */
@State(Scope.Thread)
public class WriteSequence {
    private static final long ORDER_SALT = 0x5eed;

    private int[] order;
    private int position;
    private int valueShift = 1;
    /** The batch handed out last: for tests to check what was stored. */
    Batch lastBatch;

    /** The next {@code count} keys of the sequence over {@code data} (fewer where a pass ends). */
    public Batch next(Dataset data, int count) {
        if (order == null) {
            order = data.shuffledOrder(ORDER_SALT);
        }
        if (position == order.length) {
            position = 0;
            valueShift++;
        }
        int taken = Math.min(count, order.length - position);
        lastBatch = new Batch(data, order, position, taken, valueShift);
        position += taken;
        return lastBatch;
    }
}
