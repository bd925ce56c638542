package org.larch.storage.btree;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.larch.storage.BadTxnException;
import org.larch.storage.ByteView;
import org.larch.storage.page.BranchPage;
import org.larch.storage.page.DbRecord;
import org.larch.storage.page.KeyComparator;
import org.larch.storage.page.LeafPage;
import org.larch.storage.page.Page;
import org.larch.storage.page.PageHeader;
import org.larch.storage.page.PageKind;
import org.larch.storage.page.SearchKey;

/**
 * A position in one tree, kept as an explicit stack of (page, index) from the root to a leaf.
 *
 * <p>In a write transaction any change may rebuild the pages on the stack; the cursor notices through
 * the store's modification count and finds its place again by its last key. If that key is gone, the
 * cursor stands in the gap it left: {@link #next()} lands on the key after it, {@link #prev()} on the
 * key before.
 */
public final class TreeCursor {
    private final PageSource pages;
    private final PageStore store;
    private final DbRecord db;
    private final KeyComparator order;
    private final Tree tree;
    private final TreePath path = new TreePath();
    private boolean positioned;
    private boolean inGap;
    private byte[] savedKey;
    private long seenModifications;
    private final CurrentNode current = new CurrentNode();
    /** Where {@link #step} keeps the path while it looks for a neighbour in a write transaction. */
    private final TreePath saved = new TreePath();
    /** The key of a read transaction's seeks, reused. */
    private final SearchKey searched = new SearchKey();
    /** Where {@link #packKeysToLeafEnd} packs keys, reused from call to call. */
    private byte[] packed = new byte[0];
    private MemorySegment packedSegment = MemorySegment.ofArray(packed);

    public TreeCursor(PageSource pages, DbRecord db, KeyComparator order) {
        this.pages = pages;
        this.store = pages instanceof PageStore writable ? writable : null;
        this.db = db;
        this.order = order;
        this.tree = new Tree(pages, db, order);
    }

    public boolean first() {
        return settle(descendEdge(true));
    }

    public boolean last() {
        return settle(descendEdge(false));
    }

    /** Moves to the next key; at the end returns false and stays where it was. */
    public boolean next() {
        revalidate();
        if (!positioned) {
            return !inGap && first();
        }
        if (inGap) {
            return settle(true);
        }
        return step(true) && settle(true);
    }

    /** Moves to the previous key; at the start returns false and stays where it was. */
    public boolean prev() {
        revalidate();
        if (!positioned) {
            // in the gap past the last key (or of an emptied tree), the last key is the one before it;
            // when there is none, the cursor stays in that gap
            boolean pastTheEnd = inGap;
            boolean found = last();
            inGap = !found && pastTheEnd;
            return found;
        }
        if (inGap) {
            if (!step(false)) {
                return false;
            }
            inGap = false;
            return settle(true);
        }
        return step(false) && settle(true);
    }

    /** Positions on {@code key} exactly; false (and unpositioned) when it is absent. */
    public boolean seek(MemorySegment key) {
        if (store == null) {
            return seek(searched.set(key, order));
        }
        return settle(tree.descend(key, path) && path.leafIndex() >= 0);
    }

    /**
     * Positions on the key {@code key} was prepared for, exactly; false (and unpositioned) when it is
     * absent. In a read transaction the page objects of the path are moved, not created.
     */
    public boolean seek(SearchKey key) {
        if (store != null) {
            return seek(key.segment());
        }
        return settle(descendReading(key) && path.leafIndex() >= 0);
    }

    /** The key prepared for this cursor's seeks in a read transaction (reused from seek to seek). */
    public SearchKey searchKey(byte[] key) {
        return searched.set(key, order);
    }

    /** Positions on the first key greater than or equal to {@code key}; false when there is none. */
    public boolean seekRange(MemorySegment key) {
        return settle(seekAtLeast(key));
    }

    public boolean isPositioned() {
        revalidate();
        return positioned && !inGap;
    }

    /** The current key: a view valid until the transaction changes or ends. */
    public MemorySegment key() {
        if (store == null) {
            requireReadPosition();
            return current.key();
        }
        requirePosition();
        return path.leaf().key(path.leafIndex());
    }

    /** The current value: a view valid until the transaction changes or ends. */
    public MemorySegment value() {
        if (store == null) {
            requireReadPosition();
            if (!current.isBig()) {
                return current.inlineValue();
            }
        } else {
            requirePosition();
        }
        return Tree.value(pages, path.leaf(), path.leafIndex());
    }

    /** Points {@code view} at the current key: in a read transaction without creating an object. */
    public void key(ByteView view) {
        if (store == null) {
            requireReadPosition();
            current.keyInto(view);
            return;
        }
        MemorySegment key = key();
        view.set(key, 0, key.byteSize());
    }

    /** Points {@code view} at the current value: in a read transaction, for an inline value, without an object. */
    public void value(ByteView view) {
        if (store == null) {
            requireReadPosition();
            if (!current.isBig()) {
                current.inlineValueInto(view);
                return;
            }
        }
        MemorySegment value = value();
        view.set(value, 0, value.byteSize());
    }

    /** Flags of the current node. */
    public int nodeFlags() {
        if (store == null) {
            requireReadPosition();
            return current.flags();
        }
        requirePosition();
        return path.leaf().flags(path.leafIndex());
    }

    /** Marks the current key as deleted by this cursor: the cursor now stands in its gap. */
    public void markDeleted() {
        seenModifications = -1;
    }

    private void requirePosition() {
        revalidate();
        if (!positioned || inGap) {
            throw new BadTxnException("the cursor is not positioned on a key");
        }
    }

    /** In a read transaction nothing changes under the cursor: no finding its place again. */
    private void requireReadPosition() {
        if (!positioned || inGap) {
            throw new BadTxnException("the cursor is not positioned on a key");
        }
    }

    /**
     * Records the outcome of a positioning move: on a key when {@code found}, else nowhere. In a read
     * transaction the node's place is noted for {@link #key()} and {@link #value()}; in a write one
     * the key is saved for finding the place again after a change.
     */
    private boolean settle(boolean found) {
        positioned = found;
        inGap = false;
        if (found && store == null) {
            current.noteAt(path.leaf(), path.leafIndex());
        } else if (found) {
            savedKey = path.leaf().keyBytes(path.leafIndex());
            seenModifications = store.modificationCount();
        }
        return found;
    }

    /** Finds the place again after a change in this transaction. */
    private void revalidate() {
        if (store == null || savedKey == null || seenModifications == store.modificationCount()) {
            return;
        }
        if (!positioned && !inGap) {
            return;
        }
        MemorySegment key = MemorySegment.ofArray(savedKey);
        boolean found = seekAtLeast(key);
        boolean same = found && order.compare(path.leaf().segment(), path.leaf().keyOffset(path.leafIndex()),
                path.leaf().keyLength(path.leafIndex()), key, 0, savedKey.length) == 0;
        seenModifications = store.modificationCount();
        if (same) {
            positioned = true;
            inGap = false;
            return;
        }
        inGap = true;
        positioned = found;
        if (!found) {
            path.clear();
        }
    }

    private boolean seekAtLeast(MemorySegment key) {
        if (!tree.descend(key, path)) {
            return false;
        }
        int index = path.leafIndex();
        if (index >= 0) {
            return true;
        }
        int insertion = -index - 1;
        if (insertion < path.leaf().slotCount()) {
            path.setLeafIndex(insertion);
            return true;
        }
        path.setLeafIndex(path.leaf().slotCount() - 1);
        return step(true);
    }

    /**
     * {@link Tree#descend} for a read transaction: the page objects already on the path (from an
     * earlier move) are moved to the pages of this descent, so a seek allocates nothing.
     */
    private boolean descendReading(SearchKey key) {
        path.clear();
        if (db.isEmpty()) {
            return false;
        }
        long number = db.rootPage;
        Page page = reusedPage(0, number);
        while (page instanceof BranchPage branch) {
            int index = branch.childIndexFor(key);
            path.push(branch, index);
            number = branch.child(index);
            page = reusedPage(path.depth(), number);
        }
        LeafPage leaf = (LeafPage) page;
        path.push(leaf, leaf.search(key));
        return true;
    }

    private Page edgePage(int level, long number) {
        return store == null ? reusedPage(level, number) : pages.page(number);
    }

    /** Committed page {@code number} as the path's spare object at {@code level} when its kind fits, else a new one. */
    private Page reusedPage(int level, long number) {
        long base = pages.pageBase(number);
        Page spare = path.spare(level);
        int kind = PageHeader.kindCode(pages.mapping(), base);
        boolean fits = spare != null && !spare.isDirty()
                && kind == (spare instanceof LeafPage ? PageKind.LEAF.code : PageKind.BRANCH.code);
        if (!fits) {
            return pages.page(number);
        }
        spare.moveTo(base, number);
        return spare;
    }

    private boolean descendEdge(boolean leftmost) {
        path.clear();
        if (db.isEmpty()) {
            return false;
        }
        Page page = edgePage(0, db.rootPage);
        while (page instanceof BranchPage branch) {
            int index = leftmost ? 0 : branch.slotCount() - 1;
            path.push(branch, index);
            page = edgePage(path.depth(), branch.child(index));
        }
        LeafPage leaf = (LeafPage) page;
        path.push(leaf, leftmost ? 0 : leaf.slotCount() - 1);
        return leaf.slotCount() > 0 || step(leftmost);
    }

    /**
     * Moves one key forward or back, climbing to the nearest ancestor that has a sibling subtree in
     * that direction and descending its near edge (skipping empty leaves). At either end the path is
     * left as it was and the result is false.
     */
    private boolean step(boolean forward) {
        int leafIndex = path.leafIndex() + (forward ? 1 : -1);
        if (leafIndex >= 0 && leafIndex < path.leaf().slotCount()) {
            path.setLeafIndex(leafIndex);
            return true;
        }
        if (store == null) {
            return stepToNeighbourLeaf(forward);
        }
        copyPathTo(saved);
        while (moveToNeighbourLeaf(forward)) {
            if (path.leaf().slotCount() > 0) {
                return true;
            }
        }
        restore(saved);
        return false;
    }

    /**
     * The read transaction's step to a neighbouring leaf: a committed tree has no empty leaf but an
     * empty root, so a neighbour, when there is one, holds keys; the page objects on the path are
     * moved to the new pages rather than replaced.
     */
    private boolean stepToNeighbourLeaf(boolean forward) {
        int level = levelWithNeighbour(forward);
        if (level < 0) {
            return false;
        }
        int leafLevel = path.leafLevel();
        path.setIndex(level, path.index(level) + (forward ? 1 : -1));
        for (int l = level; l < leafLevel; l++) {
            long childNumber = ((BranchPage) path.page(l)).child(path.index(l));
            Page child = path.page(l + 1);
            child.moveTo(pages.pageBase(childNumber), childNumber);
            path.setIndex(l + 1, forward ? 0 : child.slotCount() - 1);
        }
        if (path.leaf().slotCount() == 0) {
            throw new org.larch.storage.CorruptedException("leaf page " + path.leaf().number() + " is empty");
        }
        return true;
    }

    /** The deepest branch level whose index can move that way, or -1 at the tree's edge. */
    private int levelWithNeighbour(boolean forward) {
        for (int level = path.leafLevel() - 1; level >= 0; level--) {
            int next = path.index(level) + (forward ? 1 : -1);
            if (next >= 0 && next < path.page(level).slotCount()) {
                return level;
            }
        }
        return -1;
    }

    private boolean moveToNeighbourLeaf(boolean forward) {
        int leafLevel = path.leafLevel();
        int level = levelWithNeighbour(forward);
        if (level < 0) {
            return false;
        }
        path.setIndex(level, path.index(level) + (forward ? 1 : -1));
        for (int l = level; l < leafLevel; l++) {
            BranchPage branch = (BranchPage) path.page(l);
            Page child = pages.page(branch.child(path.index(l)));
            path.setPage(l + 1, child);
            path.setIndex(l + 1, forward ? 0 : child.slotCount() - 1);
        }
        return true;
    }

    private void copyPathTo(TreePath copy) {
        copy.clear();
        for (int level = 0; level < path.depth(); level++) {
            copy.push(path.page(level), path.index(level));
        }
    }

    private void restore(TreePath saved) {
        path.clear();
        for (int level = 0; level < saved.depth(); level++) {
            path.push(saved.page(level), saved.index(level));
        }
    }

    /**
     * The keys from the current one to the end of its leaf, each {@code keySize} bytes, packed one after
     * another into a buffer of this cursor's (reused by the next call) that {@code view} is pointed at;
     * the cursor moves to the leaf's last key. For reading fixed-size duplicates a page at a time.
     */
    public void packKeysToLeafEnd(int keySize, ByteView view) {
        requirePosition();
        LeafPage leaf = path.leaf();
        int from = path.leafIndex();
        int count = leaf.slotCount() - from;
        int bytes = count * keySize;
        if (packed.length < bytes) {
            packed = new byte[Math.max(bytes, packed.length * 2)];
            packedSegment = MemorySegment.ofArray(packed);
        }
        for (int i = 0; i < count; i++) {
            MemorySegment.copy(leaf.segment(), leaf.keyOffset(from + i), packedSegment, (long) i * keySize, keySize);
        }
        view.set(packedSegment, 0, bytes);
        path.setLeafIndex(leaf.slotCount() - 1);
        settle(true);
    }

    /** A copy of the current key. */
    public byte[] keyBytes() {
        return key().toArray(ValueLayout.JAVA_BYTE);
    }
}
