package org.larch.storage.btree;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.larch.storage.BadTxnException;
import org.larch.storage.ByteView;
import org.larch.storage.CorruptedException;
import org.larch.storage.page.BranchPage;
import org.larch.storage.page.Bytes;
import org.larch.storage.page.DbRecord;
import org.larch.storage.page.KeyComparator;
import org.larch.storage.page.LeafPage;
import org.larch.storage.page.Page;
import org.larch.storage.page.PageHeader;
import org.larch.storage.page.PageKind;
import org.larch.storage.page.SearchKey;

/**
 * The cursor of a plain (not DUPSORT) database in a read transaction, working by offsets into the
 * snapshot's mapping as LMDB's cursor works by pointers: a stack of (page offset, index) from the root
 * to a leaf, the leaf's offset, slot count and the current node's offset held in fields. A step within
 * a leaf bumps the index and reads one slot; the pages are checked ({@link PageSource#pageBase}: number
 * in range, the header's own number, the checksum when verifying, the kind its level needs) only when
 * the cursor enters another page. Nothing changes under it and nothing is allocated per move.
 */
public final class ReadCursor implements PairCursor {
    private final PageSource pages;
    private final MemorySegment map;
    private final DbRecord db;
    private final KeyComparator order;
    private final SearchKey searched = new SearchKey();
    /** Offsets of the branch pages from the root down, and the child taken in each. */
    private long[] branchBases = new long[8];
    private int[] branchIndexes = new int[8];
    private int branchDepth;
    private long leafBase;
    private int leafCount;
    private int leafIndex;
    /** Offset of the current node in {@link #map}; meaningful while {@link #positioned}. */
    private long node;
    /** The current node's header, read in one load: key length, flags, value length. */
    private int keyLength;
    private int flags;
    private long valueLength;
    private boolean positioned;

    public ReadCursor(PageSource pages, DbRecord db, KeyComparator order) {
        this.pages = pages;
        this.map = pages.mapping();
        this.db = db;
        this.order = order;
        if (map == null) {
            throw new IllegalArgumentException("a read cursor needs a snapshot's mapping");
        }
    }

    @Override
    public boolean first() {
        return settle(descendEdge(true));
    }

    @Override
    public boolean last() {
        return settle(descendEdge(false));
    }

    @Override
    public boolean next() {
        if (!positioned) {
            return first();
        }
        int index = leafIndex + 1;
        if (index < leafCount) {
            leafIndex = index;
            noteNode(Page.nodeAt(map, leafBase, index));
            return true;
        }
        return stepToNeighbourLeaf(true);
    }

    @Override
    public boolean prev() {
        if (!positioned) {
            return last();
        }
        int index = leafIndex - 1;
        if (index >= 0) {
            leafIndex = index;
            noteNode(Page.nodeAt(map, leafBase, index));
            return true;
        }
        return stepToNeighbourLeaf(false);
    }

    @Override
    public boolean seek(byte[] key) {
        return settle(descend(searched.set(key, order)) && leafIndex >= 0);
    }

    @Override
    public boolean seekRange(byte[] key) {
        if (!descend(searched.set(key, order))) {
            return settle(false);
        }
        if (leafIndex >= 0) {
            return settle(true);
        }
        int insertion = -leafIndex - 1;
        if (insertion < leafCount) {
            leafIndex = insertion;
            return settle(true);
        }
        leafIndex = leafCount - 1;
        return settle(stepToNeighbourLeaf(true));
    }

    /** One value per key: the pair is there when the key is and its value equals {@code value}. */
    @Override
    public boolean seekBoth(MemorySegment key, MemorySegment value) {
        return seek(key.toArray(ValueLayout.JAVA_BYTE)) && compareValue(value) == 0;
    }

    @Override
    public boolean seekBothRange(MemorySegment key, MemorySegment value) {
        return seek(key.toArray(ValueLayout.JAVA_BYTE)) && compareValue(value) >= 0;
    }

    private int compareValue(MemorySegment value) {
        MemorySegment only = value();
        return KeyComparator.LEXICOGRAPHIC.compare(only, 0, (int) only.byteSize(), value, 0, (int) value.byteSize());
    }

    @Override
    public boolean nextDup() {
        return false;
    }

    @Override
    public boolean prevDup() {
        return false;
    }

    @Override
    public boolean firstDup() {
        return positioned;
    }

    @Override
    public boolean lastDup() {
        return positioned;
    }

    @Override
    public boolean nextNoDup() {
        return next();
    }

    @Override
    public boolean prevNoDup() {
        return prev();
    }

    @Override
    public long count() {
        requirePosition();
        return 1;
    }

    @Override
    public MemorySegment key() {
        requirePosition();
        return map.asSlice(node + LeafPage.NODE_HEADER, keyLength);
    }

    @Override
    public MemorySegment value() {
        requirePosition();
        long offset = node + LeafPage.NODE_HEADER + keyLength;
        if ((flags & LeafPage.BIGDATA) != 0) {
            return pages.overflowValue(Bytes.u64(map, offset), valueLength);
        }
        return map.asSlice(offset, valueLength);
    }

    @Override
    public void key(ByteView view) {
        requirePosition();
        view.set(map, node + LeafPage.NODE_HEADER, keyLength);
    }

    @Override
    public void value(ByteView view) {
        requirePosition();
        if ((flags & LeafPage.BIGDATA) != 0) {
            MemorySegment value = value();
            view.set(value, 0, value.byteSize());
            return;
        }
        view.set(map, node + LeafPage.NODE_HEADER + keyLength, valueLength);
    }

    /** One value per key: the batch is the current value alone. */
    @Override
    public void valuesToPageEnd(int valueSize, ByteView view) {
        value(view);
    }

    @Override
    public void markDeleted() {
        throw new BadTxnException("a read transaction cannot delete");
    }

    /** Reads the header of the node at {@code at}, the node the cursor now stands on. */
    private void noteNode(long at) {
        long header = LeafPage.nodeHeader(map, at);
        node = at;
        keyLength = LeafPage.headerKeyLength(header);
        flags = LeafPage.headerFlags(header);
        valueLength = LeafPage.headerValueLength(header);
    }

    private void requirePosition() {
        if (!positioned) {
            throw new BadTxnException("the cursor is not positioned on a key");
        }
    }

    private boolean settle(boolean found) {
        positioned = found;
        if (found) {
            noteNode(Page.nodeAt(map, leafBase, leafIndex));
        }
        return found;
    }

    /**
     * Descends to the leaf where {@code key} is or would be; the leaf index is its slot or
     * {@code -(insertionPoint + 1)}. False when the tree is empty.
     */
    private boolean descend(SearchKey key) {
        branchDepth = 0;
        if (db.isEmpty()) {
            return false;
        }
        long pageNumber = db.rootPage;
        long base = pages.pageBase(pageNumber);
        while (PageHeader.kindCode(map, base) == PageKind.BRANCH.code) {
            int index = BranchPage.childIndexFor(map, base, key);
            pushBranch(base, index);
            pageNumber = BranchPage.child(map, base, index);
            base = pages.pageBase(pageNumber);
        }
        enterLeaf(pageNumber, base);
        leafIndex = LeafPage.search(map, base, key);
        return true;
    }

    private boolean descendEdge(boolean leftmost) {
        branchDepth = 0;
        if (db.isEmpty()) {
            return false;
        }
        long pageNumber = db.rootPage;
        long base = pages.pageBase(pageNumber);
        while (PageHeader.kindCode(map, base) == PageKind.BRANCH.code) {
            int index = leftmost ? 0 : Page.slotCount(map, base) - 1;
            pushBranch(base, index);
            pageNumber = BranchPage.child(map, base, index);
            base = pages.pageBase(pageNumber);
        }
        enterLeaf(pageNumber, base);
        leafIndex = leftmost ? 0 : leafCount - 1;
        // only an empty tree's root leaf is empty in a committed tree
        return leafCount > 0;
    }

    /**
     * Moves to the first (forward) or last key of the neighbouring leaf: climbs to the deepest branch
     * that has a sibling subtree that way and descends its near edge. At either end of the tree the
     * cursor stays where it was and the result is false.
     */
    private boolean stepToNeighbourLeaf(boolean forward) {
        int level = branchDepth - 1;
        while (level >= 0 && !hasNeighbour(level, forward)) {
            level--;
        }
        if (level < 0) {
            return false;
        }
        branchIndexes[level] += forward ? 1 : -1;
        long pageNumber = BranchPage.child(map, branchBases[level], branchIndexes[level]);
        long base = pages.pageBase(pageNumber);
        for (int l = level + 1; l < branchDepth; l++) {
            requireKind(pageNumber, base, PageKind.BRANCH);
            branchBases[l] = base;
            branchIndexes[l] = forward ? 0 : Page.slotCount(map, base) - 1;
            pageNumber = BranchPage.child(map, base, branchIndexes[l]);
            base = pages.pageBase(pageNumber);
        }
        enterLeaf(pageNumber, base);
        if (leafCount == 0) {
            throw new CorruptedException("leaf page " + pageNumber + " is empty");
        }
        leafIndex = forward ? 0 : leafCount - 1;
        noteNode(Page.nodeAt(map, base, leafIndex));
        return true;
    }

    private boolean hasNeighbour(int level, boolean forward) {
        int next = branchIndexes[level] + (forward ? 1 : -1);
        return next >= 0 && next < Page.slotCount(map, branchBases[level]);
    }

    private void enterLeaf(long pageNumber, long base) {
        requireKind(pageNumber, base, PageKind.LEAF);
        leafBase = base;
        leafCount = Page.slotCount(map, base);
    }

    private void requireKind(long pageNumber, long base, PageKind kind) {
        int found = PageHeader.kindCode(map, base);
        if (found != kind.code) {
            throw new CorruptedException("page " + pageNumber + " has kind " + found + " where its level holds kind "
                    + kind.code);
        }
    }

    private void pushBranch(long base, int index) {
        if (branchDepth == branchBases.length) {
            branchBases = java.util.Arrays.copyOf(branchBases, branchDepth * 2);
            branchIndexes = java.util.Arrays.copyOf(branchIndexes, branchDepth * 2);
        }
        branchBases[branchDepth] = base;
        branchIndexes[branchDepth] = index;
        branchDepth++;
    }
}
