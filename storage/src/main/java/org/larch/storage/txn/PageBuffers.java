package org.larch.storage.txn;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;

/**
 * The page buffers of an environment's write transactions: single pages of native memory, cut from
 * slabs of {@link #SLAB_PAGES} pages, lent to the current write transaction and its children, and
 * all {@link #reclaimLent() reclaimed} when the top-level transaction ends, for the next one to reuse (as LMDB keeps its freed dirty pages for reuse). A transaction that
 * touches a thousand pages then allocates nothing for them once the pool has warmed up, and a large
 * load keeps its dirty pages off the Java heap, where the collector would copy them.
 *
 * <p>At most {@link #MAX_KEPT_PAGES} free buffers are kept; the rest are dropped, and a slab's memory
 * returns to the system once none of its pages is referenced (each slab has its own automatic arena).
 * A dropped or reused buffer stays valid memory: a view kept past its transaction's end reads stale
 * bytes, never freed memory.
 *
 * <p>Not thread-safe: only the environment's single writer uses it, under the writer lock.
 */
public final class PageBuffers {
    static final int SLAB_PAGES = 64;
    static final int MAX_KEPT_PAGES = 8192;

    private final int pageSize;
    private MemorySegment[] free = new MemorySegment[SLAB_PAGES];
    private int freeCount;
    private MemorySegment[] lent = new MemorySegment[SLAB_PAGES];
    private int lentCount;

    public PageBuffers(int pageSize) {
        this.pageSize = pageSize;
    }

    /** A page buffer whose bytes are left as they were: the caller overwrites all of them. */
    MemorySegment take() {
        if (freeCount == 0) {
            addSlab();
        }
        MemorySegment page = free[--freeCount];
        free[freeCount] = null;
        if (lentCount == lent.length) {
            lent = Arrays.copyOf(lent, lentCount * 2);
        }
        lent[lentCount++] = page;
        return page;
    }

    /** A page buffer of zeros. */
    MemorySegment takeZeroed() {
        return take().fill((byte) 0);
    }

    /**
     * Takes back every buffer lent since the last call: the top-level write transaction that used
     * them has ended, so nothing reads them any more.
     */
    void reclaimLent() {
        int kept = Math.min(lentCount, MAX_KEPT_PAGES - freeCount);
        if (kept > 0) {
            if (free.length < freeCount + kept) {
                free = Arrays.copyOf(free, Math.max(freeCount + kept, free.length * 2));
            }
            System.arraycopy(lent, 0, free, freeCount, kept);
            freeCount += kept;
        }
        Arrays.fill(lent, 0, lentCount, null);
        lentCount = 0;
        if (lent.length > MAX_KEPT_PAGES) {
            lent = new MemorySegment[SLAB_PAGES];
        }
    }

    /** Free buffers kept for reuse. */
    int freeCount() {
        return freeCount;
    }

    /** Buffers lent to the current write transaction. */
    int lentCount() {
        return lentCount;
    }

    public int pageSize() {
        return pageSize;
    }

    private void addSlab() {
        MemorySegment slab = Arena.ofAuto().allocate((long) SLAB_PAGES * pageSize, pageSize);
        if (free.length < SLAB_PAGES) {
            free = Arrays.copyOf(free, SLAB_PAGES);
        }
        for (int i = SLAB_PAGES - 1; i >= 0; i--) {
            free[freeCount++] = slab.asSlice((long) i * pageSize, pageSize);
        }
    }
}
