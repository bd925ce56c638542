package org.larch.storage.page;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.larch.storage.page.Golden.assertBytesAt;
import static org.larch.storage.page.Golden.assertZeroes;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Pins the meta page of {@link MetaPage}'s table, and how reading one tells a trustworthy page from a bad one. */
class MetaPageTest {
    private static final int PAGE = 4096;

    private static Meta sampleMeta() {
        DbRecord freeDb = new DbRecord(8);
        freeDb.depth = 2;
        freeDb.branchPages = 1;
        freeDb.leafPages = 5;
        freeDb.entries = 0x11;
        freeDb.rootPage = 0x99;
        DbRecord mainDb = new DbRecord(0);
        mainDb.depth = 3;
        mainDb.branchPages = 0x102;
        mainDb.leafPages = 0x0A0B0C;
        mainDb.overflowPages = 7;
        mainDb.entries = 0x1_0000_0000L;
        mainDb.rootPage = 0x3FF;
        return new Meta(PAGE, 1L << 36, 0x1_0000_002AL, 0x304, freeDb, mainDb);
    }

    private static byte[] written(Meta meta, long pageNumber) {
        byte[] page = new byte[meta.pageSize()];
        MetaPage.write(MemorySegment.ofArray(page), pageNumber, meta);
        return page;
    }

    private static MetaPage.Result read(byte[] page, long pageNumber) {
        return MetaPage.read(MemorySegment.ofArray(page), pageNumber);
    }

    private static String invalidReason(MetaPage.Result result) {
        return assertInstanceOf(MetaPage.Invalid.class, result).reason();
    }

    private static void assertSameMeta(Meta expected, Meta actual) {
        assertEquals(expected.pageSize(), actual.pageSize(), "pageSize");
        assertEquals(expected.maxSizeBytes(), actual.maxSizeBytes(), "maxSizeBytes");
        assertEquals(expected.txnId(), actual.txnId(), "txnId");
        assertEquals(expected.lastPage(), actual.lastPage(), "lastPage");
        DbRecordTest.assertSameFields(expected.freeDb(), actual.freeDb());
        DbRecordTest.assertSameFields(expected.mainDb(), actual.mainDb());
    }

    /** Sets a u32 field directly, little-endian, without going through the code under test. */
    private static void putU32(byte[] page, int offset, int value) {
        for (int i = 0; i < 4; i++) {
            page[offset + i] = (byte) (value >>> (8 * i));
        }
    }

    // ---- golden bytes

    @Test
    void goldenMetaPage() {
        byte[] page = new byte[PAGE];
        Arrays.fill(page, (byte) 0xFF);
        MetaPage.write(MemorySegment.ofArray(page), 0, sampleMeta());

        assertBytesAt("00 00 00 00 00 00 00 00", page, 0, "header pageNumber");
        assertBytesAt("20 22 43 43", page, 8, "header checksum");
        assertBytesAt("08 00", page, 12, "header kind (meta)");
        assertBytesAt("00 00 | 00 10 | 00 00 | 00 00 00 00", page, 14, "slotCount, upper, reserved, overflowPages");
        assertBytesAt("2A 00 00 00 01 00 00 00", page, 24, "header txnId");
        assertBytesAt("43 52 41 4C", page, 32, "magic");
        assertBytesAt("01 00 00 00", page, 36, "formatVersion");
        assertBytesAt("00 10 00 00", page, 40, "pageSize");
        assertBytesAt("00 00 00 00", page, 44, "reserved");
        assertBytesAt("00 00 00 00 10 00 00 00", page, 48, "maxSizeBytes");
        assertBytesAt("2A 00 00 00 01 00 00 00", page, 56, "txnId");
        assertBytesAt("04 03 00 00 00 00 00 00", page, 64, "lastPage");
        assertBytesAt("""
                08 00 00 00 | 02 00 | 00 00 | 01 00 00 00 00 00 00 00 | 05 00 00 00 00 00 00 00
                | 00 00 00 00 00 00 00 00 | 11 00 00 00 00 00 00 00 | 99 00 00 00 00 00 00 00""",
                page, 72, "freeDb");
        assertBytesAt("""
                00 00 00 00 | 03 00 | 00 00 | 02 01 00 00 00 00 00 00 | 0C 0B 0A 00 00 00 00 00
                | 07 00 00 00 00 00 00 00 | 00 00 00 00 01 00 00 00 | FF 03 00 00 00 00 00 00""",
                page, 120, "mainDb");
        assertZeroes(page, 168, PAGE, "the rest of the page");
    }

    @Test
    void checksumIsCrc32cOfThePageWithTheChecksumFieldZero() {
        byte[] page = written(sampleMeta(), 1);
        assertArrayEquals(Golden.crc32cWithChecksumZeroed(page, 0, PAGE), Arrays.copyOfRange(page, 8, 12));
    }

    @Test
    void writesItsOwnPageNumber() {
        assertBytesAt("01 00 00 00 00 00 00 00", written(sampleMeta(), 1), 0, "pageNumber");
    }

    @Test
    void magicIsLittleEndian0x4C415243() {
        assertEquals(0x4C415243, MetaPage.MAGIC);
        assertEquals(1, MetaPage.FORMAT_VERSION);
    }

    // ---- reading

    @Test
    void aWrittenPageReadsBack() {
        Meta meta = sampleMeta();
        MetaPage.Valid valid = assertInstanceOf(MetaPage.Valid.class, read(written(meta, 0), 0));
        assertSameMeta(meta, valid.meta());
    }

    @Test
    void everyPageSizeRoundTrips() {
        for (int pageSize = 512; pageSize <= 32768; pageSize *= 2) {
            Meta meta = new Meta(pageSize, 10L * pageSize, 3, 9, new DbRecord(0), new DbRecord(0));
            byte[] page = written(meta, 1);
            assertEquals(pageSize, page.length);
            assertSameMeta(meta, assertInstanceOf(MetaPage.Valid.class, read(page, 1)).meta());
        }
    }

    @Test
    void readsFromAPageInsideALargerSegment() {
        byte[] file = new byte[3 * PAGE];
        MemorySegment segment = MemorySegment.ofArray(file);
        MetaPage.write(segment.asSlice(PAGE, PAGE), 1, sampleMeta());
        assertInstanceOf(MetaPage.Valid.class, MetaPage.read(segment.asSlice(PAGE, PAGE), 1));
        assertZeroes(file, 0, PAGE, "page 0");
        assertZeroes(file, 2 * PAGE, 3 * PAGE, "page 2");
    }

    @Test
    void wrongMagicIsInvalid() {
        byte[] page = written(sampleMeta(), 0);
        putU32(page, 32, 0xBEEFC0DE);
        String reason = invalidReason(read(page, 0));
        assertTrue(reason.contains("magic") && reason.contains("meta page 0"), reason);
    }

    @Test
    void anAllZeroPageIsInvalid() {
        String reason = invalidReason(read(new byte[PAGE], 1));
        assertTrue(reason.contains("magic") && reason.contains("meta page 1"), reason);
    }

    @Test
    void wrongVersionIsInvalidEvenWithAGoodChecksum() {
        byte[] page = written(sampleMeta(), 0);
        putU32(page, 36, 2);
        PageHeader.seal(MemorySegment.ofArray(page), 0, PAGE);
        String reason = invalidReason(read(page, 0));
        assertTrue(reason.contains("format version 2"), reason);
    }

    @Test
    void wrongPageSizeIsInvalidEvenWithAGoodChecksum() {
        byte[] page = written(sampleMeta(), 0);
        putU32(page, 40, 8192);
        PageHeader.seal(MemorySegment.ofArray(page), 0, PAGE);
        String reason = invalidReason(read(page, 0));
        assertTrue(reason.contains("page size 8192"), reason);
    }

    @Test
    void aPageReadWithTheWrongLengthIsInvalid() {
        byte[] page = written(sampleMeta(), 0);
        byte[] longer = Arrays.copyOf(page, 2 * PAGE);
        String reason = invalidReason(read(longer, 0));
        assertTrue(reason.contains("page size 4096"), reason);
        String shorter = invalidReason(MetaPage.read(MemorySegment.ofArray(page).asSlice(0, 2048), 0));
        assertTrue(shorter.contains("page size 4096"), shorter);
    }

    @Test
    void aFlippedByteAnywhereIsInvalidAndTheReasonNamesTheProblem() {
        byte[] page = written(sampleMeta(), 0);
        for (int i = 0; i < PAGE; i++) {
            for (int mask : new int[] {0x01, 0x80}) {
                page[i] ^= (byte) mask;
                String reason = invalidReason(read(page, 0));
                String expected = i >= 32 && i < 36 ? "magic"
                        : i >= 36 && i < 40 ? "format version"
                        : i >= 40 && i < 44 ? "page size"
                        : "checksum";
                assertTrue(reason.contains(expected) && reason.contains("meta page 0"),
                        "byte " + i + " ^ " + mask + ": " + reason);
                page[i] ^= (byte) mask;
            }
        }
        assertInstanceOf(MetaPage.Valid.class, read(page, 0));
    }

    @Test
    void pageSizeOfReadsThePrefix() {
        byte[] page = written(new Meta(16384, 1 << 30, 1, 3, new DbRecord(0), new DbRecord(0)), 0);
        MemorySegment prefix = MemorySegment.ofArray(Arrays.copyOf(page, MetaPage.PREFIX_BYTES));
        assertEquals(16384, MetaPage.pageSizeOf(prefix));
        assertEquals(-1, MetaPage.pageSizeOf(MemorySegment.ofArray(new byte[MetaPage.PREFIX_BYTES])));
        assertEquals(48, MetaPage.PREFIX_BYTES);
    }

    @Test
    void aMetaPageReadFromTheOtherSlotIsInvalid() {
        byte[] writtenForSlotOne = written(sampleMeta(), 1);
        String reason = invalidReason(read(writtenForSlotOne, 0));
        assertTrue(reason.contains("meta page 0") && reason.contains("1"), reason);
    }
}
