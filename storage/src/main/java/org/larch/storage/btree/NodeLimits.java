package org.larch.storage.btree;

import org.larch.storage.page.BranchPage;
import org.larch.storage.page.LeafPage;
import org.larch.storage.page.Page;
import org.larch.storage.page.PageHeader;

/**
 * Size limits that keep every split possible: a node and its slot take at most half of a page's
 * capacity, so any full page plus one node splits into two pages that fit.
 */
public final class NodeLimits {
    /** LMDB's default maximum key size. */
    public static final int LMDB_MAX_KEY = 511;

    private NodeLimits() {
    }

    /** Largest node (slot included) allowed on a page of {@code pageSize}. */
    public static int maxNodeWithSlot(int pageSize) {
        return Page.capacity(pageSize) / 2;
    }

    /**
     * Largest key: a leaf node with the key and an overflow reference must fit, and a branch page must
     * hold its keyless first node and two separators of this size (three children), or splits of
     * branches full of long keys would leave pages with a single child and the tree would grow deep
     * without bound.
     */
    public static int maxKeySize(int pageSize) {
        int leafFits = maxNodeWithSlot(pageSize) - PageHeader.SLOT_SIZE - LeafPage.NODE_HEADER - Long.BYTES;
        int branchNode = BranchPage.NODE_HEADER + PageHeader.SLOT_SIZE;
        int branchFits = (Page.capacity(pageSize) - 3 * branchNode) / 2;
        return Math.min(LMDB_MAX_KEY, Math.min(leafFits, branchFits));
    }

    /** Whether a value of {@code valueLength} with a key of {@code keyLength} goes to an overflow run. */
    public static boolean needsOverflow(int keyLength, long valueLength, int pageSize) {
        return 8L + keyLength + valueLength + PageHeader.SLOT_SIZE > maxNodeWithSlot(pageSize);
    }

    /** Whether a page is too empty and should merge with or borrow from a sibling. */
    public static boolean underfull(Page page) {
        return page.usedBytes() < Page.capacity(page.pageSize()) / 4;
    }
}
