package org.larch.storage.tools;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.larch.storage.DbiFlag;

/** The data-line encodings and the header layout of mdb_dump's text format. */
class DumpFormatTest {

    @Test
    void hexWritesTwoLowercaseDigitsPerByte() {
        assertEquals(" 00ff7f5c0a\n", line(new byte[] {0, (byte) 0xff, 0x7f, '\\', '\n'}, false));
        assertEquals(" \n", line(new byte[0], false));
    }

    @Test
    void printWritesPrintableAsciiAsItselfAndEscapesTheRest() {
        byte[] data = {'a', ' ', '~', '\\', 0x7f, 0x1f, '\n', (byte) 0xe9, 0};
        assertEquals(" a ~\\\\\\7f\\1f\\0a\\e9\\00\n", line(data, true));
    }

    @Test
    void decodingUndoesEncodingForEveryByte() {
        Random random = new Random(5);
        for (int round = 0; round < 200; round++) {
            byte[] data = new byte[random.nextInt(40)];
            random.nextBytes(data);
            for (boolean printable : List.of(true, false)) {
                byte[] encoded = line(data, printable).getBytes(StandardCharsets.US_ASCII);
                int length = encoded.length - 2;
                byte[] decoded = printable ? DumpFormat.decodePrintable(encoded, 1, length)
                        : DumpFormat.decodeHex(encoded, 1, length);
                assertArrayEquals(data, decoded);
            }
        }
    }

    @Test
    void decodingAcceptsUppercaseHexAndRawBytesInPrint() {
        assertArrayEquals(new byte[] {(byte) 0xab, (byte) 0xc0}, DumpFormat.decodeHex(ascii("ABc0"), 0, 4));
        assertArrayEquals(new byte[] {'x', (byte) 0xab, '\t'}, DumpFormat.decodePrintable(ascii("x\\AB\t"), 0, 5));
    }

    @Test
    void badDataNamesTheColumn() {
        IllegalArgumentException odd = assertThrows(IllegalArgumentException.class,
                () -> DumpFormat.decodeHex(ascii(" abc"), 1, 3));
        assertTrue(odd.getMessage().contains("odd number"), odd.getMessage());
        IllegalArgumentException digit = assertThrows(IllegalArgumentException.class,
                () -> DumpFormat.decodeHex(ascii(" 0g"), 1, 2));
        assertTrue(digit.getMessage().contains("column 3") && digit.getMessage().contains("'g'"), digit.getMessage());
        IllegalArgumentException backslash = assertThrows(IllegalArgumentException.class,
                () -> DumpFormat.decodePrintable(ascii(" ab\\q1"), 1, 5));
        assertTrue(backslash.getMessage().contains("column 4"), backslash.getMessage());
        IllegalArgumentException shortEscape = assertThrows(IllegalArgumentException.class,
                () -> DumpFormat.decodePrintable(ascii(" ab\\1"), 1, 4));
        assertTrue(shortEscape.getMessage().contains("column 4"), shortEscape.getMessage());
    }

    @Test
    void headerHasMdbDumpsLinesInMdbDumpsOrder() {
        int flags = DbiFlag.DUPSORT.bits | DbiFlag.INTEGERKEY.bits | DbiFlag.REVERSEKEY.bits | DbiFlag.DUPFIXED.bits;
        DumpHeader header = new DumpHeader(false, "people", 1048576, 126, 4096, flags);
        assertEquals("""
                VERSION=3
                format=bytevalue
                database=people
                type=btree
                mapsize=1048576
                maxreaders=126
                duplicates=1
                reversekey=1
                dupsort=1
                integerkey=1
                dupfixed=1
                db_pagesize=4096
                HEADER=END
                """, header.format());
        assertEquals("""
                VERSION=3
                format=print
                type=btree
                mapsize=68719476736
                maxreaders=126
                db_pagesize=8192
                HEADER=END
                """, new DumpHeader(true, null, 64L << 30, 126, 8192, 0).format());
    }

    private static String line(byte[] data, boolean printable) {
        StringBuilder text = new StringBuilder();
        DumpFormat.appendDataLine(text, data, printable);
        return text.toString();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
