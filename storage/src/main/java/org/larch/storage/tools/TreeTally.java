package org.larch.storage.tools;

import org.larch.storage.page.DbRecord;

/** What a {@link TreeWalk} counted, to hold against the tree's {@link DbRecord}. */
final class TreeTally {
    private long branchPages;
    private long leafPages;
    private long overflowPages;
    private long entries;
    private int leafLevel;

    void addBranch() {
        branchPages++;
    }

    /** Counts a leaf at {@code level} (the root is level 1); returns the level of the first leaf counted. */
    int addLeaf(int level) {
        leafPages++;
        if (leafLevel == 0) {
            leafLevel = level;
        }
        return leafLevel;
    }

    void addEntries(long count) {
        entries += count;
    }

    void addOverflow(int pages) {
        overflowPages += pages;
    }

    long entries() {
        return entries;
    }

    long overflowPages() {
        return overflowPages;
    }

    /** Reports each figure of {@code record} that differs from what the walk counted. */
    void compareWith(DbRecord record, String treeName, Findings findings) {
        compare("depth", record.depth, leafLevel, treeName, findings);
        compare("branch pages", record.branchPages, branchPages, treeName, findings);
        compare("leaf pages", record.leafPages, leafPages, treeName, findings);
        compare("overflow pages", record.overflowPages, overflowPages, treeName, findings);
        compare("entries", record.entries, entries, treeName, findings);
    }

    private static void compare(String figure, long recorded, long counted, String treeName, Findings findings) {
        if (recorded != counted) {
            findings.problem(treeName + ": its descriptor records " + figure + " " + recorded + ", the walk counted "
                    + counted);
        }
    }
}
