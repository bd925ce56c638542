package org.larch.storage.page;

import java.lang.foreign.MemorySegment;

/**
 * A branch page: its nodes point to child pages. Node {@code i}'s subtree holds the keys from node
 * {@code i}'s key (inclusive) to node {@code i+1}'s (exclusive); node 0's key is stored empty and
 * stands for minus infinity. Node layout, offsets from the node's first byte:
 *
 * <pre>
 * offset | size | field      | meaning
 * -------+------+------------+-------------------------------------------
 *      0 |    8 | childPage  | number of the child page
 *      8 |    2 | keyLength  | bytes of separator key (0 for node 0)
 *     10 |    k | key        | separator: no key of the left siblings is as large
 * </pre>
 */
public final class BranchPage extends Page {
    public static final int NODE_HEADER = 10;

    static final int CHILD = 0;
    static final int KEY_LENGTH = 8;

    BranchPage(MemorySegment segment, long base, int pageSize, long number, boolean dirty) {
        super(segment, base, pageSize, number, dirty);
    }

    /** Formats an empty branch at {@code base}. */
    public static BranchPage format(MemorySegment segment, long base, int pageSize, long number) {
        PageHeader.init(segment, base, number, PageKind.BRANCH, pageSize);
        return new BranchPage(segment, base, pageSize, number, true);
    }

    /** Index of the child whose subtree would hold {@code key}. */
    public int childIndexFor(MemorySegment key, long keyOffset, int keyLength, KeyComparator order) {
        int found = binarySearch(1, key, keyOffset, keyLength, order);
        return found >= 0 ? found : -found - 2;
    }

    /** Index of the child whose subtree would hold {@code key}. */
    public int childIndexFor(SearchKey key) {
        int found = binarySearch(1, key);
        return found >= 0 ? found : -found - 2;
    }

    @Override
    protected int encodedKeyOffset(byte[] node) {
        return NODE_HEADER;
    }

    @Override
    protected int encodedKeyLength(byte[] node) {
        return Bytes.u16(MemorySegment.ofArray(node), KEY_LENGTH);
    }

    /** {@link #childIndexFor(SearchKey)} on the committed branch at {@code base}, with no page object. */
    public static int childIndexFor(MemorySegment segment, long base, SearchKey key) {
        int found = searchSlots(segment, base, 1, key, KEY_LENGTH, NODE_HEADER);
        return found >= 0 ? found : -found - 2;
    }

    /** {@link #child(int)} of the committed branch at {@code base}. */
    public static long child(MemorySegment segment, long base, int index) {
        return Bytes.u64(segment, nodeAt(segment, base, index) + CHILD);
    }

    @Override
    protected int keyLengthField() {
        return KEY_LENGTH;
    }

    @Override
    protected int keyField() {
        return NODE_HEADER;
    }

    public long child(int index) {
        return Bytes.u64(segment, nodeAt(index) + CHILD);
    }

    public void setChild(int index, long pageNumber) {
        requireDirty();
        Bytes.putU64(segment, nodeAt(index) + CHILD, pageNumber);
    }

    @Override
    public int nodeSize(int index) {
        return NODE_HEADER + keyLength(index);
    }

    @Override
    public int keyLength(int index) {
        return Bytes.u16(segment, nodeAt(index) + KEY_LENGTH);
    }

    @Override
    public long keyOffset(int index) {
        return nodeAt(index) + NODE_HEADER;
    }

    public static int nodeSizeFor(int keyLength) {
        return NODE_HEADER + keyLength;
    }

    /** Encodes a node pointing to {@code childPage} with separator {@code key}. */
    public static byte[] encode(MemorySegment key, long childPage) {
        int keyLength = (int) key.byteSize();
        byte[] node = new byte[NODE_HEADER + keyLength];
        MemorySegment out = MemorySegment.ofArray(node);
        Bytes.putU64(out, CHILD, childPage);
        Bytes.putU16(out, KEY_LENGTH, keyLength);
        MemorySegment.copy(key, 0, out, NODE_HEADER, keyLength);
        return node;
    }

    /** The key of an encoded branch node. */
    public static MemorySegment keyOf(byte[] node) {
        MemorySegment segment = MemorySegment.ofArray(node);
        return segment.asSlice(NODE_HEADER, Bytes.u16(segment, KEY_LENGTH));
    }

    /** The child of an encoded branch node. */
    public static long childOf(byte[] node) {
        return Bytes.u64(MemorySegment.ofArray(node), CHILD);
    }
}
