package org.larch.storage.btree;

import org.larch.storage.page.DbRecord;
import org.larch.storage.page.SearchKey;

/**
 * Where a {@link TreeWriter}'s last change left its path, so that the next change near it searches one
 * leaf instead of descending from the root: ascending puts (a sorted load, an index's keys in order)
 * then cost one leaf search each until the leaf fills.
 *
 * <p>The path may be used again while two things hold. First, it is still the tree's: it was all the
 * transaction's own pages when remembered, and since then no page was copied, created or freed, no
 * key deleted and no child transaction adopted ({@link PageStore#layoutCount}), and the tree's root
 * is the same page. Inserting into pages already the transaction's own, splitting aside, changes no
 * separator and moves no key to another page. Second, the key lies within the leaf's bounds: at or
 * above the separator of the deepest branch that took a child other than its first, and below the
 * separator after the child taken by the deepest branch that did not take its last.
 */
final class WritePosition {
    private static final int NONE = -1;

    private final PageStore store;
    private final DbRecord db;
    private long layoutAt = NONE;
    private long rootPage;
    /** The deepest branch level whose separator (at the path's index) bounds the leaf from below; or NONE. */
    private int lowerLevel;
    /** The deepest branch level whose next separator (after the path's index) bounds the leaf from above; or NONE. */
    private int upperLevel;

    WritePosition(PageStore store, DbRecord db) {
        this.store = store;
        this.db = db;
    }

    /** Remembers {@code path}, every page of which must be the transaction's own, as the tree is now. */
    void remember(TreePath path) {
        layoutAt = store.layoutCount();
        rootPage = db.rootPage;
        lowerLevel = NONE;
        upperLevel = NONE;
        for (int level = 0; level < path.leafLevel(); level++) {
            int index = path.index(level);
            if (index > 0) {
                lowerLevel = level;
            }
            if (index < path.page(level).slotCount() - 1) {
                upperLevel = level;
            }
        }
    }

    /** Forgets the path: it was changed or replaced. */
    void forget() {
        layoutAt = NONE;
    }

    /** Whether {@code key} belongs in the leaf of {@code path}, the path last {@link #remember remembered}. */
    boolean leads(TreePath path, SearchKey key) {
        if (layoutAt != store.layoutCount() || rootPage != db.rootPage || db.isEmpty()) {
            return false;
        }
        if (lowerLevel != NONE && path.page(lowerLevel).compareStoredKey(path.index(lowerLevel), key) > 0) {
            return false;
        }
        return upperLevel == NONE || path.page(upperLevel).compareStoredKey(path.index(upperLevel) + 1, key) > 0;
    }
}
