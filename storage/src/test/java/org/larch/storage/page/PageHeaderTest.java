package org.larch.storage.page;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.larch.storage.page.Golden.assertBytesAt;
import static org.larch.storage.page.Golden.assertZeroes;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.larch.storage.io.DataFile;

/** Pins the 32-byte page header of {@link PageHeader}'s table, field by field, little-endian. */
class PageHeaderTest {
    private static final int PAGE = 4096;

    private static MemorySegment bytes(String text) {
        return MemorySegment.ofArray(text.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void goldenHeaderOfALeafWithOneNode() {
        byte[] page = new byte[PAGE];
        MemorySegment segment = MemorySegment.ofArray(page);
        LeafPage leaf = LeafPage.format(segment, 0, PAGE, 0x0102030405060708L);
        PageHeader.setTxnId(segment, 0, 0x1122334455667788L);
        leaf.insertRaw(0, LeafPage.encode(bytes("k"), 0, bytes("v")));
        PageHeader.seal(segment, 0, PAGE);

        assertBytesAt("08 07 06 05 04 03 02 01", page, 0, "pageNumber");
        assertBytesAt("C4 5E E6 73", page, 8, "checksum");
        assertBytesAt("02 00", page, 12, "kind (leaf)");
        assertBytesAt("01 00", page, 14, "slotCount");
        assertBytesAt("F6 0F", page, 16, "upper (4096 - 10)");
        assertBytesAt("00 00", page, 18, "reserved");
        assertBytesAt("00 00 00 00", page, 20, "overflowPages");
        assertBytesAt("88 77 66 55 44 33 22 11", page, 24, "txnId");
        assertBytesAt("F6 0F | 6B 00 00 00", page, 32, "slot 0: node offset, key prefix (\"k\" zero-padded, big-endian)");
        assertZeroes(page, 38, 4086, "free space");
        assertBytesAt("01 00 | 00 00 | 01 00 00 00 | 6B | 76", page, 4086, "node 0");
    }

    @Test
    void checksumIsCrc32cOfThePageWithTheChecksumFieldZero() {
        byte[] page = new byte[PAGE];
        MemorySegment segment = MemorySegment.ofArray(page);
        LeafPage leaf = LeafPage.format(segment, 0, PAGE, 77);
        leaf.insertRaw(0, LeafPage.encode(bytes("some key"), 0, bytes("some value")));
        PageHeader.seal(segment, 0, PAGE);

        assertArrayEquals(Golden.crc32cWithChecksumZeroed(page, 0, PAGE), Arrays.copyOfRange(page, 8, 12));
        assertTrue(PageHeader.checksumHolds(segment, 0, PAGE));
    }

    @Test
    void sealReadsAHeapPageInPlaceAtAnyOffsetAndANativeOneThroughItsBuffer() {
        byte[] array = new byte[3 * PAGE];
        MemorySegment slice = MemorySegment.ofArray(array).asSlice(PAGE, 2 * PAGE);
        LeafPage.format(slice, PAGE, PAGE, 5).insertRaw(0, LeafPage.encode(bytes("key"), 0, bytes("value")));
        PageHeader.seal(slice, PAGE, PAGE);
        assertArrayEquals(Golden.crc32cWithChecksumZeroed(array, 2 * PAGE, PAGE),
                Arrays.copyOfRange(array, 2 * PAGE + 8, 2 * PAGE + 12), "the page at its offset, not the array's start");

        MemorySegment nativePage = java.lang.foreign.Arena.ofAuto().allocate(PAGE);
        MemorySegment.copy(slice, PAGE, nativePage, 0, PAGE);
        PageHeader.setTxnId(nativePage, 0, 9);
        PageHeader.seal(nativePage, 0, PAGE);
        byte[] copy = nativePage.toArray(java.lang.foreign.ValueLayout.JAVA_BYTE);
        assertArrayEquals(Golden.crc32cWithChecksumZeroed(copy, 0, PAGE), Arrays.copyOfRange(copy, 8, 12));
    }

    @Test
    void computedChecksumIgnoresTheStoredOne() {
        byte[] page = new byte[PAGE];
        MemorySegment segment = MemorySegment.ofArray(page);
        LeafPage.format(segment, 0, PAGE, 3);
        int before = PageHeader.computeChecksum(segment, 0, PAGE);
        Arrays.fill(page, 8, 12, (byte) 0x5A);
        assertEquals(before, PageHeader.computeChecksum(segment, 0, PAGE));
        assertEquals(0x5A5A5A5A, PageHeader.storedChecksum(segment, 0));
    }

    @Test
    void anyFlippedByteBreaksTheChecksum() {
        byte[] page = new byte[PAGE];
        MemorySegment segment = MemorySegment.ofArray(page);
        LeafPage leaf = LeafPage.format(segment, 0, PAGE, 9);
        leaf.insertRaw(0, LeafPage.encode(bytes("key"), 0, bytes("value")));
        PageHeader.seal(segment, 0, PAGE);
        for (int i = 0; i < PAGE; i++) {
            page[i] ^= 0x01;
            assertFalse(PageHeader.checksumHolds(segment, 0, PAGE), "byte " + i + " flipped");
            page[i] ^= 0x01;
        }
        assertTrue(PageHeader.checksumHolds(segment, 0, PAGE));
    }

    @Test
    void checksumCoversTheWholeLengthGiven() {
        byte[] run = new byte[3 * PAGE];
        MemorySegment segment = MemorySegment.ofArray(run);
        OverflowPage.format(segment, 0, PAGE, 40, 3);
        run[3 * PAGE - 1] = 1;
        PageHeader.seal(segment, 0, 3 * PAGE);
        assertArrayEquals(Golden.crc32cWithChecksumZeroed(run, 0, 3 * PAGE), Arrays.copyOfRange(run, 8, 12));
        run[3 * PAGE - 1] = 2;
        assertFalse(PageHeader.checksumHolds(segment, 0, 3 * PAGE), "a change in the run's last page");
        run[3 * PAGE - 1] = 1;
        assertTrue(PageHeader.checksumHolds(segment, 0, 3 * PAGE));
        assertFalse(PageHeader.checksumHolds(segment, 0, PAGE), "a run's checksum does not hold for its first page alone");
    }

    @Test
    void headerAtANonZeroBaseStaysInsideItsPage() {
        byte[] file = new byte[3 * PAGE];
        Arrays.fill(file, (byte) 0xEE);
        MemorySegment segment = MemorySegment.ofArray(file);
        PageHeader.init(segment, PAGE, 0x0A0B, PageKind.BRANCH, PAGE);
        PageHeader.setTxnId(segment, PAGE, 5);
        PageHeader.setOverflowPages(segment, PAGE, 0x01020304);

        assertBytesAt("0B 0A 00 00 00 00 00 00 | 00 00 00 00 | 01 00 | 00 00 | 00 10 | 00 00 | 04 03 02 01"
                + " | 05 00 00 00 00 00 00 00", file, PAGE, "header");
        for (int i = 0; i < file.length; i++) {
            if (i < PAGE || i >= PAGE + PageHeader.SIZE) {
                assertEquals((byte) 0xEE, file[i], "byte " + i + " outside the header was touched");
            }
        }
        assertEquals(0x0A0B, PageHeader.pageNumber(segment, PAGE));
        assertEquals(PageKind.BRANCH.code, PageHeader.kindCode(segment, PAGE));
        assertEquals(5, PageHeader.txnId(segment, PAGE));
        assertEquals(0x01020304, PageHeader.overflowPages(segment, PAGE));
        PageHeader.setPageNumber(segment, PAGE, 0xFFFF_FFFF_FFL);
        assertBytesAt("FF FF FF FF FF 00 00 00", file, PAGE, "pageNumber");
    }

    @Test
    void formatClearsAStaleHeader() {
        byte[] page = new byte[PAGE];
        Arrays.fill(page, (byte) 0xFF);
        LeafPage leaf = LeafPage.format(MemorySegment.ofArray(page), 0, PAGE, 1);
        assertBytesAt("01 00 00 00 00 00 00 00 | 00 00 00 00 | 02 00 | 00 00 | 00 10 | 00 00 | 00 00 00 00"
                + " | 00 00 00 00 00 00 00 00", page, 0, "header");
        assertEquals(0, leaf.slotCount());
        assertEquals(Page.capacity(PAGE), leaf.freeBytes());
    }

    @Test
    void kindCodes() {
        assertEquals(1, PageKind.BRANCH.code);
        assertEquals(2, PageKind.LEAF.code);
        assertEquals(4, PageKind.OVERFLOW.code);
        assertEquals(8, PageKind.META.code);
        for (PageKind kind : PageKind.values()) {
            assertEquals(kind, PageKind.ofCode(kind.code));
        }
        assertNull(PageKind.ofCode(0));
        assertNull(PageKind.ofCode(3));
        assertNull(PageKind.ofCode(0xFFFF));
    }

    /**
     * A mapped overflow run whose file was cut short underneath (another process truncated it after the
     * run's first page) must fail like any other access to it: {@link InternalError}, which the engine
     * translates. Today the CRC32C runs over a direct buffer of the mapping, inside the JVM's CRC32C
     * stub, where the SIGBUS is not recoverable: the JVM dies (hs_err: "Problematic frame:
     * StubRoutines::updateBytesCRC32C"). The checker checksums mapped runs (OverflowRunCheck through
     * ReadPages.raw). A single page is safe by luck: the stored checksum is read first and faults in Java.
     */
    @Test
    void checksumOfAMappedRunCutShortByTruncationRaisesInternalErrorNotACrash(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("data.mdb");
        try (DataFile data = DataFile.open(file, false)) {
            byte[] run = new byte[3 * PAGE];
            OverflowPage.format(MemorySegment.ofArray(run), 0, PAGE, 1, 3);
            PageHeader.seal(MemorySegment.ofArray(run), 0, 3 * PAGE);
            data.write(PAGE, new ByteBuffer[] {ByteBuffer.wrap(run)});
            MemorySegment mapped = data.remap().segment().asSlice(PAGE, 3 * PAGE);
            assertTrue(PageHeader.checksumHolds(mapped, 0, 3 * PAGE));
            try (FileChannel other = FileChannel.open(file, StandardOpenOption.WRITE)) {
                other.truncate(2 * PAGE);
            }
            assertThrows(InternalError.class, () -> PageHeader.checksumHolds(mapped, 0, 3 * PAGE));
        }
    }
}
