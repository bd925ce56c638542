package org.larch.storage.page;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Pins the branch node layout of {@link BranchPage}'s table, and how a branch routes keys to children. */
class BranchPageTest {
    private static final int PAGE = 4096;
    private static final MemorySegment NO_KEY = MemorySegment.ofArray(new byte[0]);

    private static MemorySegment ascii(String text) {
        return MemorySegment.ofArray(text.getBytes(StandardCharsets.US_ASCII));
    }

    /** A branch whose node i has separator {@code keys[i]} and child 100 + i. */
    private static BranchPage branchWith(String... keys) {
        BranchPage branch = BranchPage.format(MemorySegment.ofArray(new byte[PAGE]), 0, PAGE, 3);
        for (int i = 0; i < keys.length; i++) {
            branch.insertRaw(i, BranchPage.encode(ascii(keys[i]), 100 + i));
        }
        return branch;
    }

    /** The child routed to for {@code key}, placed at offset 3 of a larger segment between unrelated bytes. */
    private static long childFor(BranchPage branch, String key) {
        byte[] bytes = ("###" + key + "~~").getBytes(StandardCharsets.US_ASCII);
        int index = branch.childIndexFor(MemorySegment.ofArray(bytes), 3, key.length(), KeyComparator.LEXICOGRAPHIC);
        return branch.child(index);
    }

    // ---- golden bytes

    @Test
    void goldenNode() {
        byte[] node = BranchPage.encode(ascii("mid"), 0x0000000100000002L);
        assertArrayEquals(Golden.bytes("02 00 00 00 01 00 00 00 | 03 00 | 6D 69 64"), node, Golden.hex(node));
    }

    @Test
    void goldenFirstNodeHasNoKey() {
        byte[] node = BranchPage.encode(NO_KEY, 7);
        assertArrayEquals(Golden.bytes("07 00 00 00 00 00 00 00 | 00 00"), node, Golden.hex(node));
    }

    @Test
    void goldenNodeWithLongKeyAndHighChild() {
        byte[] key = new byte[511];
        key[0] = 1;
        key[510] = (byte) 0xFF;
        byte[] node = BranchPage.encode(MemorySegment.ofArray(key), 0xF0E0D0C0B0A09080L);
        assertEquals(10 + 511, node.length);
        Golden.assertBytesAt("80 90 A0 B0 C0 D0 E0 F0 | FF 01 | 01", node, 0, "child, keyLength, key start");
        Golden.assertBytesAt("FF", node, 10 + 510, "key end");
    }

    @Test
    void decodesEncodedNodes() {
        byte[] node = Golden.bytes("2A 00 00 00 00 00 00 00 | 02 00 | 68 69");
        assertEquals(42, BranchPage.childOf(node));
        assertEquals("hi", new String(BranchPage.keyOf(node).toArray(ValueLayout.JAVA_BYTE), StandardCharsets.US_ASCII));
        assertEquals(0, BranchPage.keyOf(BranchPage.encode(NO_KEY, 1)).byteSize());
        assertEquals(10, BranchPage.NODE_HEADER);
        assertEquals(15, BranchPage.nodeSizeFor(5));
    }

    // ---- a branch on a page

    @Test
    void readsNodesBack() {
        BranchPage branch = branchWith("", "dog");
        assertEquals(2, branch.slotCount());
        assertEquals(100, branch.child(0));
        assertEquals(101, branch.child(1));
        assertEquals(0, branch.keyLength(0));
        assertEquals(3, branch.keyLength(1));
        assertEquals(10, branch.nodeSize(0));
        assertEquals(13, branch.nodeSize(1));
        assertEquals("dog", new String(branch.keyBytes(1), StandardCharsets.US_ASCII));
        assertArrayEquals(BranchPage.encode(ascii("dog"), 101), branch.rawNode(1));
    }

    @Test
    void setChildRewritesOnlyTheChild() {
        BranchPage branch = branchWith("", "dog");
        branch.setChild(1, 0x0102030405060708L);
        assertArrayEquals(Golden.bytes("08 07 06 05 04 03 02 01 | 03 00 | 64 6F 67"), branch.rawNode(1));
        assertEquals(100, branch.child(0));
    }

    @Test
    void setChildOnACommittedPageThrows() {
        byte[] bytes = new byte[PAGE];
        BranchPage.format(MemorySegment.ofArray(bytes), 0, PAGE, 3).insertRaw(0, BranchPage.encode(NO_KEY, 5));
        BranchPage committed = (BranchPage) Page.wrap(MemorySegment.ofArray(bytes), 0, PAGE, 3, false);
        assertThrows(IllegalStateException.class, () -> committed.setChild(0, 6));
        assertEquals(5, committed.child(0));
    }

    // ---- routing

    @Test
    void routesKeysToTheSubtreeThatHoldsThem() {
        BranchPage branch = branchWith("", "d", "h");
        assertEquals(100, childFor(branch, "a"), "before the first separator: node 0, minus infinity");
        assertEquals(100, childFor(branch, ""), "the empty key");
        assertEquals(100, childFor(branch, "c\u007f"));
        assertEquals(101, childFor(branch, "d"), "equal to a separator: that node (inclusive)");
        assertEquals(101, childFor(branch, "d\0"));
        assertEquals(101, childFor(branch, "e"), "between separators");
        assertEquals(102, childFor(branch, "h"));
        assertEquals(102, childFor(branch, "z"), "after the last separator: the last node");
    }

    @Test
    void nodeZerosKeyIsNeverCompared() {
        // node 0 stands for minus infinity whatever bytes it holds
        BranchPage branch = branchWith("m", "p");
        assertEquals(100, childFor(branch, "a"));
        assertEquals(100, childFor(branch, "n"));
        assertEquals(101, childFor(branch, "p"));
    }

    @Test
    void aBranchWithOneChildRoutesEverythingThere() {
        BranchPage branch = branchWith("");
        assertEquals(100, childFor(branch, ""));
        assertEquals(100, childFor(branch, "anything"));
        assertEquals(100, childFor(branch, "~~~"));
    }

    @Test
    void routesWithUnsignedBytes() {
        BranchPage branch = BranchPage.format(MemorySegment.ofArray(new byte[PAGE]), 0, PAGE, 3);
        branch.insertRaw(0, BranchPage.encode(NO_KEY, 100));
        branch.insertRaw(1, BranchPage.encode(MemorySegment.ofArray(new byte[] {0x7F}), 101));
        branch.insertRaw(2, BranchPage.encode(MemorySegment.ofArray(new byte[] {(byte) 0x80}), 102));
        MemorySegment key = MemorySegment.ofArray(new byte[] {(byte) 0x90});
        assertEquals(2, branch.childIndexFor(key, 0, 1, KeyComparator.LEXICOGRAPHIC));
        key = MemorySegment.ofArray(new byte[] {0x10});
        assertEquals(0, branch.childIndexFor(key, 0, 1, KeyComparator.LEXICOGRAPHIC));
    }
}
