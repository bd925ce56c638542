package org.larch.storage.freelist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.larch.storage.MapFullException;

/**
 * The allocator of a child transaction: a copy that leaves its parent as it was until the parent
 * adopts it; free-page records the child consumed are handed out again when it is dropped.
 */
class NestedPageAllocatorTest {
    private static final int PAGE_SIZE = 4096;

    /** Records with ids 1, 2, 3, … holding the given pages; counts how often it was asked. */
    private static final class Records implements FreeRecordSource {
        private final List<long[]> records;
        private int handedOut;

        Records(long[]... records) {
            this.records = List.of(records);
        }

        @Override
        public long[] next() {
            return handedOut < records.size() ? records.get(handedOut++) : null;
        }

        @Override
        public long[] consumed() {
            long[] ids = new long[handedOut];
            for (int i = 0; i < handedOut; i++) {
                ids[i] = i + 1;
            }
            return ids;
        }
    }

    @Test
    void aDroppedCopyLeavesTheParentExactlyAsItWas() {
        Records records = new Records(new long[] {10, 11}, new long[] {20, 21, 22}, new long[] {30});
        PageAllocator parent = new PageAllocator(100, 1_000L * PAGE_SIZE, PAGE_SIZE, records);
        assertEquals(10, parent.allocate(1));
        parent.freeOwn(50, 1);
        parent.freeCommitted(60, 2);

        PageAllocator child = parent.copyForChild();
        assertEquals(50, child.allocate(1), "the copy has the parent's loose page");
        assertEquals(11, child.allocate(1));
        assertEquals(20, child.allocate(1), "and consumes further records");
        assertEquals(21, child.allocate(1));
        assertEquals(22, child.allocate(1));
        assertEquals(30, child.allocate(1));
        assertEquals(100, child.allocate(3));
        child.freeCommitted(70, 1);
        child.freeOwn(100, 3);
        assertArrayEquals(new long[] {1, 2, 3}, child.consumedRecords());
        assertArrayEquals(new long[] {70}, child.freedPages(), "a copy collects only what it freed itself");

        assertArrayEquals(new long[] {1}, parent.consumedRecords(), "the parent consumed only its own record");
        assertArrayEquals(new long[] {60, 61}, parent.freedPages());
        assertArrayEquals(new long[] {11, 50}, parent.leftoverPages());
        assertEquals(100, parent.nextPage());
        List<Long> taken = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            taken.add(parent.allocate(1));
        }
        assertEquals(List.of(50L, 11L, 20L, 21L, 22L, 30L, 100L), taken,
                "records the dropped copy consumed are handed out again, in order");
        assertArrayEquals(new long[] {1, 2, 3}, parent.consumedRecords());
    }

    @Test
    void adoptingACopyTakesOverItsState() {
        Records records = new Records(new long[] {10, 11}, new long[] {20});
        PageAllocator parent = new PageAllocator(100, 1_000L * PAGE_SIZE, PAGE_SIZE, records);
        parent.freeCommitted(60, 1);
        PageAllocator child = parent.copyForChild();
        assertEquals(10, child.allocate(1));
        assertEquals(11, child.allocate(1));
        assertEquals(20, child.allocate(1));
        assertEquals(100, child.allocate(2));
        child.freeOwn(11, 1);
        child.freeCommitted(61, 1);

        parent.adopt(child);
        assertArrayEquals(new long[] {60, 61}, parent.freedPages());
        assertArrayEquals(new long[] {11}, parent.leftoverPages());
        assertArrayEquals(new long[] {1, 2}, parent.consumedRecords());
        assertEquals(102, parent.nextPage());
        assertEquals(11, parent.allocate(1));
        assertEquals(102, parent.allocate(1));
    }

    @Test
    void copiesOfCopiesNestAndOnlyCopiesCanBeAdopted() {
        PageAllocator top = new PageAllocator(100, 1_000L * PAGE_SIZE, PAGE_SIZE, new Records(new long[] {5}));
        PageAllocator middle = top.copyForChild();
        PageAllocator bottom = middle.copyForChild();
        assertEquals(5, bottom.allocate(1));
        middle.adopt(bottom);
        assertEquals(100, middle.allocate(1));
        assertEquals(5, top.allocate(1), "the top never saw the middle's work");
        PageAllocator stranger = new PageAllocator(100, 1_000L * PAGE_SIZE, PAGE_SIZE, new Records());
        assertThrows(IllegalArgumentException.class, () -> top.adopt(stranger));
    }

    @Test
    void aCopyHitsTheSameMaximumSize() {
        PageAllocator parent = new PageAllocator(8, 10L * PAGE_SIZE, PAGE_SIZE, new Records());
        PageAllocator child = parent.copyForChild();
        assertEquals(8, child.allocate(2));
        assertThrows(MapFullException.class, () -> child.allocate(1));
        assertEquals(8, parent.allocate(1), "the parent still has the pages its dropped child took");
    }

    @Test
    void copiesOfPageNumbersAreIndependent() {
        PageNumbers numbers = new PageNumbers();
        numbers.addAll(new long[] {9, 3, 7, 1});
        assertEquals(1, numbers.takeLowest());
        numbers.add(2);
        PageNumbers copy = numbers.copy();
        copy.add(4);
        assertEquals(2, copy.takeLowest());
        assertEquals(3, copy.takeRun(2));
        assertArrayEquals(new long[] {2, 3, 7, 9}, numbers.toSortedArray());
        assertArrayEquals(new long[] {7, 9}, copy.toSortedArray());
        for (int i = 100; i < 140; i++) {
            copy.add(i);
        }
        assertEquals(42, copy.size());
        assertEquals(4, numbers.size());
    }
}
