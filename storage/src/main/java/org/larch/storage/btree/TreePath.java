package org.larch.storage.btree;

import java.util.Arrays;
import org.larch.storage.page.LeafPage;
import org.larch.storage.page.Page;

/**
 * A stack of (page, index) from the root (level 0) down to a leaf: how a cursor or an update knows
 * where it stands. For branch levels the index is the child taken; for the leaf it is the slot.
 */
public final class TreePath {
    private Page[] pages = new Page[8];
    private int[] indexes = new int[8];
    private int depth;

    public void clear() {
        depth = 0;
    }

    public void push(Page page, int index) {
        if (depth == pages.length) {
            pages = Arrays.copyOf(pages, depth * 2);
            indexes = Arrays.copyOf(indexes, depth * 2);
        }
        pages[depth] = page;
        indexes[depth] = index;
        depth++;
    }

    public void pop() {
        depth--;
    }

    /**
     * The page object last pushed at {@code level}, even above the current depth (null if none): a
     * read cursor's descent moves it to its new page instead of creating another.
     */
    Page spare(int level) {
        return level < pages.length ? pages[level] : null;
    }

    public int depth() {
        return depth;
    }

    public boolean isEmpty() {
        return depth == 0;
    }

    public Page page(int level) {
        return pages[level];
    }

    public void setPage(int level, Page page) {
        pages[level] = page;
    }

    public int index(int level) {
        return indexes[level];
    }

    public void setIndex(int level, int index) {
        indexes[level] = index;
    }

    public int leafLevel() {
        return depth - 1;
    }

    public LeafPage leaf() {
        return (LeafPage) pages[depth - 1];
    }

    public int leafIndex() {
        return indexes[depth - 1];
    }

    public void setLeafIndex(int index) {
        indexes[depth - 1] = index;
    }
}
