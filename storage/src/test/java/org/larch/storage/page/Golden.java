package org.larch.storage.page;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.CRC32C;

/**
 * Helpers for golden-bytes tests. Expected bytes are written out as hex, grouped by field: spaces, '|'
 * and line breaks are ignored. Checksums are recomputed here with the JDK's CRC32C directly, never
 * through {@link PageHeader}.
 */
final class Golden {
    private Golden() {
    }

    static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex.replaceAll("[\\s|]", ""));
    }

    static String hex(byte[] bytes) {
        return HexFormat.ofDelimiter(" ").withUpperCase().formatHex(bytes);
    }

    static String hex(byte[] bytes, int offset, int length) {
        return HexFormat.ofDelimiter(" ").withUpperCase().formatHex(bytes, offset, offset + length);
    }

    /** Asserts that {@code actual} holds {@code expectedHex} at {@code offset}; the message names the field. */
    static void assertBytesAt(String expectedHex, byte[] actual, int offset, String field) {
        byte[] expected = bytes(expectedHex);
        assertEquals(hex(expected), hex(actual, offset, expected.length), field + " at offset " + offset);
    }

    /** Asserts that {@code actual[from, to)} is all zero. */
    static void assertZeroes(byte[] actual, int from, int to, String what) {
        for (int i = from; i < to; i++) {
            if (actual[i] != 0) {
                assertEquals(0, actual[i], what + ": byte " + i + " is not zero");
            }
        }
    }

    /** CRC32C of {@code length} bytes at {@code from}, bytes 8..11 of that range counted as zero, little-endian. */
    static byte[] crc32cWithChecksumZeroed(byte[] page, int from, int length) {
        byte[] copy = Arrays.copyOfRange(page, from, from + length);
        Arrays.fill(copy, 8, 12, (byte) 0);
        CRC32C crc = new CRC32C();
        crc.update(copy);
        long value = crc.getValue();
        return new byte[] {(byte) value, (byte) (value >>> 8), (byte) (value >>> 16), (byte) (value >>> 24)};
    }
}
