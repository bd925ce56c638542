package org.larch.storage.tools;

import org.larch.storage.page.BranchPage;
import org.larch.storage.page.DbRecord;
import org.larch.storage.page.KeyComparator;
import org.larch.storage.page.LeafPage;
import org.larch.storage.page.Page;

/**
 * Walks one tree from its root, depth first, checking every page and node it reaches and claiming
 * their pages in the ledger; then holds what it counted against the tree's descriptor. A page that
 * cannot be read is reported and its subtree skipped, never thrown. Recursion is as deep as the tree
 * (a page is entered once, and never below {@link #MAX_DEPTH}).
 */
final class TreeWalk {
    /** Deeper than any tree can grow: with two children per branch, 64 levels would need 2^63 pages. */
    static final int MAX_DEPTH = 64;

    private final CheckContext context;
    private final String treeName;
    private final KeyComparator order;
    private final LeafVisitor visitor;
    private final int claimant;
    private final OverflowRunCheck overflow;
    private final TreeTally tally = new TreeTally();
    private DuplicatesCheck duplicates;

    TreeWalk(CheckContext context, String treeName, KeyComparator order, LeafVisitor visitor) {
        this.context = context;
        this.treeName = treeName;
        this.order = order;
        this.visitor = visitor;
        this.claimant = context.ledger().register(treeName, false);
        this.overflow = new OverflowRunCheck(context, claimant);
    }

    /** Makes this the walk of a DUPSORT database, whose nodes may hold several values. */
    TreeWalk withDuplicates(DuplicatesCheck check) {
        this.duplicates = check;
        return this;
    }

    TreeTally walk(DbRecord record) {
        if (record.rootPage != 0 && !context.ledger().inRange(record.rootPage)) {
            context.findings().problem(treeName + ": root page " + record.rootPage + " is outside the snapshot's pages"
                    + " 2 to " + context.lastPage());
        } else if (record.rootPage != 0) {
            visit(record.rootPage, 1, KeyBounds.ALL);
        }
        tally.compareWith(record, treeName, context.findings());
        return tally;
    }

    private void visit(long pageNumber, int level, KeyBounds bounds) {
        if (!context.ledger().claim(pageNumber, claimant)) {
            return;
        }
        String where = "page " + pageNumber + " of " + treeName;
        try {
            Page page = TreePageCheck.read(context, pageNumber, where);
            if (page != null) {
                KeyOrderCheck.check(page, bounds, order, where, context.findings());
                switch (page) {
                    case BranchPage branch -> visitBranch(branch, level, bounds, where);
                    case LeafPage leaf -> visitLeaf(leaf, level, where);
                }
            }
        } catch (RuntimeException e) {
            context.findings().problem(where + ": cannot be read: " + e);
        }
    }

    private void visitBranch(BranchPage branch, int level, KeyBounds bounds, String where) {
        tally.addBranch();
        if (branch.slotCount() == 0) {
            context.findings().problem(where + ": branch page with no nodes");
        } else if (level >= MAX_DEPTH) {
            context.findings().problem(where + ": branch page at level " + level + ", deeper than any tree grows");
        } else {
            visitChildren(branch, level, bounds, where);
        }
    }

    private void visitChildren(BranchPage branch, int level, KeyBounds bounds, String where) {
        for (int index = 0; index < branch.slotCount(); index++) {
            long child = branch.child(index);
            if (context.ledger().inRange(child)) {
                visit(child, level + 1, bounds.ofChild(branch, index));
            } else {
                context.findings().problem(where + ": node " + index + " points to page " + child
                        + ", outside the snapshot's pages 2 to " + context.lastPage());
            }
        }
    }

    private void visitLeaf(LeafPage leaf, int level, String where) {
        int firstLeafLevel = tally.addLeaf(level);
        if (level != firstLeafLevel) {
            context.findings().problem(where + ": leaf page at level " + level + ", but the first leaf lies at level "
                    + firstLeafLevel + " (leaves must all be at one depth)");
        }
        if (leaf.slotCount() == 0 && level > 1) {
            context.findings().problem(where + ": leaf page with no nodes below the root");
        }
        for (int index = 0; index < leaf.slotCount(); index++) {
            visitNode(leaf, index, where + " node " + index);
        }
    }

    private void visitNode(LeafPage leaf, int index, String where) {
        if ((leaf.flags(index) & LeafPage.DUPDATA) != 0) {
            if (duplicates == null) {
                context.findings().problem(where + ": a node with duplicate values outside a DUPSORT database");
            } else {
                tally.addEntries(duplicates.check(leaf, index, where));
            }
            return;
        }
        tally.addEntries(1);
        if (!leaf.isBig(index)) {
            visitor.visit(leaf, index, leaf.inlineValue(index), where);
            return;
        }
        OverflowRunCheck.Run run = overflow.check(leaf, index, where);
        tally.addOverflow(run.pages());
        visitor.visit(leaf, index, run.value(), where);
    }
}
