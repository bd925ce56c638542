package org.larch.storage.freelist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.larch.storage.btree.TreeCursor;
import org.larch.storage.btree.TreeWriter;
import org.larch.storage.io.Mapping;
import org.larch.storage.page.DbRecord;
import org.larch.storage.page.KeyComparator;
import org.larch.storage.txn.ReadPages;
import org.larch.storage.txn.WritePages;

/**
 * Writing the free-page tree changes the lists being written; it must settle, and every free page
 * must end up listed exactly once and never also be used by the tree that lists it.
 */
class FreeListWriterTest {
    private static final int PAGE_SIZE = 4096;
    private static final long TXN_ID = 9;
    private static final long FIRST_NEW_PAGE = 1_000;

    /**
     * Regression: a list of 251 pages fits a leaf node, one of 252 does not. Putting 252 took an
     * overflow page from the very list, leaving 251, which went back inline and freed the page,
     * leaving 252 again: the writer gave up after 64 rounds and the commit failed.
     */
    @Test
    void leftoverListOnTheInlineLimitSettles() {
        long[] record = pages(100, 254);
        Store store = new Store(new PageAllocatorTest.FixedRecords().add(5, record));
        assertEquals(100, store.allocator.allocate(1), "the transaction used one page of record 5");

        new FreeListWriter(store.pages, store.freeDb, store.allocator, TXN_ID).save();

        Map<Long, long[]> written = store.records();
        assertEquals(1, written.size(), "the rest of record 5 is written back under its id: " + written.keySet());
        assertListedOnceAndUnused(store, written, pages(101, 253));
    }

    /**
     * Regression: deleting the records a transaction consumed copies free-tree pages, and the pages
     * for those copies were taken by consuming further records, which were then never deleted: their
     * pages stayed listed under their own id and were also written back as leftovers (listed twice),
     * some while in use by the free-page tree itself.
     */
    @Test
    void recordsTakenWhileWritingTheTreeAreDeletedToo() {
        Store first = new Store(new PageAllocatorTest.FixedRecords());
        first.putRecord(3, 10);
        first.putRecord(4, pages(11, 20));
        first.putRecord(5, pages(31, 20));
        Store store = first.commit(committed -> new FreeListReader(committed, first.freeDb.copy(), () -> TXN_ID - 1));
        assertEquals(10, store.allocator.allocate(1), "the transaction used record 3 up");

        new FreeListWriter(store.pages, store.freeDb, store.allocator, TXN_ID).save();

        Map<Long, long[]> written = store.records();
        long[] stillFree = new long[40];
        System.arraycopy(pages(11, 20), 0, stillFree, 0, 20);
        System.arraycopy(pages(31, 20), 0, stillFree, 20, 20);
        assertListedOnceAndUnused(store, written, stillFree);
    }

    /** Regression: with its consumed records used up, writing the tree grew the file while records were free. */
    @Test
    void treeWritesTakeReusablePagesNotTheEndOfTheFile() {
        Store first = new Store(new PageAllocatorTest.FixedRecords());
        first.putRecord(3, 10);
        first.putRecord(4, pages(11, 20));
        Store store = first.commit(committed -> new FreeListReader(committed, first.freeDb.copy(), () -> TXN_ID - 1));
        store.allocator.allocate(1);
        long end = store.allocator.nextPage();

        new FreeListWriter(store.pages, store.freeDb, store.allocator, TXN_ID).save();

        assertEquals(end, store.allocator.nextPage(), "no page came from the end of the file");
        assertListedOnceAndUnused(store, store.records(), pages(11, 20));
    }

    @Test
    void freedPagesGoUnderTheTransactionAndLeftoversUnderTheNewestConsumedRecord() {
        Store store = new Store(new PageAllocatorTest.FixedRecords().add(3, 10, 11).add(4, 12, 13, 14));
        store.allocator.allocate(3);
        store.allocator.freeCommitted(500, 4);

        new FreeListWriter(store.pages, store.freeDb, store.allocator, TXN_ID).save();

        Map<Long, long[]> written = store.records();
        assertTrue(written.containsKey(TXN_ID), "own record: " + written.keySet());
        assertTrue(written.containsKey(4L), "leftover record: " + written.keySet());
        TreeSet<Long> own = set(written.get(TXN_ID));
        assertTrue(own.containsAll(set(pages(500, 4))), "the freed committed pages: " + own);
        assertListedOnceAndUnused(store, written, new long[0]);
    }

    @Test
    void longListsInOverflowRunsSettle() {
        Store store = new Store(new PageAllocatorTest.FixedRecords().add(2, pages(100, 3_000)));
        store.allocator.allocate(1);
        store.allocator.freeCommitted(5_000, 2_000);

        new FreeListWriter(store.pages, store.freeDb, store.allocator, TXN_ID).save();

        Map<Long, long[]> written = store.records();
        assertEquals(2_000, written.get(TXN_ID).length);
        assertListedOnceAndUnused(store, written, pages(101, 2_999));
    }

    /**
     * Every page listed once; none of them used by the free-page tree itself; and every page of
     * {@code mustStayFree} that the tree did not take is still listed.
     */
    private static void assertListedOnceAndUnused(Store store, Map<Long, long[]> written, long[] mustStayFree) {
        TreeSet<Long> listed = new TreeSet<>();
        for (var record : written.entrySet()) {
            for (long page : record.getValue()) {
                assertTrue(listed.add(page), "page " + page + " listed twice");
            }
        }
        TreeSet<Long> used = store.usedPages();
        for (long page : used) {
            assertTrue(!listed.contains(page), "page " + page + " is listed free but holds the free-page tree");
        }
        for (long page : mustStayFree) {
            assertTrue(listed.contains(page) || used.contains(page), "page " + page + " was lost");
        }
    }

    private static long[] pages(long first, int count) {
        long[] pages = new long[count];
        for (int i = 0; i < count; i++) {
            pages[i] = first + i;
        }
        return pages;
    }

    private static TreeSet<Long> set(long[] pages) {
        TreeSet<Long> set = new TreeSet<>();
        for (long page : pages) {
            set.add(page);
        }
        return set;
    }

    /** A write transaction's pages over a committed file held on the heap. */
    private static final class Store {
        final ReadPages committed;
        final PageAllocator allocator;
        final WritePages pages;
        final DbRecord freeDb;

        /** Over an empty file of two (meta) pages. */
        Store(FreeRecordSource records) {
            this(MemorySegment.ofArray(new byte[2 * PAGE_SIZE]), new DbRecord(0), ignored -> records);
        }

        Store(MemorySegment file, DbRecord freeDb, Function<ReadPages, FreeRecordSource> records) {
            this.committed = new ReadPages(new Mapping(file, file.byteSize()), PAGE_SIZE,
                    file.byteSize() / PAGE_SIZE - 1);
            this.freeDb = freeDb;
            this.allocator = new PageAllocator(Math.max(FIRST_NEW_PAGE, committed.lastPage() + 1), 1L << 30,
                    PAGE_SIZE, records.apply(committed));
            this.pages = new WritePages(committed, allocator);
        }

        /** Writes a record straight into the free-page tree. */
        void putRecord(long txnId, long... pageNumbers) {
            new TreeWriter(pages, freeDb, KeyComparator.LEXICOGRAPHIC).put(FreeRecords.key(txnId),
                    FreeRecords.value(pageNumbers), 0, TreeWriter.Mode.UPSERT);
        }

        /**
         * What a commit of a transaction over the empty file leaves: its dirty pages in place in a new
         * file, which the next transaction reads.
         */
        Store commit(Function<ReadPages, FreeRecordSource> records) {
            MemorySegment file = MemorySegment.ofArray(new byte[(int) (allocator.nextPage() * PAGE_SIZE)]);
            for (long first : pages.dirtyPageNumbers()) {
                MemorySegment bytes = pages.dirtyBytes(first);
                MemorySegment.copy(bytes, 0, file, first * PAGE_SIZE, bytes.byteSize());
            }
            return new Store(file, freeDb.copy(), records);
        }

        /** The records of the free-page tree, by transaction id. */
        Map<Long, long[]> records() {
            Map<Long, long[]> records = new TreeMap<>();
            TreeCursor cursor = new TreeCursor(pages, freeDb, KeyComparator.LEXICOGRAPHIC);
            for (boolean more = cursor.first(); more; more = cursor.next()) {
                records.put(FreeRecords.txnIdOf(cursor.key()), FreeRecords.pagesOf(cursor.value()));
            }
            return records;
        }

        /** Pages the transaction holds: the tree's pages and overflow runs. */
        TreeSet<Long> usedPages() {
            TreeSet<Long> used = new TreeSet<>();
            for (long first : pages.dirtyPageNumbers()) {
                long length = pages.dirtyBytes(first).byteSize() / PAGE_SIZE;
                for (int i = 0; i < length; i++) {
                    used.add(first + i);
                }
            }
            assertEquals(freeDb.leafPages + freeDb.branchPages + freeDb.overflowPages, used.size(),
                    "the tree's counts match its pages: " + freeDb);
            return used;
        }
    }
}
