package org.larch.storage.page;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Pins the 48-byte database descriptor of {@link DbRecord}'s table. */
class DbRecordTest {
    private static final String GOLDEN = """
            01 00 00 80             | flags
            DC FE                   | depth
            00 00                   | reserved
            08 07 06 05 04 03 02 01 | branchPages
            18 17 16 15 14 13 12 11 | leafPages
            28 27 26 25 24 23 22 21 | overflowPages
            38 37 36 35 34 33 32 31 | entries
            48 47 46 45 44 43 42 41 | rootPage
            """.replaceAll("\\|[^\\n]*", "");

    static DbRecord sample() {
        DbRecord record = new DbRecord(0x8000_0001);
        record.depth = 0xFEDC;
        record.branchPages = 0x0102030405060708L;
        record.leafPages = 0x1112131415161718L;
        record.overflowPages = 0x2122232425262728L;
        record.entries = 0x3132333435363738L;
        record.rootPage = 0x4142434445464748L;
        return record;
    }

    static void assertSameFields(DbRecord expected, DbRecord actual) {
        assertEquals(expected.flags, actual.flags, "flags");
        assertEquals(expected.depth, actual.depth, "depth");
        assertEquals(expected.branchPages, actual.branchPages, "branchPages");
        assertEquals(expected.leafPages, actual.leafPages, "leafPages");
        assertEquals(expected.overflowPages, actual.overflowPages, "overflowPages");
        assertEquals(expected.entries, actual.entries, "entries");
        assertEquals(expected.rootPage, actual.rootPage, "rootPage");
    }

    @Test
    void goldenBytes() {
        byte[] bytes = sample().toBytes();
        assertEquals(48, DbRecord.SIZE);
        assertArrayEquals(Golden.bytes(GOLDEN), bytes, Golden.hex(bytes));
    }

    @Test
    void encodeWritesExactly48BytesAtTheOffsetAndZeroesTheReservedField() {
        byte[] buffer = new byte[100];
        Arrays.fill(buffer, (byte) 0xFF);
        sample().encode(MemorySegment.ofArray(buffer), 20);
        assertArrayEquals(Golden.bytes(GOLDEN), Arrays.copyOfRange(buffer, 20, 68));
        for (int i = 0; i < buffer.length; i++) {
            if (i < 20 || i >= 68) {
                assertEquals((byte) 0xFF, buffer[i], "byte " + i + " outside the record");
            }
        }
    }

    @Test
    void decodesTheGoldenBytes() {
        byte[] buffer = new byte[3 + 48];
        System.arraycopy(Golden.bytes(GOLDEN), 0, buffer, 3, 48);
        DbRecord record = DbRecord.decode(MemorySegment.ofArray(buffer), 3);
        assertEquals(0x8000_0001, record.flags);
        assertEquals(0xFEDC, record.depth, "depth is unsigned");
        assertEquals(0x0102030405060708L, record.branchPages);
        assertEquals(0x1112131415161718L, record.leafPages);
        assertEquals(0x2122232425262728L, record.overflowPages);
        assertEquals(0x3132333435363738L, record.entries);
        assertEquals(0x4142434445464748L, record.rootPage);
    }

    @Test
    void roundTrips() {
        DbRecord empty = new DbRecord(0);
        assertArrayEquals(new byte[48], empty.toBytes());
        assertSameFields(empty, DbRecord.decode(MemorySegment.ofArray(empty.toBytes()), 0));
        assertSameFields(sample(), DbRecord.decode(MemorySegment.ofArray(sample().toBytes()), 0));
    }

    @Test
    void copyIsIndependent() {
        DbRecord original = sample();
        DbRecord copy = original.copy();
        assertNotSame(original, copy);
        assertSameFields(original, copy);
        copy.entries++;
        copy.rootPage = 5;
        assertEquals(0x3132333435363738L, original.entries);
        assertEquals(0x4142434445464748L, original.rootPage);
    }

    @Test
    void clearForgetsTheTreeButKeepsTheFlags() {
        DbRecord record = sample();
        assertFalse(record.isEmpty());
        record.clear();
        assertTrue(record.isEmpty());
        assertEquals(0x8000_0001, record.flags);
        DbRecord expected = new DbRecord(0x8000_0001);
        assertSameFields(expected, record);
    }
}
