package org.larch.storage.btree;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import org.larch.storage.page.BranchPage;
import org.larch.storage.page.DbRecord;
import org.larch.storage.page.LeafPage;
import org.larch.storage.page.Page;
import org.larch.storage.page.PageHeader;

/**
 * Puts a node into a page of a touched path, splitting the page when it is full, and the parent when
 * the new separator does not fit there, up to a new root.
 */
final class PageSplitter {
    private static final MemorySegment NO_KEY = MemorySegment.ofArray(new byte[0]);

    private final PageStore store;
    private final DbRecord db;
    /** A copy of the page being split, its nodes read from here while both halves are rewritten. */
    private MemorySegment scratch;
    /** Sizes (node plus slot) and key lengths of the nodes of a split, the new one in its place. */
    private int[] sizes = new int[64];
    private int[] keyLengths = new int[64];

    PageSplitter(PageStore store, DbRecord db) {
        this.store = store;
        this.db = db;
    }

    /**
     * Inserts {@code node} at slot {@code index} of the page at {@code level} of {@code path}. With
     * {@code append}, a node added at the end of a full page starts a new page and leaves the old one full.
     */
    void insert(TreePath path, int level, int index, byte[] node, boolean append) {
        Page page = path.page(level);
        if (page.fits(node.length)) {
            page.insertRaw(index, node);
            return;
        }
        Page right = newSibling(page);
        MemorySegment separator = append && index == page.slotCount()
                ? startNextPage(right, node)
                : splitAround(page, right, index, node);
        byte[] parentNode = BranchPage.encode(separator, right.number());
        if (level == 0) {
            growRoot(page, parentNode);
        } else {
            insert(path, level - 1, path.index(level - 1) + 1, parentNode, append);
        }
    }

    /**
     * A sorted load's split: the full page stays as it is and the new node starts the next page. Returns
     * the separator: the node's key (for a branch node, moved up from the node, which keeps none).
     */
    private static MemorySegment startNextPage(Page right, byte[] node) {
        if (right instanceof BranchPage) {
            right.insertRaw(0, BranchPage.encode(NO_KEY, BranchPage.childOf(node)));
            return BranchPage.keyOf(node);
        }
        right.insertRaw(0, node);
        return leafKeyOf(node);
    }

    /**
     * An ordinary split: the nodes with the new one, shared between both pages as evenly as they fit.
     * The page is copied once, to a scratch page, and each node moves from there to its half in one
     * copy. A branch's right half starts with a node without key: its key is the separator, which
     * stays valid until the next split of this splitter (the caller encodes it before).
     */
    private MemorySegment splitAround(Page page, Page right, int index, byte[] node) {
        boolean branch = page instanceof BranchPage;
        int count = page.slotCount() + 1;
        measure(page, index, node, count);
        int at = balancedSplitPoint(sizes, branch ? keyLengths : null, count, page.pageSize());
        Page source = copyToScratch(page);
        page.clear();
        for (int i = 0; i < at; i++) {
            appendNode(page, source, index, node, i);
        }
        MemorySegment separator = branch ? startBranchHalf(right, source, index, node, at) : null;
        for (int i = branch ? at + 1 : at; i < count; i++) {
            appendNode(right, source, index, node, i);
        }
        return branch ? separator : right.key(0);
    }

    /** Fills {@link #sizes} and {@link #keyLengths} for the page's nodes with {@code node} at {@code index}. */
    private void measure(Page page, int index, byte[] node, int count) {
        if (sizes.length < count) {
            sizes = new int[count * 2];
            keyLengths = new int[count * 2];
        }
        boolean branch = page instanceof BranchPage;
        for (int i = 0; i < count; i++) {
            if (i == index) {
                sizes[i] = node.length + PageHeader.SLOT_SIZE;
                keyLengths[i] = branch ? (int) BranchPage.keyOf(node).byteSize() : 0;
            } else {
                int from = i < index ? i : i - 1;
                sizes[i] = page.nodeSize(from) + PageHeader.SLOT_SIZE;
                keyLengths[i] = branch ? page.keyLength(from) : 0;
            }
        }
    }

    private Page copyToScratch(Page page) {
        if (scratch == null || scratch.byteSize() != page.pageSize()) {
            scratch = MemorySegment.ofArray(new byte[page.pageSize()]);
        }
        MemorySegment.copy(page.segment(), page.base(), scratch, 0, page.pageSize());
        return Page.wrap(scratch, 0, page.pageSize(), page.number(), false);
    }

    /** Appends node {@code i} of the split (the new node at {@code index}, the source's around it). */
    private static void appendNode(Page target, Page source, int index, byte[] node, int i) {
        if (i == index) {
            target.insertRaw(target.slotCount(), node);
        } else {
            target.appendNodeOf(source, i < index ? i : i - 1);
        }
    }

    /** Starts a branch's right half with node {@code at} made key-less; returns its key, the separator. */
    private static MemorySegment startBranchHalf(Page right, Page source, int index, byte[] node, int at) {
        if (at == index) {
            right.insertRaw(0, BranchPage.encode(NO_KEY, BranchPage.childOf(node)));
            return BranchPage.keyOf(node);
        }
        int from = at < index ? at : at - 1;
        right.insertRaw(0, BranchPage.encode(NO_KEY, ((BranchPage) source).child(from)));
        return source.key(from);
    }

    /**
     * Rebuilds {@code left} with {@code nodes[0, at)} and {@code right} with the rest; returns the
     * separator between them. A branch's first node keeps no key: its key moves up as the separator.
     */
    static MemorySegment splitInto(Page left, Page right, List<byte[]> nodes, int at) {
        List<byte[]> rightNodes = new ArrayList<>(nodes.subList(at, nodes.size()));
        MemorySegment separator;
        if (left instanceof BranchPage) {
            byte[] first = rightNodes.getFirst();
            separator = BranchPage.keyOf(first);
            rightNodes.set(0, BranchPage.encode(NO_KEY, BranchPage.childOf(first)));
        } else {
            separator = leafKeyOf(rightNodes.getFirst());
        }
        left.rebuild(new ArrayList<>(nodes.subList(0, at)));
        right.rebuild(rightNodes);
        return separator;
    }

    /**
     * The split point that balances bytes best while both halves fit. A branch's right half loses its
     * first key, which is accounted for.
     */
    static int balancedSplitPoint(List<byte[]> nodes, boolean branch, int pageSize) {
        int count = nodes.size();
        int[] nodeSizes = new int[count];
        int[] nodeKeyLengths = branch ? new int[count] : null;
        for (int i = 0; i < count; i++) {
            nodeSizes[i] = nodes.get(i).length + PageHeader.SLOT_SIZE;
            if (branch) {
                nodeKeyLengths[i] = (int) BranchPage.keyOf(nodes.get(i)).byteSize();
            }
        }
        return balancedSplitPoint(nodeSizes, nodeKeyLengths, count, pageSize);
    }

    /**
     * {@link #balancedSplitPoint(List, boolean, int)} over the first {@code count} nodes' sizes (slot
     * included) and, for a branch, key lengths ({@code keyLengths} null for a leaf).
     */
    static int balancedSplitPoint(int[] sizes, int[] keyLengths, int count, int pageSize) {
        int capacity = Page.capacity(pageSize);
        long total = 0;
        for (int i = 0; i < count; i++) {
            total += sizes[i];
        }
        int best = -1;
        long bestDifference = Long.MAX_VALUE;
        long left = 0;
        for (int at = 1; at < count; at++) {
            left += sizes[at - 1];
            long right = total - left - (keyLengths != null ? keyLengths[at] : 0);
            long difference = Math.abs(left - right);
            if (left <= capacity && right <= capacity && difference < bestDifference) {
                best = at;
                bestDifference = difference;
            }
        }
        if (best < 0) {
            throw new IllegalStateException("no split point fits " + count + " nodes of " + total + " bytes");
        }
        return best;
    }

    private Page newSibling(Page page) {
        if (page instanceof BranchPage) {
            db.branchPages++;
            return store.newBranch();
        }
        db.leafPages++;
        return store.newLeaf();
    }

    private void growRoot(Page oldRoot, byte[] rightNode) {
        BranchPage root = store.newBranch();
        root.insertRaw(0, BranchPage.encode(NO_KEY, oldRoot.number()));
        root.insertRaw(1, rightNode);
        db.rootPage = root.number();
        db.depth++;
        db.branchPages++;
    }

    static MemorySegment leafKeyOf(byte[] leafNode) {
        MemorySegment node = MemorySegment.ofArray(leafNode);
        int keyLength = Short.toUnsignedInt(node.get(org.larch.storage.page.Bytes.U16, 0));
        return node.asSlice(LeafPage.NODE_HEADER, keyLength);
    }

    static MemorySegment noKey() {
        return NO_KEY;
    }
}
