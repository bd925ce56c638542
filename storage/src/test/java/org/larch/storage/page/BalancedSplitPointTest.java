package org.larch.storage.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.larch.storage.btree.NodeLimits;

/**
 * {@code PageSplitter.balancedSplitPoint}: where a full page plus one node is cut in two. The method is
 * package-private in {@code btree}; this suite owns only the page test package, so it is reached by
 * reflection. Move this class to {@code btree} (and call the method directly) when that package's
 * tests are written.
 */
class BalancedSplitPointTest {
    private static final int PAGE = 4096;
    private static final int CAPACITY = Page.capacity(PAGE);
    private static final MethodHandle SPLIT_POINT = splitPointHandle();

    private static MethodHandle splitPointHandle() {
        try {
            Method method = Class.forName("org.larch.storage.btree.PageSplitter")
                    .getDeclaredMethod("balancedSplitPoint", List.class, boolean.class, int.class);
            method.setAccessible(true);
            return MethodHandles.lookup().unreflect(method)
                    .asType(MethodType.methodType(int.class, List.class, boolean.class, int.class));
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("PageSplitter.balancedSplitPoint(List, boolean, int) is gone", e);
        }
    }

    private static int splitPoint(List<byte[]> nodes, boolean branch, int pageSize) {
        try {
            return (int) SPLIT_POINT.invokeExact(nodes, branch, pageSize);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }

    /** Leaf-like nodes of the given sizes; only their lengths matter to a leaf split. */
    private static List<byte[]> nodesOfSizes(int... sizes) {
        List<byte[]> nodes = new ArrayList<>();
        for (int size : sizes) {
            nodes.add(new byte[size]);
        }
        return nodes;
    }

    private static List<byte[]> repeat(int count, int size) {
        return new ArrayList<>(Collections.nCopies(count, new byte[size]));
    }

    private static byte[] branchNode(int keyLength, long child) {
        return BranchPage.encode(MemorySegment.ofArray(new byte[keyLength]), child);
    }

    /** Bytes (nodes and slots) of nodes[from, to). */
    private static long bytes(List<byte[]> nodes, int from, int to) {
        long total = 0;
        for (int i = from; i < to; i++) {
            total += nodes.get(i).length + PageHeader.SLOT_SIZE;
        }
        return total;
    }

    /** Bytes of the right half: a branch's right half drops its first key (it moves up as the separator). */
    private static long rightBytes(List<byte[]> nodes, int at, boolean branch) {
        long keyLoss = branch ? BranchPage.keyOf(nodes.get(at)).byteSize() : 0;
        return bytes(nodes, at, nodes.size()) - keyLoss;
    }

    private static void assertBothHalvesFit(List<byte[]> nodes, int at, boolean branch, int pageSize) {
        assertTrue(at >= 1 && at < nodes.size(), "split point " + at + " of " + nodes.size());
        int capacity = Page.capacity(pageSize);
        assertTrue(bytes(nodes, 0, at) <= capacity, "left half " + bytes(nodes, 0, at) + " > " + capacity);
        assertTrue(rightBytes(nodes, at, branch) <= capacity,
                "right half " + rightBytes(nodes, at, branch) + " > " + capacity);
    }

    @Test
    void equalNodesSplitInTheMiddle() {
        assertEquals(5, splitPoint(repeat(10, 100), false, PAGE));
        assertEquals(20, splitPoint(repeat(40, 100), false, PAGE));
    }

    @Test
    void balancesBytesNotNodeCounts() {
        List<byte[]> nodes = nodesOfSizes(1000);
        nodes.addAll(repeat(10, 100));
        // left [1000] = 1006 bytes, right 10 x 106 = 1060: the most even cut is after one node
        assertEquals(1, splitPoint(nodes, false, PAGE));
    }

    @Test
    void aBigNodeAtTheEndGoesRightAlone() {
        List<byte[]> nodes = repeat(20, 100);
        nodes.add(new byte[NodeLimits.maxNodeWithSlot(PAGE) - PageHeader.SLOT_SIZE]);
        int at = splitPoint(nodes, false, PAGE);
        assertEquals(20, at, "2120 bytes left, 2032 right");
        assertBothHalvesFit(nodes, at, false, PAGE);
    }

    @Test
    void aBigNodeAtTheStartGoesLeftAlone() {
        List<byte[]> nodes = nodesOfSizes(NodeLimits.maxNodeWithSlot(PAGE) - PageHeader.SLOT_SIZE);
        nodes.addAll(repeat(20, 100));
        int at = splitPoint(nodes, false, PAGE);
        assertEquals(1, at, "2032 bytes left, 2120 right");
        assertBothHalvesFit(nodes, at, false, PAGE);
    }

    @Test
    void aBigNodeInTheMiddleOfAFullPageMakesAnUnevenSplitThatStillFits() {
        List<byte[]> nodes = repeat(20, 100);
        nodes.add(new byte[NodeLimits.maxNodeWithSlot(PAGE) - PageHeader.SLOT_SIZE]);
        nodes.addAll(repeat(19, 100));
        int at = splitPoint(nodes, false, PAGE);
        // 20 small nodes (2120) | big + 19 small (2032 + 2014 = 4046); one step either way overflows a half
        assertEquals(20, at);
        assertEquals(2120, bytes(nodes, 0, at));
        assertEquals(4046, bytes(nodes, at, nodes.size()));
        assertBothHalvesFit(nodes, at, false, PAGE);
    }

    @Test
    void aBranchSplitCountsTheSeparatorMovingUp() {
        List<byte[]> branch = List.of(branchNode(0, 1), branchNode(500, 2), branchNode(150, 3), branchNode(30, 4));
        // as a branch: cut before node 1 leaves [n0] = 16 | [n1 without key, n2, n3] = 16 + 166 + 46 = 228
        assertEquals(1, splitPoint(branch, true, PAGE));
        // nodes of the same sizes in a leaf keep every byte: 532 | 212 is the most even cut
        assertEquals(2, splitPoint(nodesOfSizes(10, 510, 160, 40), false, PAGE));
    }

    @Test
    void aFullPagePlusOneNodeAlwaysSplitsIntoTwoThatFit() {
        Random random = new Random(7);
        for (int pageSize : new int[] {512, 1024, 4096, 32768}) {
            for (int round = 0; round < 500; round++) {
                for (boolean branch : new boolean[] {false, true}) {
                    List<byte[]> nodes = fullPagePlusOne(random, pageSize, branch);
                    int at = splitPoint(nodes, branch, pageSize);
                    assertBothHalvesFit(nodes, at, branch, pageSize);
                    assertMostEven(nodes, at, branch, pageSize);
                }
            }
        }
    }

    /** No other cut that fits is more even in bytes. */
    private static void assertMostEven(List<byte[]> nodes, int at, boolean branch, int pageSize) {
        long chosen = Math.abs(bytes(nodes, 0, at) - rightBytes(nodes, at, branch));
        for (int other = 1; other < nodes.size(); other++) {
            long left = bytes(nodes, 0, other);
            long right = rightBytes(nodes, other, branch);
            if (left <= Page.capacity(pageSize) && right <= Page.capacity(pageSize)) {
                assertTrue(Math.abs(left - right) >= chosen, "cut at " + other + " is more even than " + at);
            }
        }
    }

    /** Nodes of random sizes within the limits filling a page until the next would not fit, plus that one. */
    private static List<byte[]> fullPagePlusOne(Random random, int pageSize, boolean branch) {
        int maxNode = NodeLimits.maxNodeWithSlot(pageSize) - PageHeader.SLOT_SIZE;
        int maxKey = NodeLimits.maxKeySize(pageSize);
        boolean bigNodes = random.nextBoolean();
        List<byte[]> nodes = new ArrayList<>();
        if (branch) {
            nodes.add(branchNode(0, 1));
        }
        long used = bytes(nodes, 0, nodes.size());
        while (true) {
            byte[] node;
            if (branch) {
                node = branchNode(bigNodes ? maxKey - random.nextInt(3) : random.nextInt(maxKey + 1), 2);
            } else {
                node = new byte[bigNodes ? maxNode - random.nextInt(3) : 9 + random.nextInt(maxNode - 8)];
            }
            int index = branch ? 1 + random.nextInt(nodes.size()) : random.nextInt(nodes.size() + 1);
            nodes.add(index, node);
            used += node.length + PageHeader.SLOT_SIZE;
            if (used > Page.capacity(pageSize)) {
                return nodes;
            }
        }
    }

    @Test
    void noFittingCutIsAnError() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> splitPoint(nodesOfSizes(CAPACITY, CAPACITY), false, PAGE));
        assertTrue(e.getMessage().contains("no split point fits"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> splitPoint(nodesOfSizes(10), false, PAGE),
                "one node cannot be cut");
    }
}
