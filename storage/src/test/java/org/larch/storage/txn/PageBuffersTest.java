package org.larch.storage.txn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.larch.storage.page.PageHeader;

class PageBuffersTest {
    private static final int PAGE_SIZE = 4096;

    @Test
    void buffersArePagesOfDistinctMemory() {
        PageBuffers buffers = new PageBuffers(PAGE_SIZE);
        List<MemorySegment> taken = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            taken.add(i % 2 == 0 ? buffers.take() : buffers.takeZeroed());
        }
        for (MemorySegment page : taken) {
            assertEquals(PAGE_SIZE, page.byteSize());
        }
        for (int i = 0; i < taken.size(); i++) {
            taken.get(i).set(ValueLayout.JAVA_INT_UNALIGNED, 0, i);
        }
        for (int i = 0; i < taken.size(); i++) {
            assertEquals(i, taken.get(i).get(ValueLayout.JAVA_INT_UNALIGNED, 0), "no two buffers overlap");
        }
        assertEquals(taken.size(), buffers.lentCount());
    }

    @Test
    void freshBuffersAreCutFromGrowingSlabsThatSealLikeLoosePages() {
        PageBuffers buffers = new PageBuffers(PAGE_SIZE);
        List<MemorySegment> taken = new ArrayList<>();
        int count = PageBuffers.FIRST_SLAB_PAGES * 3 + 5; // a first slab, a second of twice its size, a third
        for (int i = 0; i < count; i++) {
            taken.add(buffers.takeZeroed());
        }
        Object firstSlab = taken.get(0).heapBase().orElseThrow();
        assertSame(firstSlab, taken.get(PageBuffers.FIRST_SLAB_PAGES - 1).heapBase().orElseThrow(), "one slab");
        Object secondSlab = taken.get(PageBuffers.FIRST_SLAB_PAGES).heapBase().orElseThrow();
        assertTrue(firstSlab != secondSlab, "a new slab once the first is used up");
        assertEquals(2 * PageBuffers.FIRST_SLAB_PAGES * PAGE_SIZE, ((byte[]) secondSlab).length, "twice as large");
        MemorySegment page = taken.get(PageBuffers.FIRST_SLAB_PAGES + 3);
        for (int i = 0; i < PAGE_SIZE; i += 7) {
            page.set(ValueLayout.JAVA_BYTE, i, (byte) (i * 31));
        }
        PageHeader.seal(page, 0, PAGE_SIZE);
        MemorySegment loose = MemorySegment.ofArray(page.toArray(ValueLayout.JAVA_BYTE));
        assertTrue(PageHeader.checksumHolds(loose, 0, PAGE_SIZE), "sealed in place inside its slab");
        assertEquals(PageHeader.computeChecksum(loose, 0, PAGE_SIZE), PageHeader.storedChecksum(page, 0));
    }

    @Test
    void slabsStopGrowingAtTheirCap() {
        PageBuffers buffers = new PageBuffers(PAGE_SIZE);
        MemorySegment last = null;
        for (int i = 0; i < 20_000; i++) {
            last = buffers.take();
        }
        assertEquals((long) PageBuffers.MAX_SLAB_PAGES * PAGE_SIZE, ((byte[]) last.heapBase().orElseThrow()).length);
    }

    @Test
    void reclaimedBuffersAreReusedAndNoneIsLentTwice() {
        PageBuffers buffers = new PageBuffers(PAGE_SIZE);
        Map<MemorySegment, Boolean> first = new IdentityHashMap<>();
        for (int i = 0; i < 10; i++) {
            first.put(buffers.take(), true);
        }
        buffers.reclaimLent();
        assertEquals(0, buffers.lentCount());
        assertEquals(10, buffers.freeCount());
        Map<MemorySegment, Boolean> second = new IdentityHashMap<>();
        for (int i = 0; i < 10; i++) {
            MemorySegment page = buffers.take();
            assertTrue(second.put(page, true) == null, "lent once per transaction");
        }
        assertEquals(0, buffers.freeCount(), "all reused");
        assertTrue(first.keySet().stream().allMatch(second::containsKey), "the reclaimed buffers came back");
    }

    @Test
    void takeZeroedClearsAReusedBuffer() {
        PageBuffers buffers = new PageBuffers(PAGE_SIZE);
        MemorySegment page = buffers.take();
        page.fill((byte) 0x5A);
        buffers.reclaimLent();
        MemorySegment again = buffers.takeZeroed();
        assertSame(page, again, "the most recently reclaimed buffer comes first");
        assertEquals(-1L, again.mismatch(MemorySegment.ofArray(new byte[PAGE_SIZE])), "all zeros");
    }

    @Test
    void keepsAtMostTheCapOfFreeBuffers() {
        PageBuffers buffers = new PageBuffers(PAGE_SIZE);
        int count = buffers.maxKeptPages() + 100;
        for (int i = 0; i < count; i++) {
            buffers.take();
        }
        assertEquals(count, buffers.lentCount());
        buffers.reclaimLent();
        assertEquals(PageBuffers.MAX_KEPT_BYTES / PAGE_SIZE, buffers.freeCount());
        assertEquals(0, buffers.lentCount());
    }
}
