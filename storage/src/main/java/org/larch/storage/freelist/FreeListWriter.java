package org.larch.storage.freelist;

import java.util.Arrays;
import org.larch.storage.StorageException;
import org.larch.storage.btree.PageStore;
import org.larch.storage.btree.TreeWriter;
import org.larch.storage.page.DbRecord;
import org.larch.storage.page.KeyComparator;

/**
 * Records a committing transaction's free pages in the free-page tree. Writing the tree changes the
 * very lists being written (its own pages are copied, freeing the old ones, and new pages are taken
 * from the leftovers), so it writes until a round changes nothing:
 * <ol>
 *   <li>take enough reusable records to have the pages that writing the tree needs, then stop
 *       consuming records, so the set consumed is final (a record taken while the tree is being
 *       written would never be deleted, and its pages would be listed twice);</li>
 *   <li>delete the records this transaction consumed;</li>
 *   <li>write the pages it freed under its own id;</li>
 *   <li>write the unused rest of the consumed records (and its loose pages) back under the newest
 *       consumed id, which is already reusable; with no record consumed, they join its own record.</li>
 * </ol>
 * Taking pages from the leftovers shrinks the list being written, which can undo the very change
 * that needed the page: a list one page over the inline limit moves to an overflow page taken from
 * itself, drops under the limit, goes back inline, frees the page, and so on forever. So after
 * {@value #REUSING_ROUNDS} rounds new pages come only from the end of the file: from then on the
 * lists can only grow, and they settle.
 */
public final class FreeListWriter {
    private static final int MAX_ROUNDS = 64;
    private static final int REUSING_ROUNDS = 3;
    /** Pages to have at hand per level of the free-page tree: paths touched at both ends, splits. */
    private static final int SPARE_PAGES_PER_LEVEL = 4;

    private final DbRecord freeDb;
    private final TreeWriter tree;
    private final PageAllocator allocator;
    private final long txnId;

    public FreeListWriter(PageStore store, DbRecord freeDb, PageAllocator allocator, long txnId) {
        this.freeDb = freeDb;
        this.tree = new TreeWriter(store, freeDb, KeyComparator.LEXICOGRAPHIC);
        this.allocator = allocator;
        this.txnId = txnId;
    }

    public void save() {
        allocator.preload(SPARE_PAGES_PER_LEVEL * (freeDb.depth + 1));
        allocator.stopLoading();
        long[] consumed = allocator.consumedRecords();
        for (long consumedId : consumed) {
            tree.delete(FreeRecords.key(consumedId), 0);
        }
        long leftoverKey = consumed.length > 0 ? consumed[consumed.length - 1] : -1;
        long[] writtenOwn = null;
        long[] writtenLeftover = null;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            if (round == REUSING_ROUNDS) {
                allocator.takeOnlyFromEnd();
            }
            long[] own = allocator.freedPages();
            long[] leftover = allocator.leftoverPages();
            if (leftoverKey < 0) {
                own = union(own, leftover);
                leftover = new long[0];
            }
            if (Arrays.equals(own, writtenOwn) && Arrays.equals(leftover, writtenLeftover)) {
                return;
            }
            write(txnId, own);
            if (leftoverKey >= 0) {
                write(leftoverKey, leftover);
            }
            writtenOwn = own;
            writtenLeftover = leftover;
        }
        throw new StorageException("free-page list did not settle after " + MAX_ROUNDS + " rounds");
    }

    private void write(long key, long[] pages) {
        if (pages.length == 0) {
            tree.delete(FreeRecords.key(key), 0);
        } else {
            tree.put(FreeRecords.key(key), FreeRecords.value(pages), 0, TreeWriter.Mode.UPSERT);
        }
    }

    private static long[] union(long[] a, long[] b) {
        long[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        Arrays.sort(all);
        return all;
    }
}
