package org.larch.storage.btree;

import java.lang.foreign.MemorySegment;
import org.larch.storage.page.BranchPage;
import org.larch.storage.page.Bytes;
import org.larch.storage.page.Page;

/**
 * A scan's read-ahead: a few steps before a read cursor leaves its leaf, it reads a word from each of
 * a few cache lines of the leaf it will enter next (its header and the top of its node area, where
 * node bodies start), so that the page's TLB entry and those lines are being fetched while the cursor
 * still works on the current leaf. The hardware's prefetchers do not cross a 4 KiB page, so without
 * this every leaf would begin with misses that nothing overlaps. Java has no prefetch instruction: a
 * load whose result is kept in a field does its work. Only the sibling under the same parent is
 * touched, only where its page number lies inside the mapping; nothing is checked or reported here
 * (the cursor checks the page when it enters it).
 */
final class NeighbourTouch {
    /** How many steps before the leaf's end (or start, going back) the next leaf is touched. */
    static final int STEPS_AHEAD = 4;
    /** Cache lines read at the top of the page's node area, besides the header's. */
    private static final int NODE_LINES = 3;
    private static final int LINE = 64;

    private final MemorySegment map;
    private final int pageSize;
    private final long pages;
    /** Where the loads' results go, so that the compiler keeps them. */
    private long sink;

    NeighbourTouch(MemorySegment map, int pageSize) {
        this.map = map;
        this.pageSize = pageSize;
        this.pages = map.byteSize() / pageSize;
    }

    /**
     * Touches the leaf after (or before) the current one when it is a sibling under the same parent:
     * the last of {@code depth} branch levels in {@code bases}/{@code indexes}.
     */
    void touch(boolean forward, int depth, long[] bases, int[] indexes) {
        if (depth == 0) {
            return;
        }
        long parent = bases[depth - 1];
        int sibling = indexes[depth - 1] + (forward ? 1 : -1);
        if (sibling < 0 || sibling >= Page.slotCount(map, parent)) {
            return;
        }
        long number = BranchPage.child(map, parent, sibling);
        if (number < 2 || number >= pages) {
            return;
        }
        long base = number * pageSize;
        long words = Bytes.u64(map, base);
        for (int line = 1; line <= NODE_LINES; line++) {
            words += Bytes.u64(map, base + pageSize - (long) line * LINE);
        }
        sink += words;
    }
}
