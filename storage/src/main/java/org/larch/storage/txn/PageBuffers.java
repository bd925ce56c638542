package org.larch.storage.txn;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;

/**
 * The page buffers of an environment's write transactions: page-sized heap arrays (as segments),
 * lent to the current write transaction and its children, and all {@link #reclaimLent() reclaimed}
 * when the top-level transaction ends, for the next one to reuse (as LMDB keeps freed dirty pages in
 * {@code me_dpages}). A transaction that touches a thousand pages then allocates nothing for them
 * once the pool has warmed up: the arrays stay, in the old generation, instead of a thousand new
 * 4 KiB arrays per commit for the collector.
 *
 * <p>New buffers are cut from slabs: arrays of 16 pages, each next slab twice the last up to
 * {@link #MAX_SLAB_PAGES} (4 MiB of 4 KiB pages). A slab that large is a humongous object for G1
 * (with regions up to 8 MiB): allocated straight in the old generation and never copied by a young
 * collection, and reclaimed eagerly once dead. A load of a million entries keeps ~150 MB of dirty
 * pages alive until its commit; as separate 4 KiB arrays every young collection copied them (three
 * pauses of ~300 ms each over a load, measured with {@code -Xlog:gc}), where LMDB's are malloc'd.
 *
 * <p>At most {@link #MAX_KEPT_BYTES} of free buffers are kept (8,192 pages of 4 KiB); the rest are
 * left to the collector. A kept buffer keeps its slab alive; since the buffers kept are always the
 * first ones a transaction was lent (the kept ones of before, then new ones in slab order), that is
 * at most one slab beyond the cap, plus the slab new buffers are being cut from. Heap, not native, memory: a large load's fresh pages then cost a bump of the
 * allocation pointer, where fresh native memory costs a page fault per 4 KiB (measured: a sorted load
 * of 200,000 entries into a new environment took 40% longer on native slabs). A reused buffer kept
 * past its transaction's end by a caller reads another transaction's bytes: views into a write
 * transaction's pages are valid only until it ends.
 *
 * <p>Not thread-safe: only the environment's single writer uses it, under the writer lock.
 */
public final class PageBuffers {
    static final int MAX_KEPT_BYTES = 32 << 20;
    private static final int INITIAL_CAPACITY = 64;
    static final int FIRST_SLAB_PAGES = 16;
    static final int MAX_SLAB_PAGES = 1024;

    private final int pageSize;
    private final int maxKeptPages;
    private MemorySegment[] free = new MemorySegment[INITIAL_CAPACITY];
    private int freeCount;
    private MemorySegment[] lent = new MemorySegment[INITIAL_CAPACITY];
    private int lentCount;
    /** The slab new buffers are cut from, the next page to cut, and its size in pages. */
    private MemorySegment slab;
    private int slabNext;
    private int slabPages;

    public PageBuffers(int pageSize) {
        this.pageSize = pageSize;
        this.maxKeptPages = Math.max(INITIAL_CAPACITY, MAX_KEPT_BYTES / pageSize);
    }

    /** A page buffer whose bytes are left as they were: the caller overwrites all of them. */
    MemorySegment take() {
        return lend(freeCount == 0 ? fresh() : reuse());
    }

    /** A page buffer of zeros. */
    MemorySegment takeZeroed() {
        return lend(freeCount == 0 ? fresh() : reuse().fill((byte) 0));
    }

    /**
     * Takes back every buffer lent since the last call: the top-level write transaction that used
     * them has ended, so nothing reads them any more.
     */
    void reclaimLent() {
        int kept = Math.min(lentCount, maxKeptPages - freeCount);
        if (kept > 0) {
            if (free.length < freeCount + kept) {
                free = Arrays.copyOf(free, Math.max(freeCount + kept, free.length * 2));
            }
            System.arraycopy(lent, 0, free, freeCount, kept);
            freeCount += kept;
        }
        Arrays.fill(lent, 0, lentCount, null);
        lentCount = 0;
        if (lent.length > maxKeptPages) {
            lent = new MemorySegment[INITIAL_CAPACITY];
        }
    }

    public int pageSize() {
        return pageSize;
    }

    /** Free buffers kept for reuse. */
    int freeCount() {
        return freeCount;
    }

    /** The most free buffers kept. */
    int maxKeptPages() {
        return maxKeptPages;
    }

    /** Buffers lent to the current write transaction. */
    int lentCount() {
        return lentCount;
    }

    /** A new buffer of zeros: the next page of the current slab, or of a new, larger one. */
    private MemorySegment fresh() {
        if (slab == null || slabNext == slabPages) {
            slabPages = Math.min(slab == null ? FIRST_SLAB_PAGES : slabPages * 2, maxSlabPages());
            slab = MemorySegment.ofArray(new byte[Math.multiplyExact(slabPages, pageSize)]);
            slabNext = 0;
        }
        return slab.asSlice((long) pageSize * slabNext++, pageSize);
    }

    /** Slabs stay under 4 MiB whatever the page size (one page for pages of 4 MiB or more). */
    private int maxSlabPages() {
        return Math.max(1, Math.min(MAX_SLAB_PAGES, (MAX_SLAB_PAGES * 4096) / pageSize));
    }

    private MemorySegment reuse() {
        MemorySegment page = free[--freeCount];
        free[freeCount] = null;
        return page;
    }

    private MemorySegment lend(MemorySegment page) {
        if (lentCount == lent.length) {
            lent = Arrays.copyOf(lent, lentCount * 2);
        }
        lent[lentCount++] = page;
        return page;
    }
}
