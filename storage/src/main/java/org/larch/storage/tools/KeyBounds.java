package org.larch.storage.tools;

import java.lang.foreign.MemorySegment;
import org.larch.storage.page.BranchPage;
import org.larch.storage.page.KeyComparator;

/**
 * The keys a subtree may hold, as its ancestors' separators say: from {@code lower} (inclusive) up
 * to {@code upper} (exclusive); null is no bound.
 */
record KeyBounds(MemorySegment lower, MemorySegment upper) {
    static final KeyBounds ALL = new KeyBounds(null, null);

    /** The bounds of the subtree under node {@code index} of {@code branch}, whose bounds these are. */
    KeyBounds ofChild(BranchPage branch, int index) {
        MemorySegment childLower = index == 0 ? lower : branch.key(index);
        MemorySegment childUpper = index + 1 < branch.slotCount() ? branch.key(index + 1) : upper;
        return new KeyBounds(childLower, childUpper);
    }

    /** Why {@code key} lies outside these bounds, or null when it lies inside. */
    String violation(MemorySegment key, KeyComparator order) {
        if (lower != null && compare(key, lower, order) < 0) {
            return "lies below its parent's separator " + KeyText.of(lower);
        }
        if (upper != null && compare(key, upper, order) >= 0) {
            return "is not below the next separator " + KeyText.of(upper);
        }
        return null;
    }

    static int compare(MemorySegment a, MemorySegment b, KeyComparator order) {
        return order.compare(a, 0, (int) a.byteSize(), b, 0, (int) b.byteSize());
    }
}
