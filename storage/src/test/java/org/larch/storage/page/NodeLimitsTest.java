package org.larch.storage.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import org.junit.jupiter.api.Test;
import org.larch.storage.btree.NodeLimits;

/**
 * The size limits of {@link NodeLimits}, checked against the page layouts they protect. (It lives with
 * the page tests because this suite owns only the page test package; it uses public API only.)
 */
class NodeLimitsTest {

    @Test
    void aNodeWithItsSlotTakesAtMostHalfAPage() {
        assertEquals(2032, NodeLimits.maxNodeWithSlot(4096));
        assertEquals(240, NodeLimits.maxNodeWithSlot(512));
        assertEquals(16368, NodeLimits.maxNodeWithSlot(32768));
    }

    @Test
    void maxKeyIs511ForFourKibPages() {
        assertEquals(511, NodeLimits.LMDB_MAX_KEY);
        assertEquals(511, NodeLimits.maxKeySize(4096));
        assertEquals(511, NodeLimits.maxKeySize(2048));
        assertEquals(511, NodeLimits.maxKeySize(32768));
    }

    @Test
    void smallPagesLimitKeysFurther() {
        // a branch's keyless node 0 and two maximal separators, each with a 6-byte slot, fill the capacity
        assertEquals((480 - 3 * (10 + 6)) / 2, NodeLimits.maxKeySize(512));
        assertEquals((992 - 3 * (10 + 6)) / 2, NodeLimits.maxKeySize(1024));
    }

    @Test
    void aBranchPageHoldsThreeChildrenWithMaximalKeys() {
        for (int pageSize = 512; pageSize <= 32768; pageSize *= 2) {
            byte[] page = new byte[pageSize];
            BranchPage branch = BranchPage.format(MemorySegment.ofArray(page), 0, pageSize, 1);
            byte[] key = new byte[NodeLimits.maxKeySize(pageSize)];
            branch.insertRaw(0, BranchPage.encode(MemorySegment.ofArray(new byte[0]), 2));
            for (int child = 1; child <= 2; child++) {
                key[0] = (byte) child;
                byte[] node = BranchPage.encode(MemorySegment.ofArray(key), 2 + child);
                assertTrue(branch.fits(node.length), "separator " + child + " on a page of " + pageSize);
                branch.insertRaw(child, node);
            }
        }
    }

    @Test
    void theLargestKeyFitsInEveryNodeKind() {
        for (int pageSize = 512; pageSize <= 32768; pageSize *= 2) {
            int key = NodeLimits.maxKeySize(pageSize);
            int limit = NodeLimits.maxNodeWithSlot(pageSize);
            assertTrue(LeafPage.nodeSize(key, Long.BYTES) + PageHeader.SLOT_SIZE <= limit, "big leaf node, " + pageSize);
            assertTrue(BranchPage.nodeSizeFor(key) + PageHeader.SLOT_SIZE <= limit, "branch node, " + pageSize);
        }
    }

    @Test
    void needsOverflowWhenTheInlineNodeWouldPassHalfAPage() {
        // 8 header + key + value + 6 slot <= 2032
        assertFalse(NodeLimits.needsOverflow(10, 2008, 4096));
        assertTrue(NodeLimits.needsOverflow(10, 2009, 4096));
        assertFalse(NodeLimits.needsOverflow(0, 2018, 4096));
        assertTrue(NodeLimits.needsOverflow(0, 2019, 4096));
        assertFalse(NodeLimits.needsOverflow(511, 1507, 4096));
        assertTrue(NodeLimits.needsOverflow(511, 1508, 4096));
        assertTrue(NodeLimits.needsOverflow(1, 1L << 32, 4096), "lengths beyond int");
        assertFalse(NodeLimits.needsOverflow(10, 216, 512));
        assertTrue(NodeLimits.needsOverflow(10, 217, 512));
    }

    @Test
    void theLargestInlineNodeIsExactlyTheLimit() {
        for (int pageSize = 512; pageSize <= 32768; pageSize *= 2) {
            int limit = NodeLimits.maxNodeWithSlot(pageSize);
            int key = 7;
            int value = limit - PageHeader.SLOT_SIZE - LeafPage.NODE_HEADER - key;
            assertFalse(NodeLimits.needsOverflow(key, value, pageSize));
            assertTrue(NodeLimits.needsOverflow(key, value + 1, pageSize));
            assertEquals(limit, LeafPage.nodeSize(key, value) + PageHeader.SLOT_SIZE);
        }
    }

    @Test
    void underfullBelowAQuarterOfTheCapacity() {
        LeafPage leaf = LeafPage.format(MemorySegment.ofArray(new byte[4096]), 0, 4096, 5);
        assertTrue(NodeLimits.underfull(leaf), "empty");
        // a quarter of 4064 is 1016: a node of 8 + 1 + v bytes plus its 6-byte slot
        leaf.insertRaw(0, LeafPage.encode(MemorySegment.ofArray(new byte[1]), 0, MemorySegment.ofArray(new byte[1000])));
        assertEquals(1015, leaf.usedBytes());
        assertTrue(NodeLimits.underfull(leaf));
        leaf.rebuild(java.util.List.of(
                LeafPage.encode(MemorySegment.ofArray(new byte[1]), 0, MemorySegment.ofArray(new byte[1001]))));
        assertEquals(1016, leaf.usedBytes());
        assertFalse(NodeLimits.underfull(leaf));
    }
}
