package org.larch.storage.btree;

import java.lang.foreign.MemorySegment;
import org.larch.storage.page.BranchPage;
import org.larch.storage.page.DbRecord;
import org.larch.storage.page.KeyComparator;
import org.larch.storage.page.LeafPage;
import org.larch.storage.page.Page;
import org.larch.storage.page.SearchKey;

/** Read access to one B+tree: point lookups and the descent that cursors and updates start from. */
public final class Tree {
    private final PageSource pages;
    private final DbRecord db;
    private final KeyComparator order;
    /** The key of the current descent, reused: a tree object serves one transaction, one thread. */
    private final SearchKey searched = new SearchKey();

    public Tree(PageSource pages, DbRecord db, KeyComparator order) {
        this.pages = pages;
        this.db = db;
        this.order = order;
    }

    /** The value stored under {@code key}, or null. A view valid until the transaction changes or ends. */
    public MemorySegment get(MemorySegment key) {
        return get(pages, db, order, key);
    }

    /** {@link #get(MemorySegment)} without a Tree object: the lookup of the read path. */
    public static MemorySegment get(PageSource pages, DbRecord db, KeyComparator order, MemorySegment key) {
        if (db.isEmpty()) {
            return null;
        }
        SearchKey searched = new SearchKey(key, order);
        if (pages.mapping() != null) {
            return MappedLookup.value(pages, MappedLookup.findNode(pages, db, searched));
        }
        Page page = pages.page(db.rootPage);
        while (page instanceof BranchPage branch) {
            page = pages.page(branch.child(branch.childIndexFor(searched)));
        }
        LeafPage leaf = (LeafPage) page;
        int index = leaf.search(searched);
        return index < 0 ? null : value(pages, leaf, index);
    }

    /** The node flags of {@code key}'s node, or -1 when absent. */
    public int flags(MemorySegment key) {
        TreePath path = new TreePath();
        if (!descend(key, path)) {
            return -1;
        }
        return path.leafIndex() < 0 ? -1 : path.leaf().flags(path.leafIndex());
    }

    /**
     * Fills {@code path} with the way from the root to the leaf where {@code key} is or would be. The
     * leaf index is the key's slot, or {@code -(insertionPoint + 1)}. False when the tree is empty.
     */
    public boolean descend(MemorySegment key, TreePath path) {
        return descendPrepared(searched.set(key, order), path);
    }

    /**
     * {@link #descend}, but when {@code position} tells that the key belongs in the leaf of
     * {@code path} (where the writer's last change left it), only that leaf is searched. A full
     * descent replaces the path, so the position forgets it.
     */
    boolean descend(MemorySegment key, TreePath path, WritePosition position) {
        searched.set(key, order);
        if (position.leads(path, searched)) {
            path.setLeafIndex(path.leaf().search(searched));
            return true;
        }
        position.forget();
        return descendPrepared(searched, path);
    }

    private boolean descendPrepared(SearchKey searched, TreePath path) {
        path.clear();
        if (db.isEmpty()) {
            return false;
        }
        Page page = pages.page(db.rootPage);
        while (page instanceof BranchPage branch) {
            int index = branch.childIndexFor(searched);
            path.push(branch, index);
            page = pages.page(branch.child(index));
        }
        LeafPage leaf = (LeafPage) page;
        path.push(leaf, leaf.search(searched));
        return true;
    }

    /** The value of node {@code index} of {@code leaf}, following an overflow run if it has one. */
    public static MemorySegment value(PageSource pages, LeafPage leaf, int index) {
        if (leaf.isBig(index)) {
            return pages.overflowValue(leaf.overflowPage(index), leaf.valueLength(index));
        }
        return leaf.inlineValue(index);
    }
}
