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

    /** An ordinary split: the nodes with the new one, shared between both pages as evenly as they fit. */
    private static MemorySegment splitAround(Page page, Page right, int index, byte[] node) {
        List<byte[]> nodes = page.rawNodes();
        nodes.add(index, node);
        int at = balancedSplitPoint(nodes, page instanceof BranchPage, page.pageSize());
        return splitInto(page, right, nodes, at);
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
        int capacity = Page.capacity(pageSize);
        long total = 0;
        for (byte[] node : nodes) {
            total += node.length + PageHeader.SLOT_SIZE;
        }
        int best = -1;
        long bestDifference = Long.MAX_VALUE;
        long left = 0;
        for (int at = 1; at < nodes.size(); at++) {
            left += nodes.get(at - 1).length + PageHeader.SLOT_SIZE;
            long right = total - left - (branch ? BranchPage.keyOf(nodes.get(at)).byteSize() : 0);
            long difference = Math.abs(left - right);
            if (left <= capacity && right <= capacity && difference < bestDifference) {
                best = at;
                bestDifference = difference;
            }
        }
        if (best < 0) {
            throw new IllegalStateException("no split point fits " + nodes.size() + " nodes of " + total + " bytes");
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
