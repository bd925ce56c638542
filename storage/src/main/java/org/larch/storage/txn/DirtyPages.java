package org.larch.storage.txn;

import java.util.ArrayList;
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
    private final PageNumberMap<DirtyPage> own = new PageNumberMap<>();
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

    /** Page or run {@code pageNumber} if this layer made it, else null. */
    DirtyPage own(long pageNumber) {
        return own.get(pageNumber);
    }

    /** Page or run {@code pageNumber} from the nearest ancestor that made it, or null. */
    DirtyPage ancestors(long pageNumber) {
        for (DirtyPages layer = parent; layer != null; layer = layer.parent) {
            DirtyPage page = layer.own.get(pageNumber);
            if (page != null) {
                return page;
            }
        }
        return null;
    }

    void put(long pageNumber, DirtyPage page) {
        own.put(pageNumber, page);
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
        child.own.forEach(own::put);
        return freedOwn;
    }

    /** Page numbers of this layer's pages and runs, ascending. */
    long[] sortedNumbers() {
        return own.sortedKeys();
    }
}
