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
 * After a delete: an underfull page merges with a sibling when both fit in one page, or shares the
 * sibling's nodes evenly when they do not; a merge may leave the parent underfull in turn; a root
 * branch left with one child gives way to that child, and an empty root leaf empties the tree.
 */
final class TreeRebalancer {
    private final PageStore store;
    private final DbRecord db;
    private final PageSplitter splitter;

    TreeRebalancer(PageStore store, DbRecord db, PageSplitter splitter) {
        this.store = store;
        this.db = db;
        this.splitter = splitter;
    }

    void rebalance(TreePath path, int level) {
        Page page = path.page(level);
        if (level == 0) {
            shrinkRoot(page);
            return;
        }
        if (!needsRebalance(page)) {
            return;
        }
        BranchPage parent = (BranchPage) path.page(level - 1);
        if (parent.slotCount() < 2) {
            if (page.slotCount() == 0) {
                removeOnlyChild(path, level);
            }
            return;
        }
        int index = path.index(level - 1);
        int rightIndex = index > 0 ? index : index + 1;
        Page left = index > 0 ? touchChild(parent, index - 1) : page;
        Page right = index > 0 ? page : touchChild(parent, index + 1);
        List<byte[]> nodes = joined(left, right, parent, rightIndex);
        if (fitsOnePage(nodes, page.pageSize())) {
            merge(left, right, nodes, parent, rightIndex);
            rebalance(path, level - 1);
        } else {
            redistribute(path, level - 1, left, right, nodes, parent, rightIndex);
        }
    }

    private static boolean needsRebalance(Page page) {
        int minimum = page instanceof BranchPage ? 2 : 1;
        return page.slotCount() < minimum || NodeLimits.underfull(page);
    }

    /**
     * Removes an empty leaf that is its parent's only child (an APPEND split leaves such parents), so
     * no empty page stays in the tree: the parent, left with no child, goes too, and so on up to the
     * first ancestor with other children, which is then rebalanced in turn.
     */
    private void removeOnlyChild(TreePath path, int level) {
        int top = level;
        while (top > 0 && path.page(top - 1).slotCount() == 1) {
            top--;
        }
        for (int l = top; l <= level; l++) {
            Page page = path.page(l);
            store.freePage(page.number());
            if (page instanceof BranchPage) {
                db.branchPages--;
            } else {
                db.leafPages--;
            }
        }
        if (top == 0) {
            db.clear();
            return;
        }
        BranchPage ancestor = (BranchPage) path.page(top - 1);
        int index = path.index(top - 1);
        ancestor.removeRaw(index);
        if (index == 0) {
            long first = ancestor.child(0);
            ancestor.removeRaw(0);
            ancestor.insertRaw(0, BranchPage.encode(PageSplitter.noKey(), first));
        }
        rebalance(path, top - 1);
    }

    private void shrinkRoot(Page root) {
        if (root instanceof LeafPage && root.slotCount() == 0) {
            store.freePage(root.number());
            db.clear();
            return;
        }
        Page page = root;
        while (page instanceof BranchPage branch && branch.slotCount() == 1) {
            long child = branch.child(0);
            store.freePage(branch.number());
            db.branchPages--;
            db.depth--;
            db.rootPage = child;
            page = store.page(child);
        }
    }

    private Page touchChild(BranchPage parent, int index) {
        Page child = store.page(parent.child(index));
        Page touched = store.touch(child);
        if (touched.number() != child.number()) {
            parent.setChild(index, touched.number());
        }
        return touched;
    }

    /** The nodes of both pages in order; a branch's right first node regains its separator from the parent. */
    private static List<byte[]> joined(Page left, Page right, BranchPage parent, int rightIndex) {
        List<byte[]> nodes = new ArrayList<>(left.rawNodes());
        List<byte[]> rightNodes = right.rawNodes();
        if (right instanceof BranchPage) {
            byte[] first = rightNodes.getFirst();
            rightNodes.set(0, BranchPage.encode(parent.key(rightIndex), BranchPage.childOf(first)));
        }
        nodes.addAll(rightNodes);
        return nodes;
    }

    private static boolean fitsOnePage(List<byte[]> nodes, int pageSize) {
        long bytes = 0;
        for (byte[] node : nodes) {
            bytes += node.length + PageHeader.SLOT_SIZE;
        }
        return bytes <= Page.capacity(pageSize);
    }

    private void merge(Page left, Page right, List<byte[]> nodes, BranchPage parent, int rightIndex) {
        left.rebuild(nodes);
        store.freePage(right.number());
        if (right instanceof BranchPage) {
            db.branchPages--;
        } else {
            db.leafPages--;
        }
        parent.removeRaw(rightIndex);
    }

    private void redistribute(TreePath path, int parentLevel, Page left, Page right, List<byte[]> nodes,
            BranchPage parent, int rightIndex) {
        int at = PageSplitter.balancedSplitPoint(nodes, left instanceof BranchPage, left.pageSize());
        MemorySegment separator = PageSplitter.splitInto(left, right, nodes, at);
        parent.removeRaw(rightIndex);
        splitter.insert(path, parentLevel, rightIndex, BranchPage.encode(separator, right.number()), false);
    }
}
