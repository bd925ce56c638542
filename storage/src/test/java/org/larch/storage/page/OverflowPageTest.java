package org.larch.storage.page;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.larch.storage.page.Golden.assertBytesAt;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Pins an overflow run's header (only its first page has one) and where the value lies. */
class OverflowPageTest {
    private static final int PAGE = 4096;

    @Test
    void goldenHeaderOfARun() {
        byte[] run = new byte[3 * PAGE];
        Arrays.fill(run, (byte) 0xCC);
        MemorySegment segment = MemorySegment.ofArray(run);
        OverflowPage.format(segment, 0, PAGE, 0x20, 3);
        PageHeader.setTxnId(segment, 0, 5);

        assertBytesAt("20 00 00 00 00 00 00 00", run, 0, "pageNumber (first page of the run)");
        assertBytesAt("00 00 00 00", run, 8, "checksum (not sealed yet)");
        assertBytesAt("04 00", run, 12, "kind (overflow)");
        assertBytesAt("00 00", run, 14, "slotCount");
        assertBytesAt("00 10", run, 16, "upper: init writes the page size for every kind");
        assertBytesAt("00 00", run, 18, "reserved");
        assertBytesAt("03 00 00 00", run, 20, "overflowPages");
        assertBytesAt("05 00 00 00 00 00 00 00", run, 24, "txnId");
        assertBytesAt("CC CC", run, 32, "the value area is not touched by format");
        assertBytesAt("CC CC", run, PAGE, "the second page has no header");
    }

    @Test
    void theValueStartsAfterTheHeaderAndCrossesPages() {
        byte[] run = new byte[2 * PAGE];
        MemorySegment segment = MemorySegment.ofArray(run);
        OverflowPage.format(segment, 0, PAGE, 9, 2);
        byte[] value = new byte[PAGE + 100];
        for (int i = 0; i < value.length; i++) {
            value[i] = (byte) (i * 31 + 7);
        }
        MemorySegment slot = OverflowPage.value(segment, 0, value.length);
        MemorySegment.copy(MemorySegment.ofArray(value), 0, slot, 0, value.length);

        assertEquals(value[0], run[32]);
        assertEquals(value[PAGE - 32], run[PAGE], "the value runs on into the next page");
        assertArrayEquals(value, Arrays.copyOfRange(run, 32, 32 + value.length));
        assertArrayEquals(value, OverflowPage.value(segment, 0, value.length).toArray(ValueLayout.JAVA_BYTE));
        assertEquals(2, PageHeader.overflowPages(segment, 0));
        assertEquals(PageKind.OVERFLOW.code, PageHeader.kindCode(segment, 0));
    }

    @Test
    void aRunAtANonZeroBase() {
        byte[] file = new byte[4 * PAGE];
        MemorySegment segment = MemorySegment.ofArray(file);
        OverflowPage.format(segment, 2 * PAGE, PAGE, 2, 2);
        OverflowPage.value(segment, 2 * PAGE, 3).copyFrom(MemorySegment.ofArray(new byte[] {1, 2, 3}));
        assertBytesAt("02 00 00 00 00 00 00 00", file, 2 * PAGE, "pageNumber");
        assertBytesAt("01 02 03", file, 2 * PAGE + 32, "value");
    }

    @Test
    void pagesForCountsTheHeader() {
        assertEquals(1, OverflowPage.pagesFor(0, PAGE));
        assertEquals(1, OverflowPage.pagesFor(PAGE - 32, PAGE), "exactly fills one page after the header");
        assertEquals(2, OverflowPage.pagesFor(PAGE - 31, PAGE));
        assertEquals(2, OverflowPage.pagesFor(2 * PAGE - 32, PAGE));
        assertEquals(3, OverflowPage.pagesFor(2 * PAGE - 31, PAGE));
        assertEquals(245, OverflowPage.pagesFor(1_000_000, PAGE));
        assertEquals(2, OverflowPage.pagesFor(512, 512));
        assertEquals(1, OverflowPage.pagesFor(480, 512));
    }
}
