package org.larch.storage.btree;

import java.lang.foreign.MemorySegment;
import org.larch.storage.page.BranchPage;
import org.larch.storage.page.LeafPage;
import org.larch.storage.page.Page;

/**
 * What a tree needs to change itself: private copies of committed pages (copy-on-write), new pages,
 * and a place to return pages it no longer uses. Implemented by a write transaction.
 */
public interface PageStore extends PageSource {
    /** The page itself if this transaction already owns it, else a private copy under a new number. */
    Page touch(Page page);

    LeafPage newLeaf();

    BranchPage newBranch();

    /** Allocates an overflow run for {@code valueLength} bytes; returns its first page number. */
    long newOverflow(long valueLength);

    /** The writable value area of an overflow run this transaction created. */
    MemorySegment writableOverflow(long firstPage, long valueLength);

    /** Whether this transaction created the page (so it may be changed in place). */
    boolean owns(long pageNumber);

    /** Returns a branch or leaf page no longer used by the tree. */
    void freePage(long pageNumber);

    /** Returns an overflow run no longer used by the tree. */
    void freeOverflow(long firstPage, int pages);

    /** Counts every change, so cursors can tell that their page stack is stale. */
    long modificationCount();

    void markModified();

    /**
     * Counts the changes that may replace a tree's pages or move keys between them: a page copied,
     * created or freed, a child transaction's changes adopted, a key deleted or a tree dropped.
     * Inserting into or rewriting a node of a page already this transaction's own does not count
     * (nor replacing a key's node by a new one in the same page), so a writer whose
     * path was all the transaction's own pages when this count was taken may still use it
     * ({@link WritePosition}).
     */
    long layoutCount();

    /** Counts a change of the kind {@link #layoutCount} counts that the store cannot see itself. */
    void markLayoutChanged();
}
