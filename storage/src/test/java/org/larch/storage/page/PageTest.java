package org.larch.storage.page;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.larch.storage.CorruptedException;

/** The slotted-page behaviour {@link Page} gives both branch and leaf pages: sorted slots, packed nodes. */
class PageTest {
    private static final int PAGE = 4096;

    private static MemorySegment ascii(String text) {
        return MemorySegment.ofArray(text.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] leafNode(String key, String value) {
        return LeafPage.encode(ascii(key), 0, ascii(value));
    }

    private static LeafPage emptyLeaf() {
        return LeafPage.format(MemorySegment.ofArray(new byte[PAGE]), 0, PAGE, 12);
    }

    private static String keyOf(Page page, int index) {
        return new String(page.keyBytes(index), StandardCharsets.US_ASCII);
    }

    private static List<String> keys(Page page) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < page.slotCount(); i++) {
            keys.add(keyOf(page, i));
        }
        return keys;
    }

    /** Slots and nodes account for every byte, and the node bodies sit back to back from upper to the page end. */
    static void assertPacked(Page page) {
        int count = page.slotCount();
        assertEquals(Page.capacity(page.pageSize()), page.freeBytes() + page.usedBytes(), "free + used = capacity");
        int nodeBytes = 0;
        int[][] spans = new int[count][];
        for (int i = 0; i < count; i++) {
            nodeBytes += page.nodeSize(i);
            spans[i] = new int[] {page.nodeOffset(i), page.nodeSize(i)};
        }
        assertEquals(nodeBytes + count * PageHeader.SLOT_SIZE, page.usedBytes(), "used = nodes + slots");
        Arrays.sort(spans, (a, b) -> Integer.compare(a[0], b[0]));
        int expected = page.upper();
        for (int[] span : spans) {
            assertEquals(expected, span[0], "node bodies leave no gap");
            expected += span[1];
        }
        assertEquals(page.pageSize(), expected, "the last node ends at the page's end");
        assertTrue(page.upper() >= PageHeader.SIZE + count * PageHeader.SLOT_SIZE, "nodes do not overlap the slots");
        for (int i = 0; i < count; i++) {
            assertEquals(SearchKey.prefixOf(page.key(i), 0, page.keyLength(i)), page.slotPrefix(i), "slot " + i + "'s key prefix");
        }
    }

    private static void assertSorted(Page page) {
        for (int i = 1; i < page.slotCount(); i++) {
            assertTrue(keyOf(page, i - 1).compareTo(keyOf(page, i)) < 0, "slot " + i + " is out of order");
        }
    }

    // ---- insertRaw

    @Test
    void insertsAtTheGivenSlotAndKeepsNodesPacked() {
        LeafPage leaf = emptyLeaf();
        for (String key : List.of("m", "c", "x", "a", "p", "e")) {
            int at = -leaf.search(ascii(key), 0, key.length(), KeyComparator.LEXICOGRAPHIC) - 1;
            leaf.insertRaw(at, leafNode(key, "v" + key));
            assertPacked(leaf);
            assertSorted(leaf);
        }
        assertEquals(List.of("a", "c", "e", "m", "p", "x"), keys(leaf));
        for (int i = 0; i < leaf.slotCount(); i++) {
            assertArrayEquals(leafNode(keyOf(leaf, i), "v" + keyOf(leaf, i)), leaf.rawNode(i));
        }
    }

    @Test
    void theNewestNodeLiesLowest() {
        LeafPage leaf = emptyLeaf();
        leaf.insertRaw(0, leafNode("b", "1234"));
        leaf.insertRaw(0, leafNode("a", "12"));
        assertEquals(PAGE - 13, leaf.nodeOffset(1), "first insert at the page's end");
        assertEquals(PAGE - 13 - 11, leaf.nodeOffset(0), "second just below it");
        assertEquals(PAGE - 24, leaf.upper());
    }

    // ---- removeRaw

    @Test
    void removingANodeLeavesTheOthersIntact() {
        for (int victim = 0; victim < 5; victim++) {
            LeafPage leaf = emptyLeaf();
            // insertion order differs from key order, so offsets and slots disagree
            String[] keys = {"c", "a", "e", "b", "d"};
            for (String key : keys) {
                int at = -leaf.search(ascii(key), 0, 1, KeyComparator.LEXICOGRAPHIC) - 1;
                leaf.insertRaw(at, leafNode(key, key.repeat(3 + key.charAt(0) - 'a')));
            }
            List<byte[]> before = leaf.rawNodes();
            int freeBefore = leaf.freeBytes();
            int removedSize = leaf.nodeSize(victim);

            leaf.removeRaw(victim);

            List<byte[]> expected = new ArrayList<>(before);
            expected.remove(victim);
            assertEquals(4, leaf.slotCount());
            for (int i = 0; i < expected.size(); i++) {
                assertArrayEquals(expected.get(i), leaf.rawNode(i), "node " + i + " after removing " + victim);
            }
            assertEquals(freeBefore + removedSize + PageHeader.SLOT_SIZE, leaf.freeBytes());
            assertPacked(leaf);
        }
    }

    @Test
    void removingTheLastNodeEmptiesThePage() {
        LeafPage leaf = emptyLeaf();
        leaf.insertRaw(0, leafNode("only", "one"));
        leaf.removeRaw(0);
        assertEquals(0, leaf.slotCount());
        assertEquals(PAGE, leaf.upper());
        assertEquals(Page.capacity(PAGE), leaf.freeBytes());
        assertEquals(0, leaf.usedBytes());
    }

    @Test
    void randomInsertsAndRemovesMatchAModel() {
        Random random = new Random(20_261_121);
        TreeMap<String, byte[]> model = new TreeMap<>();
        LeafPage leaf = emptyLeaf();
        for (int step = 0; step < 5_000; step++) {
            if (!model.isEmpty() && (random.nextInt(3) == 0 || leaf.freeBytes() < 200)) {
                int index = random.nextInt(model.size());
                String key = new ArrayList<>(model.keySet()).get(index);
                leaf.removeRaw(index);
                model.remove(key);
            } else {
                String key = Integer.toString(random.nextInt(1000), 36);
                byte[] node = leafNode(key, "x".repeat(random.nextInt(120)));
                int found = leaf.search(ascii(key), 0, key.length(), KeyComparator.LEXICOGRAPHIC);
                assertEquals(model.containsKey(key), found >= 0);
                if (found < 0 && leaf.fits(node.length)) {
                    leaf.insertRaw(-found - 1, node);
                    model.put(key, node);
                }
            }
            assertEquals(model.size(), leaf.slotCount());
            if (step % 50 == 0) {
                assertPacked(leaf);
                int i = 0;
                for (Map.Entry<String, byte[]> entry : model.entrySet()) {
                    assertEquals(entry.getKey(), keyOf(leaf, i));
                    assertArrayEquals(entry.getValue(), leaf.rawNode(i++));
                }
            }
        }
    }

    @Test
    void branchPagesShareTheSlottedLayout() {
        BranchPage branch = BranchPage.format(MemorySegment.ofArray(new byte[PAGE]), 0, PAGE, 4);
        branch.insertRaw(0, BranchPage.encode(ascii(""), 1));
        branch.insertRaw(1, BranchPage.encode(ascii("k"), 3));
        branch.insertRaw(1, BranchPage.encode(ascii("f"), 2));
        assertPacked(branch);
        branch.removeRaw(1);
        assertPacked(branch);
        assertEquals(2, branch.slotCount());
        assertEquals(1, branch.child(0));
        assertEquals(3, branch.child(1));
        assertEquals("k", keyOf(branch, 1));
    }

    // ---- rebuild

    @Test
    void rebuildReplacesTheContentWithPackedNodes() {
        LeafPage leaf = emptyLeaf();
        for (int i = 0; i < 20; i++) {
            leaf.insertRaw(i, leafNode("old" + (char) ('a' + i), "o".repeat(i)));
        }
        List<byte[]> nodes = List.of(leafNode("a", "1"), leafNode("b", "22"), leafNode("c", "333"));
        leaf.rebuild(nodes);
        assertEquals(3, leaf.slotCount());
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(nodes.get(i), leaf.rawNode(i));
        }
        assertEquals(PAGE - (10 + 11 + 12), leaf.upper());
        assertPacked(leaf);
    }

    @Test
    void rebuildWithNothingEmptiesThePage() {
        LeafPage leaf = emptyLeaf();
        leaf.insertRaw(0, leafNode("a", "b"));
        leaf.rebuild(List.of());
        assertEquals(0, leaf.slotCount());
        assertEquals(Page.capacity(PAGE), leaf.freeBytes());
    }

    @Test
    void rebuildFromItsOwnNodesIsANoOpOnContent() {
        LeafPage leaf = emptyLeaf();
        leaf.insertRaw(0, leafNode("b", "2"));
        leaf.insertRaw(0, leafNode("a", "1"));
        leaf.insertRaw(2, leafNode("c", "3"));
        leaf.removeRaw(1);
        List<byte[]> nodes = leaf.rawNodes();
        leaf.rebuild(nodes);
        assertEquals(List.of("a", "c"), keys(leaf));
        assertPacked(leaf);
    }

    // ---- fits

    @Test
    void fitsCountsTheSlot() {
        LeafPage leaf = emptyLeaf();
        assertTrue(leaf.fits(Page.capacity(PAGE) - PageHeader.SLOT_SIZE));
        assertFalse(leaf.fits(Page.capacity(PAGE) - PageHeader.SLOT_SIZE + 1));

        // leave exactly 100 free bytes: one node of 94 (plus its 6-byte slot) fits, 95 does not
        int filler = Page.capacity(PAGE) - 100 - PageHeader.SLOT_SIZE;
        leaf.insertRaw(0, leafNode("f", "x".repeat(filler - LeafPage.nodeSize(1, 0))));
        assertEquals(100, leaf.freeBytes());
        assertTrue(leaf.fits(94));
        assertFalse(leaf.fits(95));
        leaf.insertRaw(1, leafNode("g", "y".repeat(94 - 9)));
        assertEquals(0, leaf.freeBytes());
        assertFalse(leaf.fits(0), "not even a slot");
        assertPacked(leaf);
    }

    @Test
    void capacityIsThePageLessItsHeader() {
        assertEquals(4064, Page.capacity(4096));
        assertEquals(480, Page.capacity(512));
        assertEquals(32736, Page.capacity(32768));
    }

    // ---- pages at a base inside a larger segment

    @Test
    void aPageInsideALargerSegmentTouchesOnlyItsOwnBytes() {
        byte[] file = new byte[3 * PAGE];
        Arrays.fill(file, (byte) 0xA5);
        MemorySegment segment = MemorySegment.ofArray(file);
        LeafPage leaf = LeafPage.format(segment, PAGE, PAGE, 1);
        leaf.insertRaw(0, leafNode("b", "bbb"));
        leaf.insertRaw(0, leafNode("a", "aaaaaa"));
        leaf.insertRaw(2, leafNode("c", "c"));
        leaf.removeRaw(1);
        leaf.rebuild(leaf.rawNodes());
        assertEquals(List.of("a", "c"), keys(leaf));
        assertPacked(leaf);
        for (int i = 0; i < PAGE; i++) {
            assertEquals((byte) 0xA5, file[i], "byte " + i + " of the page before");
            assertEquals((byte) 0xA5, file[2 * PAGE + i], "byte " + i + " of the page after");
        }
        Page again = Page.wrap(segment, PAGE, PAGE, 1, false);
        assertEquals(List.of("a", "c"), keys(again));
    }

    // ---- wrap and committed pages

    @Test
    void wrapPicksTheClassByKind() {
        byte[] bytes = new byte[PAGE];
        MemorySegment segment = MemorySegment.ofArray(bytes);
        LeafPage.format(segment, 0, PAGE, 8);
        assertInstanceOf(LeafPage.class, Page.wrap(segment, 0, PAGE, 8, true));
        BranchPage.format(segment, 0, PAGE, 8);
        Page branch = Page.wrap(segment, 0, PAGE, 8, false);
        assertInstanceOf(BranchPage.class, branch);
        assertEquals(8, branch.number());
        assertFalse(branch.isDirty());
        assertEquals(PAGE, branch.pageSize());
    }

    @Test
    void wrapRefusesOtherKinds() {
        MemorySegment segment = MemorySegment.ofArray(new byte[PAGE]);
        OverflowPage.format(segment, 0, PAGE, 31, 1);
        CorruptedException overflow = assertThrows(CorruptedException.class, () -> Page.wrap(segment, 0, PAGE, 31, false));
        assertTrue(overflow.getMessage().contains("page 31"), overflow.getMessage());
        MemorySegment zeroes = MemorySegment.ofArray(new byte[PAGE]);
        CorruptedException zero = assertThrows(CorruptedException.class, () -> Page.wrap(zeroes, 0, PAGE, 32, false));
        assertTrue(zero.getMessage().contains("kind 0"), zero.getMessage());
    }

    @Test
    void aCommittedPageRefusesEveryMutation() {
        byte[] bytes = new byte[PAGE];
        LeafPage dirty = LeafPage.format(MemorySegment.ofArray(bytes), 0, PAGE, 17);
        dirty.insertRaw(0, leafNode("a", "1"));
        dirty.insertRaw(1, leafNode("b", "2"));
        byte[] before = bytes.clone();
        Page committed = Page.wrap(MemorySegment.ofArray(bytes), 0, PAGE, 17, false);

        List<Executable> mutations = List.of(
                () -> committed.insertRaw(0, leafNode("0", "")),
                () -> committed.removeRaw(0),
                () -> committed.rebuild(List.of()));
        for (Executable mutation : mutations) {
            IllegalStateException e = assertThrows(IllegalStateException.class, mutation);
            assertTrue(e.getMessage().contains("page 17"), e.getMessage());
        }
        assertArrayEquals(before, bytes, "a refused mutation changed nothing");
        assertEquals(List.of("a", "b"), keys(committed));
    }
}
