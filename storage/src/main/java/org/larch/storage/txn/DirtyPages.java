package org.larch.storage.txn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dirty pages of a write transaction, by page number (an overflow run under its first page),
 * layered over those of its ancestors when it is a child (nested) transaction. A lookup falls
 * through from the child to its parent and on up; only a layer's own pages may be changed through it.
 *
 * <p>An ancestor's page that a child stops using stays in the ancestor, so that aborting the child
 * leaves it whole; the child only remembers the run. When the child commits, its parent
 * {@link #adopt adopts} its pages and drops the runs it freed, or passes them on up when they belong
 * to an older ancestor.
 */
final class DirtyPages {
    private final DirtyPages parent;
    private final Map<Long, byte[]> own = new HashMap<>();
    private final Map<Long, Integer> freedFromAncestors = new LinkedHashMap<>();

    DirtyPages() {
        this(null);
    }

    private DirtyPages(DirtyPages parent) {
        this.parent = parent;
    }

    /** A new, empty layer over this one, for a child transaction. */
    DirtyPages child() {
        return new DirtyPages(this);
    }

    /** The bytes of page or run {@code pageNumber} if this layer made it, else null. */
    byte[] own(long pageNumber) {
        return own.get(pageNumber);
    }

    /** The bytes of page or run {@code pageNumber} from the nearest ancestor that made it, or null. */
    byte[] ancestors(long pageNumber) {
        for (DirtyPages layer = parent; layer != null; layer = layer.parent) {
            byte[] bytes = layer.own.get(pageNumber);
            if (bytes != null) {
                return bytes;
            }
        }
        return null;
    }

    void put(long pageNumber, byte[] bytes) {
        own.put(pageNumber, bytes);
    }

    /** Forgets this layer's page or run {@code pageNumber}; false when it is not this layer's. */
    boolean removeOwn(long pageNumber) {
        return own.remove(pageNumber) != null;
    }

    /** Records that this layer no longer uses an ancestor's run. */
    void freeFromAncestor(long firstPage, int pages) {
        freedFromAncestors.put(firstPage, pages);
    }

    /**
     * Takes over the pages of {@code child}, a committed layer over this one. Returns the runs of this
     * layer that the child stopped using, as {first page, pages} pairs: they are free at once.
     */
    List<long[]> adopt(DirtyPages child) {
        if (child.parent != this) {
            throw new IllegalArgumentException("not a child layer of this one");
        }
        List<long[]> freedOwn = new ArrayList<>();
        child.freedFromAncestors.forEach((firstPage, pages) -> {
            if (own.remove(firstPage) != null) {
                freedOwn.add(new long[] {firstPage, pages});
            } else {
                freedFromAncestors.put(firstPage, pages);
            }
        });
        own.putAll(child.own);
        return freedOwn;
    }

    /** Page numbers of this layer's pages and runs, ascending. */
    long[] sortedNumbers() {
        long[] numbers = new long[own.size()];
        int i = 0;
        for (long number : own.keySet()) {
            numbers[i++] = number;
        }
        Arrays.sort(numbers);
        return numbers;
    }
}
