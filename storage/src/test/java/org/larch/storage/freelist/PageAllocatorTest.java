package org.larch.storage.freelist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import org.junit.jupiter.api.Test;
import org.larch.storage.MapFullException;

/** Where pages come from: loose pages, then reusable records oldest first, then the end of the file. */
class PageAllocatorTest {
    private static final int PAGE_SIZE = 4096;

    /** Hands out fixed records, oldest (lowest id) first. */
    static final class FixedRecords implements FreeRecordSource {
        private final Deque<long[]> records = new ArrayDeque<>();
        private final Deque<Long> ids = new ArrayDeque<>();
        private long[] consumed = new long[0];

        FixedRecords add(long id, long... pages) {
            ids.add(id);
            records.add(pages);
            return this;
        }

        @Override
        public long[] next() {
            if (records.isEmpty()) {
                return null;
            }
            consumed = Arrays.copyOf(consumed, consumed.length + 1);
            consumed[consumed.length - 1] = ids.poll();
            return records.poll();
        }

        @Override
        public long[] consumed() {
            return consumed.clone();
        }
    }

    private static PageAllocator allocator(long nextPage, long maxPages, FreeRecordSource records) {
        return new PageAllocator(nextPage, maxPages * PAGE_SIZE, PAGE_SIZE, records);
    }

    @Test
    void takesLoosePagesFirstThenRecordsThenTheEndOfTheFile() {
        FixedRecords records = new FixedRecords().add(3, 40, 41).add(4, 30);
        PageAllocator allocator = allocator(100, 1_000, records);
        allocator.freeOwn(70, 1);
        assertEquals(70, allocator.allocate(1), "a page this transaction freed itself comes first");
        assertEquals(40, allocator.allocate(1), "then the oldest record");
        assertEquals(41, allocator.allocate(1));
        assertEquals(30, allocator.allocate(1), "then the next record");
        assertArrayEquals(new long[] {3, 4}, allocator.consumedRecords());
        assertEquals(100, allocator.allocate(1), "then the end of the file");
        assertEquals(101, allocator.allocate(1));
        assertEquals(102, allocator.nextPage());
    }

    @Test
    void committedPagesFreedAreNotReusedInTheSameTransaction() {
        PageAllocator allocator = allocator(100, 1_000, new FixedRecords());
        allocator.freeCommitted(20, 3);
        assertEquals(100, allocator.allocate(1), "pages other snapshots may see are not reused");
        assertArrayEquals(new long[] {20, 21, 22}, allocator.freedPages());
        assertArrayEquals(new long[0], allocator.leftoverPages());
    }

    @Test
    void runsAreTakenContiguousFromRecordsOrTheEnd() {
        FixedRecords records = new FixedRecords().add(1, 10, 12, 13, 14, 20).add(2, 15);
        PageAllocator allocator = allocator(100, 1_000, records);
        assertEquals(12, allocator.allocate(4), "12..15 is contiguous once both records are loaded");
        assertArrayEquals(new long[] {10, 20}, allocator.leftoverPages());
        assertEquals(100, allocator.allocate(3), "no run of three left: from the end");
        assertEquals(103, allocator.nextPage());
    }

    @Test
    void preloadTakesRecordsUntilEnoughPagesAreAtHand() {
        FixedRecords records = new FixedRecords().add(1, 10).add(2, 11, 12).add(3, 13, 14, 15).add(4, 16);
        PageAllocator allocator = allocator(100, 1_000, records);
        allocator.preload(3);
        assertArrayEquals(new long[] {1, 2}, allocator.consumedRecords());
        assertArrayEquals(new long[] {10, 11, 12}, allocator.leftoverPages());
        allocator.preload(100);
        assertArrayEquals(new long[] {1, 2, 3, 4}, allocator.consumedRecords(), "as many as there are");
    }

    @Test
    void afterStopLoadingNoRecordIsConsumed() {
        FixedRecords records = new FixedRecords().add(1, 10);
        PageAllocator allocator = allocator(100, 1_000, records);
        allocator.stopLoading();
        assertEquals(100, allocator.allocate(1));
        assertArrayEquals(new long[0], allocator.consumedRecords());
        allocator.preload(5);
        assertArrayEquals(new long[0], allocator.consumedRecords());
    }

    @Test
    void takeOnlyFromEndIgnoresFreePages() {
        FixedRecords records = new FixedRecords().add(1, 10, 11);
        PageAllocator allocator = allocator(100, 1_000, records);
        assertEquals(10, allocator.allocate(1));
        allocator.freeOwn(50, 1);
        allocator.takeOnlyFromEnd();
        assertEquals(100, allocator.allocate(1));
        assertEquals(101, allocator.allocate(2));
        assertArrayEquals(new long[] {11, 50}, allocator.leftoverPages(), "free pages stay free");
    }

    @Test
    void endOfTheMapIsMapFull() {
        PageAllocator allocator = allocator(98, 100, new FixedRecords());
        assertEquals(98, allocator.allocate(2));
        MapFullException e = assertThrows(MapFullException.class, () -> allocator.allocate(1));
        assertEquals(true, e.getMessage().contains("maxsize"), e.getMessage());
        allocator.freeOwn(98, 1);
        assertEquals(98, allocator.allocate(1), "a loose page still serves after the map is full");
    }
}
