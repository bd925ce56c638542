package org.larch.storage.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.larch.storage.page.Golden.assertBytesAt;
import static org.larch.storage.page.Golden.assertZeroes;

import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The key prefix each slot keeps beside its node offset ({@link PageHeader}'s slot table), and the
 * binary search that compares it first: it must find exactly what a plain comparison finds.
 */
class SlotPrefixTest {
    private static final int PAGE = 4096;
    /** Byte values that make prefixes collide and pad: zero, the sign boundary, the extremes. */
    private static final byte[] ALPHABET = {0x00, 0x01, 0x7F, (byte) 0x80, (byte) 0xFF};

    private static MemorySegment bytes(byte... bytes) {
        return MemorySegment.ofArray(bytes);
    }

    private static MemorySegment ascii(String text) {
        return bytes(text.getBytes(StandardCharsets.US_ASCII));
    }

    // ---- golden bytes

    @Test
    void goldenLeafSlotsHoldOffsetThenBigEndianZeroPaddedPrefix() {
        byte[] page = new byte[PAGE];
        LeafPage leaf = LeafPage.format(MemorySegment.ofArray(page), 0, PAGE, 3);
        leaf.insertRaw(0, LeafPage.encode(ascii("abcdef"), 0, ascii("v")));
        leaf.insertRaw(0, LeafPage.encode(bytes((byte) 0x00, (byte) 0xFF), 0, ascii("")));

        assertBytesAt("E7 0F | 00 FF 00 00", page, 32, "slot 0: node at 4071, key 00 FF padded");
        assertBytesAt("F1 0F | 61 62 63 64", page, 38, "slot 1: node at 4081, \"abcd\" of \"abcdef\"");
        assertZeroes(page, 44, 4071, "free space");
        assertEquals(0x00FF0000, leaf.slotPrefix(0));
        assertEquals(0x61626364, leaf.slotPrefix(1));

        leaf.removeRaw(0);
        assertBytesAt("F1 0F | 61 62 63 64", page, 32, "slot 0 after removing the first node");
        assertZeroes(page, 38, 4081, "the vacated slot and the freed node");
    }

    @Test
    void goldenBranchSlotOfTheEmptyFirstKeyIsZero() {
        byte[] page = new byte[PAGE];
        BranchPage branch = BranchPage.format(MemorySegment.ofArray(page), 0, PAGE, 4);
        branch.insertRaw(0, BranchPage.encode(ascii(""), 7));
        branch.insertRaw(1, BranchPage.encode(ascii("mid"), 9));

        assertBytesAt("F6 0F | 00 00 00 00 | E9 0F | 6D 69 64 00", page, 32, "slots 0 and 1");
        assertBytesAt("07 00 00 00 00 00 00 00 | 00 00", page, 4086, "node 0");
        assertBytesAt("09 00 00 00 00 00 00 00 | 03 00 | 6D 69 64", page, 4073, "node 1");
    }

    @Test
    void prefixOfPadsShortKeysAndReadsOnlyTheFirstFourBytes() {
        assertEquals(0, SearchKey.prefixOf(bytes(), 0, 0));
        assertEquals(0xFF000000, SearchKey.prefixOf(bytes((byte) 0xFF), 0, 1));
        assertEquals(0x00000001, SearchKey.prefixOf(bytes((byte) 0, (byte) 0, (byte) 0, (byte) 1, (byte) 9), 0, 5));
        assertEquals(0x62630000, SearchKey.prefixOf(ascii("abc"), 1, 2), "offset and length respected");
        assertEquals(0x61626364, new SearchKey(ascii("abcdefgh"), KeyComparator.LEXICOGRAPHIC).prefix());
    }

    @Test
    void rebuildRecomputesEveryPrefix() {
        LeafPage leaf = LeafPage.format(MemorySegment.ofArray(new byte[PAGE]), 0, PAGE, 5);
        List<byte[]> nodes = List.of(LeafPage.encode(ascii("ab"), 0, ascii("1")),
                LeafPage.encode(ascii("abcde"), 0, ascii("2")), LeafPage.encode(ascii("b"), 0, ascii("3")));
        leaf.rebuild(nodes);
        assertEquals(List.of(0x61620000, 0x61626364, 0x62000000),
                List.of(leaf.slotPrefix(0), leaf.slotPrefix(1), leaf.slotPrefix(2)));
    }

    // ---- searches with prefixes agree with a plain comparison

    @Test
    void randomizedLeafSearchesAgreeWithAPlainComparison() {
        Random random = new Random(0x5107);
        for (int round = 0; round < 40; round++) {
            LeafPage leaf = LeafPage.format(MemorySegment.ofArray(new byte[PAGE]), 0, PAGE, round);
            List<byte[]> model = new ArrayList<>();
            for (int op = 0; op < 300; op++) {
                byte[] key = randomKey(random);
                int expected = Collections.binarySearch(model, key, Arrays::compareUnsigned);
                int found = leaf.search(new SearchKey(bytes(key), KeyComparator.LEXICOGRAPHIC));
                assertEquals(expected, found, "round " + round + " op " + op + " key " + Golden.hex(key));
                assertEquals(expected, leaf.search(bytes(key), 0, key.length, KeyComparator.LEXICOGRAPHIC));
                if (found >= 0 && random.nextInt(3) == 0) {
                    leaf.removeRaw(found);
                    model.remove(found);
                } else if (found < 0 && leaf.fits(LeafPage.nodeSize(key.length, 1))) {
                    leaf.insertRaw(-found - 1, LeafPage.encode(bytes(key), 0, bytes((byte) 1)));
                    model.add(-found - 1, key);
                }
            }
            assertPrefixesMatchKeys(leaf);
        }
    }

    @Test
    void randomizedBranchSearchesAgreeWithAPlainComparison() {
        Random random = new Random(0xB7A);
        for (int round = 0; round < 40; round++) {
            List<byte[]> separators = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                byte[] key = randomKey(random);
                if (key.length > 0 && Collections.binarySearch(separators, key, Arrays::compareUnsigned) < 0) {
                    separators.add(key);
                    separators.sort(Arrays::compareUnsigned);
                }
            }
            BranchPage branch = BranchPage.format(MemorySegment.ofArray(new byte[PAGE]), 0, PAGE, round);
            List<byte[]> nodes = new ArrayList<>();
            nodes.add(BranchPage.encode(bytes(), 100));
            for (int i = 0; i < separators.size(); i++) {
                nodes.add(BranchPage.encode(bytes(separators.get(i)), 101 + i));
            }
            branch.rebuild(nodes);
            assertPrefixesMatchKeys(branch);
            for (int probe = 0; probe < 200; probe++) {
                byte[] key = randomKey(random);
                int child = 0;
                while (child < separators.size() && Arrays.compareUnsigned(separators.get(child), key) <= 0) {
                    child++;
                }
                assertEquals(child, branch.childIndexFor(new SearchKey(bytes(key), KeyComparator.LEXICOGRAPHIC)),
                        "round " + round + " key " + Golden.hex(key));
            }
        }
    }

    @Test
    void otherOrdersIgnoreThePrefixes() {
        LeafPage leaf = LeafPage.format(MemorySegment.ofArray(new byte[PAGE]), 0, PAGE, 6);
        // in REVERSE order "ba" < "ab" < "bb", though the prefixes say "ab" < "ba" < "bb"
        leaf.rebuild(List.of(LeafPage.encode(ascii("ba"), 0, ascii("1")),
                LeafPage.encode(ascii("ab"), 0, ascii("2")), LeafPage.encode(ascii("bb"), 0, ascii("3"))));
        assertEquals(0, leaf.search(new SearchKey(ascii("ba"), KeyComparator.REVERSE)));
        assertEquals(1, leaf.search(new SearchKey(ascii("ab"), KeyComparator.REVERSE)));
        assertEquals(2, leaf.search(new SearchKey(ascii("bb"), KeyComparator.REVERSE)));
        assertEquals(-1, leaf.search(new SearchKey(ascii("a"), KeyComparator.REVERSE)), "\"a\" goes before \"ba\"");
    }

    /** Keys of 0 to 7 bytes from a small alphabet: many share prefixes, many are shorter than a prefix. */
    private static byte[] randomKey(Random random) {
        byte[] key = new byte[random.nextInt(8)];
        for (int i = 0; i < key.length; i++) {
            key[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return key;
    }

    private static void assertPrefixesMatchKeys(Page page) {
        for (int i = 0; i < page.slotCount(); i++) {
            byte[] key = page.keyBytes(i);
            assertEquals(SearchKey.prefixOf(bytes(key), 0, key.length), page.slotPrefix(i), "slot " + i);
        }
    }
}
