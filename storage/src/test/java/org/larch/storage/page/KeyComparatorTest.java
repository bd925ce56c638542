package org.larch.storage.page;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The three key orders, each side given as (segment, offset, length) into heap segments whose other
 * bytes differ, so a comparator that strays outside its range is caught.
 */
class KeyComparatorTest {

    /** Compares the keys given in hex, each embedded at a different offset between unrelated bytes. */
    private static int compare(KeyComparator order, String aHex, String bHex) {
        byte[] a = HexFormat.of().parseHex(aHex.replace(" ", ""));
        byte[] b = HexFormat.of().parseHex(bHex.replace(" ", ""));
        byte[] aHost = embed(a, 3, (byte) 0x00);
        byte[] bHost = embed(b, 11, (byte) 0xFF);
        return Integer.signum(order.compare(MemorySegment.ofArray(aHost), 3, a.length,
                MemorySegment.ofArray(bHost), 11, b.length));
    }

    private static byte[] embed(byte[] key, int offset, byte filler) {
        byte[] host = new byte[offset + key.length + 5];
        Arrays.fill(host, filler);
        System.arraycopy(key, 0, host, offset, key.length);
        return host;
    }

    /** Checks {@code a < b} both ways round, and that each equals itself. */
    private static void assertLess(KeyComparator order, String a, String b) {
        assertEquals(-1, compare(order, a, b), a + " < " + b);
        assertEquals(1, compare(order, b, a), b + " > " + a);
        assertEquals(0, compare(order, a, a), a + " = " + a);
        assertEquals(0, compare(order, b, b), b + " = " + b);
    }

    /** Checks {@code a < b} both ways round, saying why it should hold. */
    private static void assertLess(KeyComparator order, String a, String b, String why) {
        assertEquals(-1, compare(order, a, b), why);
        assertEquals(1, compare(order, b, a), why);
    }

    // ---- LEXICOGRAPHIC

    @Test
    void lexicographicComparesBytesUnsigned() {
        assertLess(KeyComparator.LEXICOGRAPHIC, "7F", "80");
        assertLess(KeyComparator.LEXICOGRAPHIC, "00", "FF");
        assertLess(KeyComparator.LEXICOGRAPHIC, "01 FF", "02 00");
    }

    /** Keys of eight bytes or more are first compared by their first eight as one word: the order must not change. */
    @Test
    void lexicographicDecidesByTheFirstEightBytesAsBytesWould() {
        assertLess(KeyComparator.LEXICOGRAPHIC, "00 00 00 00 00 00 00 7F", "00 00 00 00 00 00 00 80");
        assertLess(KeyComparator.LEXICOGRAPHIC, "7F FF FF FF FF FF FF FF", "80 00 00 00 00 00 00 00");
        assertLess(KeyComparator.LEXICOGRAPHIC, "01 00 00 00 00 00 00 00 FF", "01 00 00 00 00 00 00 01");
        assertLess(KeyComparator.LEXICOGRAPHIC, "01 02 03 04 05 06 07 08", "01 02 03 04 05 06 07 08 00");
        assertLess(KeyComparator.LEXICOGRAPHIC, "01 02 03 04 05 06 07 08 00", "01 02 03 04 05 06 07 08 01");
        assertLess(KeyComparator.LEXICOGRAPHIC, "FF FF FF FF FF FF FF", "FF FF FF FF FF FF FF FF");
    }

    @Test
    void lexicographicPutsAPrefixFirst() {
        assertLess(KeyComparator.LEXICOGRAPHIC, "61 62", "61 62 63");
        assertLess(KeyComparator.LEXICOGRAPHIC, "", "00");
        assertLess(KeyComparator.LEXICOGRAPHIC, "61 62 63", "61 62 64 00", "a byte difference beats length");
        assertEquals(0, compare(KeyComparator.LEXICOGRAPHIC, "", ""));
        assertEquals(0, compare(KeyComparator.LEXICOGRAPHIC, "61 62 63", "61 62 63"));
    }

    @Test
    void lexicographicAgreesWithArraysCompareUnsigned() {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            byte[] a = randomKey(random);
            byte[] b = random.nextInt(4) == 0 ? mutate(a, random) : randomKey(random);
            int aOffset = random.nextInt(8);
            int bOffset = random.nextInt(8);
            byte[] aHost = embed(a, aOffset, (byte) random.nextInt());
            byte[] bHost = embed(b, bOffset, (byte) random.nextInt());
            int actual = KeyComparator.LEXICOGRAPHIC.compare(MemorySegment.ofArray(aHost), aOffset, a.length,
                    MemorySegment.ofArray(bHost), bOffset, b.length);
            assertEquals(Integer.signum(Arrays.compareUnsigned(a, b)), Integer.signum(actual),
                    Golden.hex(a) + " vs " + Golden.hex(b));
        }
    }

    @Test
    void comparesTwoRangesOfTheSameSegment() {
        MemorySegment segment = MemorySegment.ofArray(Golden.bytes("61 62 63 61 62 64"));
        assertEquals(0, KeyComparator.LEXICOGRAPHIC.compare(segment, 0, 2, segment, 3, 2));
        assertEquals(-1, Integer.signum(KeyComparator.LEXICOGRAPHIC.compare(segment, 0, 3, segment, 3, 3)));
    }

    // ---- REVERSE

    @Test
    void reverseComparesFromTheLastByte() {
        assertLess(KeyComparator.REVERSE, "62 61", "61 62");
        assertLess(KeyComparator.REVERSE, "7F", "80");
        assertLess(KeyComparator.REVERSE, "FF 7F", "00 80", "the last byte decides, unsigned");
    }

    @Test
    void reversePutsACommonSuffixShorterFirst() {
        assertLess(KeyComparator.REVERSE, "62 63", "61 62 63");
        assertLess(KeyComparator.REVERSE, "", "00");
        assertEquals(0, compare(KeyComparator.REVERSE, "01 02 03", "01 02 03"));
        assertEquals(0, compare(KeyComparator.REVERSE, "", ""));
    }

    @Test
    void reverseAgreesWithComparingReversedArrays() {
        Random random = new Random(43);
        for (int i = 0; i < 20_000; i++) {
            byte[] a = randomKey(random);
            byte[] b = random.nextInt(4) == 0 ? mutate(a, random) : randomKey(random);
            int aOffset = random.nextInt(8);
            int bOffset = random.nextInt(8);
            int actual = KeyComparator.REVERSE.compare(MemorySegment.ofArray(embed(a, aOffset, (byte) 1)), aOffset,
                    a.length, MemorySegment.ofArray(embed(b, bOffset, (byte) 2)), bOffset, b.length);
            assertEquals(Integer.signum(Arrays.compareUnsigned(reversed(a), reversed(b))), Integer.signum(actual),
                    Golden.hex(a) + " vs " + Golden.hex(b));
        }
    }

    // ---- INTEGER

    @Test
    void integerComparesFourByteLittleEndianUnsigned() {
        assertLess(KeyComparator.INTEGER, "01 00 00 00", "FF FF FF FF");
        assertLess(KeyComparator.INTEGER, "FF FF FF 7F", "00 00 00 80");
        assertLess(KeyComparator.INTEGER, "FF 00 00 00", "00 01 00 00", "255 < 256: the high byte comes last");
        assertLess(KeyComparator.INTEGER, "00 00 00 00", "01 00 00 00");
        assertEquals(0, compare(KeyComparator.INTEGER, "78 56 34 12", "78 56 34 12"));
    }

    @Test
    void integerComparesEightByteLittleEndianUnsigned() {
        assertLess(KeyComparator.INTEGER, "01 00 00 00 00 00 00 00", "FF FF FF FF FF FF FF FF");
        assertLess(KeyComparator.INTEGER, "FF FF FF FF FF FF FF 7F", "00 00 00 00 00 00 00 80");
        assertLess(KeyComparator.INTEGER, "FF FF FF FF 00 00 00 00", "00 00 00 00 01 00 00 00");
        assertEquals(0, compare(KeyComparator.INTEGER, "01 02 03 04 05 06 07 08", "01 02 03 04 05 06 07 08"));
    }

    @Test
    void integerAgreesWithUnsignedNumbers() {
        Random random = new Random(44);
        for (int i = 0; i < 20_000; i++) {
            long x = random.nextLong();
            long y = random.nextInt(4) == 0 ? x ^ (1L << random.nextInt(64)) : random.nextLong();
            assertEquals(Integer.signum(Long.compareUnsigned(x, y)),
                    compare(KeyComparator.INTEGER, littleEndian(x, 8), littleEndian(y, 8)));
            assertEquals(Integer.signum(Integer.compareUnsigned((int) x, (int) y)),
                    compare(KeyComparator.INTEGER, littleEndian(x, 4), littleEndian(y, 4)));
        }
    }

    @Test
    void integerKeysOfDifferentSizesOrderByLength() {
        assertLess(KeyComparator.INTEGER, "FF FF FF FF", "00 00 00 00 00 00 00 00");
    }

    @Test
    void integerKeysOfOtherSizesFallBackToBytes() {
        assertLess(KeyComparator.INTEGER, "00 01", "FF 00", "two bytes: compared as bytes, though 256 > 255");
        assertLess(KeyComparator.INTEGER, "7F", "80");
    }

    // ---- helpers

    private static byte[] randomKey(Random random) {
        byte[] key = new byte[random.nextInt(6)];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (random.nextInt(3) == 0 ? 0x7F + random.nextInt(3) : random.nextInt(256));
        }
        return key;
    }

    /** A near copy: same, longer, shorter or one byte changed. */
    private static byte[] mutate(byte[] key, Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> key.clone();
            case 1 -> Arrays.copyOf(key, key.length + 1);
            case 2 -> Arrays.copyOf(key, Math.max(0, key.length - 1));
            default -> {
                byte[] copy = key.clone();
                if (copy.length > 0) {
                    copy[random.nextInt(copy.length)] ^= (byte) (1 << random.nextInt(8));
                }
                yield copy;
            }
        };
    }

    private static byte[] reversed(byte[] key) {
        byte[] out = new byte[key.length];
        for (int i = 0; i < key.length; i++) {
            out[i] = key[key.length - 1 - i];
        }
        return out;
    }

    private static String littleEndian(long value, int size) {
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < size; i++) {
            hex.append(String.format("%02X ", (value >>> (8 * i)) & 0xFF));
        }
        return hex.toString().trim();
    }
}
