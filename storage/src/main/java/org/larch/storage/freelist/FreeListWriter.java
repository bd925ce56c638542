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
 *   <li>delete the records this transaction consumed;</li>
 *   <li>write the pages it freed under its own id;</li>
 *   <li>write the unused rest of the consumed records (and its loose pages) back under the newest
 *       consumed id, which is already reusable; with no record consumed, they join its own record.</li>
 * </ol>
 */
public final class FreeListWriter {
    private static final int MAX_ROUNDS = 64;

    private final TreeWriter tree;
    private final PageAllocator allocator;
    private final long txnId;

    public FreeListWriter(PageStore store, DbRecord freeDb, PageAllocator allocator, long txnId) {
        this.tree = new TreeWriter(store, freeDb, KeyComparator.LEXICOGRAPHIC);
        this.allocator = allocator;
        this.txnId = txnId;
    }

    public void save() {
        long[] consumed = allocator.consumedRecords();
        for (long consumedId : consumed) {
            tree.delete(FreeRecords.key(consumedId), 0);
        }
        allocator.stopLoading();
        long leftoverKey = consumed.length > 0 ? consumed[consumed.length - 1] : -1;
        long[] writtenOwn = null;
        long[] writtenLeftover = null;
        for (int round = 0; round < MAX_ROUNDS; round++) {
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
