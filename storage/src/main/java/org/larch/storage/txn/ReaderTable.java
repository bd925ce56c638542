package org.larch.storage.txn;

import java.util.concurrent.atomic.AtomicLongArray;
import org.larch.storage.ReadersFullException;

/**
 * The snapshot each live read transaction pins, one slot per reader. A slot holds {@link #FREE},
 * {@link #IDLE} (taken by a reset transaction that pins nothing) or the snapshot's transaction id
 * plus one (so that snapshot 0 of a new environment is not mistaken for a free slot).
 * Taking and releasing a slot are single atomic operations: no lock on the readers' path. The
 * writer reads the table to learn the oldest snapshot still in use.
 */
public final class ReaderTable {
    public static final long FREE = 0;
    public static final long IDLE = -1;

    private final AtomicLongArray slots;
    private final ThreadLocal<int[]> hint = ThreadLocal.withInitial(() -> new int[] {0});

    public ReaderTable(int maxReaders) {
        this.slots = new AtomicLongArray(maxReaders);
    }

    public int capacity() {
        return slots.length();
    }

    /** Takes a free slot, marking it idle; starts looking where this thread last found one. */
    public int acquire() {
        int[] start = hint.get();
        int length = slots.length();
        for (int i = 0; i < length; i++) {
            int slot = (start[0] + i) % length;
            if (slots.get(slot) == FREE && slots.compareAndSet(slot, FREE, IDLE)) {
                start[0] = slot;
                return slot;
            }
        }
        throw new ReadersFullException("all " + length + " reader slots are in use: raise maxreaders");
    }

    public void pin(int slot, long txnId) {
        slots.set(slot, txnId + 1);
    }

    public void unpin(int slot) {
        slots.set(slot, IDLE);
    }

    public void release(int slot) {
        slots.set(slot, FREE);
    }

    /** The oldest snapshot pinned, or {@code Long.MAX_VALUE} when none is. */
    public long oldestPinned() {
        long oldest = Long.MAX_VALUE;
        for (int i = 0; i < slots.length(); i++) {
            long txnId = slots.get(i) - 1;
            if (txnId >= 0 && txnId < oldest) {
                oldest = txnId;
            }
        }
        return oldest;
    }

    /** How many slots are taken (pinned or idle). */
    public int used() {
        int used = 0;
        for (int i = 0; i < slots.length(); i++) {
            if (slots.get(i) != FREE) {
                used++;
            }
        }
        return used;
    }

    /** The snapshot pinned in {@code slot}, or -1 when the slot pins none. */
    public long snapshotOf(int slot) {
        long value = slots.get(slot);
        return value > 0 ? value - 1 : -1;
    }
}
