package org.larch.storage.txn;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.larch.storage.ReaderInfo;
import org.larch.storage.ReadersFullException;
import org.larch.storage.io.LockFileMapping;

/**
 * The snapshot each live read transaction pins, one slot per reader, shared by every process that
 * has the environment open (the slots live in the mapped lock file: see {@link LockFileMapping}).
 * Taking a slot is one compare-and-set on its owner pid; pinning and releasing are single atomic
 * writes: no lock on the readers' path. The writer scans the table for the oldest snapshot in use.
 *
 * <p>A slot whose owner process died keeps its snapshot pinned until {@link #clearStale()} finds it:
 * on open, on demand, and once before a full table is reported.
 */
public final class ReaderTable {
    private final LockFileMapping table;
    private final ProcessIdentity self = ProcessIdentity.current();
    private final ThreadLocal<int[]> hint = ThreadLocal.withInitial(() -> new int[] {0});
    private volatile boolean closed;

    /** A table of {@code maxReaders} slots for this process alone, in memory. */
    public ReaderTable(int maxReaders) {
        this(LockFileMapping.inMemory(maxReaders));
    }

    /** The table in a mapped lock file. */
    public ReaderTable(LockFileMapping table) {
        this.table = table;
    }

    public int capacity() {
        return table.slotCount();
    }

    /**
     * Takes a free slot for the calling thread, pinning nothing yet; starts looking where this thread
     * last found one. When every slot is taken, clears stale slots once before giving up.
     */
    public int acquire() {
        int slot = tryAcquire();
        if (slot < 0 && clearStale() > 0) {
            slot = tryAcquire();
        }
        if (slot < 0) {
            throw new ReadersFullException("all " + capacity() + " reader slots are taken by live readers: raise "
                    + "maxreaders (EnvConfig.withMaxReaders; the first process to open the environment sets it)");
        }
        return slot;
    }

    public void pin(int slot, long txnId) {
        table.setSnapshot(slot, txnId);
    }

    /** Stops pinning but keeps the slot (a reset transaction). After {@link #close()}: nothing. */
    public void unpin(int slot) {
        if (!closed) {
            try {
                table.clearSnapshot(slot);
            } catch (IllegalStateException unmapped) {
                // closed meanwhile: close() gave the slot back
            }
        }
    }

    /** Gives the slot back. After {@link #close()}: nothing, close gave it back already. */
    public void release(int slot) {
        if (!closed) {
            try {
                clear(slot);
            } catch (IllegalStateException unmapped) {
                // closed meanwhile: close() gave the slot back
            }
        }
    }

    /** The oldest snapshot pinned by any process, or {@code Long.MAX_VALUE} when none is. */
    public long oldestPinned() {
        long oldest = Long.MAX_VALUE;
        for (int slot = 0; slot < capacity(); slot++) {
            long txnId = table.snapshot(slot);
            if (txnId >= 0 && txnId < oldest) {
                oldest = txnId;
            }
        }
        return oldest;
    }

    /** How many slots are taken (pinned or idle), by every process. */
    public int used() {
        int used = 0;
        for (int slot = 0; slot < capacity(); slot++) {
            if (table.ownerPid(slot) != 0) {
                used++;
            }
        }
        return used;
    }

    /** The snapshot pinned in {@code slot}, or -1 when the slot pins none. */
    public long snapshotOf(int slot) {
        return table.snapshot(slot);
    }

    /**
     * Clears the slots of processes that died (no process with the pid, or one that started at
     * another time), and of stale-checks that died half-way. Returns how many were cleared.
     */
    public int clearStale() {
        Map<ProcessIdentity, Boolean> alive = new HashMap<>();
        int cleared = 0;
        for (int slot = 0; slot < capacity(); slot++) {
            long pid = table.ownerPid(slot);
            if (pid == 0) {
                continue;
            }
            ProcessIdentity owner = pid > 0 ? new ProcessIdentity(pid, table.ownerStartMillis(slot))
                    : new ProcessIdentity(-pid, 0);
            if (alive.computeIfAbsent(owner, o -> ProcessIdentity.isAlive(o.pid(), o.startMillis()))) {
                continue;
            }
            if (table.compareAndSetOwnerPid(slot, pid, -self.pid())) {
                clear(slot);
                cleared++;
            }
        }
        return cleared;
    }

    /** The taken slots; {@code lastTxnId} is the newest commit, to compute each reader's lag. */
    public List<ReaderInfo> readers(long lastTxnId) {
        List<ReaderInfo> readers = new ArrayList<>();
        for (int slot = 0; slot < capacity(); slot++) {
            long pid = table.ownerPid(slot);
            if (pid > 0) {
                long snapshot = table.snapshot(slot);
                long lag = snapshot >= 0 ? Math.max(0, lastTxnId - snapshot) : 0;
                readers.add(new ReaderInfo(slot, pid, table.ownerId(slot), snapshot, lag));
            }
        }
        return readers;
    }

    /**
     * Gives back every slot of this process and ignores later releases: read transactions still open
     * when the environment closes end without touching the table (which may be unmapped by then).
     */
    public void close() {
        closed = true;
        for (int slot = 0; slot < capacity(); slot++) {
            if (table.ownerPid(slot) == self.pid()) {
                clear(slot);
            }
        }
    }

    private int tryAcquire() {
        int[] start = hint.get();
        int length = capacity();
        for (int i = 0; i < length; i++) {
            int slot = (start[0] + i) % length;
            if (table.ownerPid(slot) == 0 && table.compareAndSetOwnerPid(slot, 0, self.pid())) {
                table.setOwner(slot, self.startMillis(), Thread.currentThread().threadId());
                start[0] = slot;
                return slot;
            }
        }
        return -1;
    }

    /** Unpins, forgets the owner, then frees the slot: the pid goes last, as it is the claim. */
    private void clear(int slot) {
        table.clearSnapshot(slot);
        table.setOwner(slot, 0, 0);
        table.setOwnerPid(slot, 0);
    }
}
