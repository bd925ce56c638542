package org.larch.storage.page;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.larch.storage.page.Golden.assertBytesAt;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Pins the leaf node layout of {@link LeafPage}'s table, and the leaf's own accessors and search. */
class LeafPageTest {
    private static final int PAGE = 4096;

    private static MemorySegment ascii(String text) {
        return MemorySegment.ofArray(text.getBytes(StandardCharsets.US_ASCII));
    }

    private static LeafPage leafWith(String... keys) {
        LeafPage leaf = LeafPage.format(MemorySegment.ofArray(new byte[PAGE]), 0, PAGE, 2);
        for (int i = 0; i < keys.length; i++) {
            leaf.insertRaw(i, LeafPage.encode(ascii(keys[i]), 0, ascii("value of " + keys[i])));
        }
        return leaf;
    }

    /** Searches for {@code key}, placed at offset 5 of a larger segment between unrelated bytes. */
    private static int search(LeafPage leaf, String key) {
        byte[] bytes = ("#####" + key + "~~~~").getBytes(StandardCharsets.US_ASCII);
        return leaf.search(MemorySegment.ofArray(bytes), 5, key.length(), KeyComparator.LEXICOGRAPHIC);
    }

    // ---- golden bytes

    @Test
    void goldenInlineNode() {
        byte[] node = LeafPage.encode(ascii("abc"), 0, ascii("hello"));
        assertArrayEquals(Golden.bytes("03 00 | 00 00 | 05 00 00 00 | 61 62 63 | 68 65 6C 6C 6F"), node, Golden.hex(node));
    }

    @Test
    void goldenInlineNodeKeepsTheFlags() {
        byte[] node = LeafPage.encode(ascii("db"), LeafPage.SUBDB, MemorySegment.ofArray(new byte[] {1, 2}));
        assertArrayEquals(Golden.bytes("02 00 | 02 00 | 02 00 00 00 | 64 62 | 01 02"), node);
    }

    @Test
    void goldenNodeWithTwoByteLengths() {
        byte[] key = new byte[300];
        Arrays.fill(key, (byte) 'k');
        byte[] value = new byte[0x1_0203];
        byte[] node = LeafPage.encode(MemorySegment.ofArray(key), 0, MemorySegment.ofArray(value));
        assertEquals(8 + 300 + 0x1_0203, node.length);
        assertBytesAt("2C 01 | 00 00 | 03 02 01 00", node, 0, "node header");
        assertBytesAt("6B 6B", node, 8, "key start");
        assertBytesAt("6B 00", node, 8 + 299, "key end, value start");
    }

    @Test
    void goldenEmptyValue() {
        assertArrayEquals(Golden.bytes("01 00 | 00 00 | 00 00 00 00 | 7A"),
                LeafPage.encode(ascii("z"), 0, MemorySegment.ofArray(new byte[0])));
    }

    @Test
    void goldenBigNode() {
        byte[] node = LeafPage.encodeBig(ascii("big"), 0, 0x12345678L, 0x0A0B0C0D0E0F1011L);
        assertArrayEquals(Golden.bytes("03 00 | 01 00 | 78 56 34 12 | 62 69 67 | 11 10 0F 0E 0D 0C 0B 0A"), node,
                Golden.hex(node));
    }

    @Test
    void goldenBigNodeAddsBigdataToOtherFlags() {
        byte[] node = LeafPage.encodeBig(ascii("k"), LeafPage.SUBDB, 5000, 3);
        assertArrayEquals(Golden.bytes("01 00 | 03 00 | 88 13 00 00 | 6B | 03 00 00 00 00 00 00 00"), node,
                Golden.hex(node));
    }

    @Test
    void flagBits() {
        assertEquals(1, LeafPage.BIGDATA);
        assertEquals(2, LeafPage.SUBDB);
        assertEquals(4, LeafPage.DUPDATA);
        assertEquals(8, LeafPage.NODE_HEADER);
    }

    // ---- accessors on a page

    @Test
    void readsAnInlineNodeBack() {
        LeafPage leaf = LeafPage.format(MemorySegment.ofArray(new byte[PAGE]), 0, PAGE, 2);
        leaf.insertRaw(0, LeafPage.encode(ascii("key"), LeafPage.SUBDB, ascii("value!")));
        assertEquals(3, leaf.keyLength(0));
        assertEquals("key", new String(leaf.keyBytes(0), StandardCharsets.US_ASCII));
        assertEquals(LeafPage.SUBDB, leaf.flags(0));
        assertFalse(leaf.isBig(0));
        assertEquals(6, leaf.valueLength(0));
        assertEquals(8 + 3 + 6, leaf.nodeSize(0));
        assertEquals(LeafPage.nodeSize(3, 6), leaf.nodeSize(0));
        assertEquals("value!", new String(leaf.inlineValue(0).toArray(ValueLayout.JAVA_BYTE), StandardCharsets.US_ASCII));
        assertEquals(leaf.keyOffset(0) + 3, leaf.valueOffset(0));
        assertEquals(PAGE - leaf.nodeSize(0), leaf.keyOffset(0) - LeafPage.NODE_HEADER);
    }

    @Test
    void readsABigNodeBack() {
        LeafPage leaf = LeafPage.format(MemorySegment.ofArray(new byte[PAGE]), 0, PAGE, 2);
        leaf.insertRaw(0, LeafPage.encodeBig(ascii("key"), 0, 100_000, 4242));
        assertTrue(leaf.isBig(0));
        assertEquals(LeafPage.BIGDATA, leaf.flags(0));
        assertEquals(100_000, leaf.valueLength(0), "the length of the value in the run");
        assertEquals(8 + 3 + 8, leaf.nodeSize(0), "only the page number is stored inline");
        assertEquals(4242, leaf.overflowPage(0));
        assertEquals(PageHeader.SLOT_SIZE + leaf.nodeSize(0), leaf.usedBytes());

        leaf.setBigValueLength(0, 123_456);
        assertEquals(123_456, leaf.valueLength(0));
        assertEquals(4242, leaf.overflowPage(0));
        assertEquals(8 + 3 + 8, leaf.nodeSize(0));
    }

    @Test
    void setBigValueLengthOnACommittedPageThrows() {
        byte[] bytes = new byte[PAGE];
        LeafPage.format(MemorySegment.ofArray(bytes), 0, PAGE, 2)
                .insertRaw(0, LeafPage.encodeBig(ascii("key"), 0, 10_000, 9));
        LeafPage committed = (LeafPage) Page.wrap(MemorySegment.ofArray(bytes), 0, PAGE, 2, false);
        assertThrows(IllegalStateException.class, () -> committed.setBigValueLength(0, 1));
        assertEquals(10_000, committed.valueLength(0));
    }

    // ---- search

    @Test
    void searchOnAnEmptyLeaf() {
        assertEquals(-1, search(leafWith(), "a"));
        assertEquals(-1, search(leafWith(), ""));
    }

    @Test
    void searchFindsEqualKeysAndInsertionPoints() {
        LeafPage leaf = leafWith("b", "d", "f");
        assertEquals(-1, search(leaf, "a"), "before the first: insertion point 0");
        assertEquals(-1, search(leaf, ""), "the empty key sorts first");
        assertEquals(0, search(leaf, "b"));
        assertEquals(-2, search(leaf, "c"), "between: insertion point 1");
        assertEquals(-2, search(leaf, "b\0"), "a longer key with the same prefix sorts after");
        assertEquals(1, search(leaf, "d"));
        assertEquals(-3, search(leaf, "e"));
        assertEquals(2, search(leaf, "f"));
        assertEquals(-4, search(leaf, "g"), "after the last: insertion point 3");
        assertEquals(-4, search(leaf, "ff"));
    }

    @Test
    void searchOnOneKey() {
        LeafPage leaf = leafWith("m");
        assertEquals(-1, search(leaf, "a"));
        assertEquals(0, search(leaf, "m"));
        assertEquals(-2, search(leaf, "z"));
    }

    @Test
    void searchUsesTheGivenOrder() {
        LeafPage leaf = LeafPage.format(MemorySegment.ofArray(new byte[PAGE]), 0, PAGE, 2);
        // REVERSE compares from the last byte: "ba" (a) < "ab" (b) < "ac" (c)
        String[] reverseSorted = {"ba", "ab", "ac"};
        for (int i = 0; i < reverseSorted.length; i++) {
            leaf.insertRaw(i, LeafPage.encode(ascii(reverseSorted[i]), 0, ascii("")));
        }
        MemorySegment key = ascii("xab");
        assertEquals(1, leaf.search(key, 1, 2, KeyComparator.REVERSE));
        assertEquals(-3, leaf.search(ascii("bb"), 0, 2, KeyComparator.REVERSE), "between \"ab\" and \"ac\"");
    }

    // ---- nodes encoded in place

    @Test
    void goldenInlineNodeEncodedInPlace() {
        byte[] bytes = new byte[PAGE];
        LeafPage leaf = LeafPage.format(MemorySegment.ofArray(bytes), 0, PAGE, 2);
        leaf.insertInline(0, ascii("abc"), LeafPage.SUBDB, ascii("hello"));
        byte[] node = Arrays.copyOfRange(bytes, PAGE - 16, PAGE);
        assertArrayEquals(Golden.bytes("03 00 | 02 00 | 05 00 00 00 | 61 62 63 | 68 65 6C 6C 6F"), node, Golden.hex(node));
        assertEquals(PAGE - 16, leaf.nodeAt(0), "the node lies at the bottom of the page");
    }

    @Test
    void insertInlineLeavesThePageAsEncodeAndInsertRawDo() {
        byte[] inPlace = new byte[PAGE];
        byte[] viaArray = new byte[PAGE];
        LeafPage first = LeafPage.format(MemorySegment.ofArray(inPlace), 0, PAGE, 2);
        LeafPage second = LeafPage.format(MemorySegment.ofArray(viaArray), 0, PAGE, 2);
        String[] keys = {"m", "b", "zz", "", "ab", "mmmmmmmmmm"};
        int[] slots = {0, 0, 2, 0, 1, 3};
        for (int i = 0; i < keys.length; i++) {
            MemorySegment value = ascii("value " + i);
            first.insertInline(slots[i], ascii(keys[i]), i, value);
            second.insertRaw(slots[i], LeafPage.encode(ascii(keys[i]), i, value));
        }
        assertArrayEquals(viaArray, inPlace, "slots (with key prefixes), node bodies and header");
    }
}
