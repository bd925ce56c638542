package org.larch.storage.page;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * A leaf page: its nodes hold keys and values. Node layout, offsets from the node's first byte:
 *
 * <pre>
 * offset | size | field       | meaning
 * -------+------+-------------+-----------------------------------------------------------------
 *      0 |    2 | keyLength   | bytes of key
 *      2 |    2 | flags       | {@link #BIGDATA}: value in an overflow run; {@link #SUBDB}: the value
 *        |      |             | is a named database's descriptor; {@link #DUPDATA}: the value holds a
 *        |      |             | DUPSORT key's values: a {@link SubPage}, or with SUBDB the DbRecord
 *        |      |             | of a nested tree whose keys are the values
 *      4 |    4 | valueLength | bytes of value (for BIGDATA, the length stored in the run)
 *      8 |    k | key         |
 *    8+k |    v | value       | the value, or for BIGDATA the u64 number of the run's first page
 * </pre>
 */
public final class LeafPage extends Page {
    public static final int NODE_HEADER = 8;
    public static final int BIGDATA = 1;
    public static final int SUBDB = 2;
    public static final int DUPDATA = 4;

    private static final VarHandle LITTLE_ENDIAN_U16 =
            MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LITTLE_ENDIAN_U32 =
            MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    static final int KEY_LENGTH = 0;
    static final int FLAGS = 2;
    static final int VALUE_LENGTH = 4;

    LeafPage(MemorySegment segment, long base, int pageSize, long number, boolean dirty) {
        super(segment, base, pageSize, number, dirty);
    }

    /** Formats an empty leaf at {@code base}. */
    public static LeafPage format(MemorySegment segment, long base, int pageSize, long number) {
        PageHeader.init(segment, base, number, PageKind.LEAF, pageSize);
        return new LeafPage(segment, base, pageSize, number, true);
    }

    /** Index of an equal key, or {@code -(insertionPoint + 1)}. */
    public int search(MemorySegment key, long keyOffset, int keyLength, KeyComparator order) {
        return binarySearch(0, key, keyOffset, keyLength, order);
    }

    /** Index of an equal key, or {@code -(insertionPoint + 1)}. */
    public int search(SearchKey key) {
        return binarySearch(0, key);
    }

    @Override
    protected int encodedKeyOffset(byte[] node) {
        return NODE_HEADER;
    }

    @Override
    protected int encodedKeyLength(byte[] node) {
        return Bytes.u16(MemorySegment.ofArray(node), KEY_LENGTH);
    }

    /** {@link #search(SearchKey)} on the committed leaf at {@code base}, with no page object. */
    public static int search(MemorySegment segment, long base, SearchKey key) {
        return searchSlots(segment, base, 0, key, KEY_LENGTH, NODE_HEADER);
    }

    /** Absolute offset of node {@code index} in {@link #segment()}: for reading it with the static accessors. */
    public long nodeAddress(int index) {
        return nodeAt(index);
    }

    /**
     * The whole {@value #NODE_HEADER}-byte header of the node at {@code node} in one read, for a
     * cursor step: split it with {@link #headerKeyLength}, {@link #headerFlags}, {@link #headerValueLength}.
     */
    public static long nodeHeader(MemorySegment segment, long node) {
        return Bytes.u64(segment, node);
    }

    public static int headerKeyLength(long header) {
        return (int) (header & 0xffff);
    }

    public static int headerFlags(long header) {
        return (int) (header >>> 16 & 0xffff);
    }

    public static long headerValueLength(long header) {
        return header >>> 32;
    }

    /** The key length of the node at absolute offset {@code node}; its key follows the header. */
    public static int nodeKeyLength(MemorySegment segment, long node) {
        return Bytes.u16(segment, node + KEY_LENGTH);
    }

    /** The flags of the node at absolute offset {@code node} (see {@link Page#nodeAt(MemorySegment, long, int)}). */
    public static int nodeFlags(MemorySegment segment, long node) {
        return Bytes.u16(segment, node + FLAGS);
    }

    /** Absolute offset of the value (or overflow page number) of the node at {@code node}. */
    public static long nodeValueOffset(MemorySegment segment, long node) {
        return node + NODE_HEADER + Bytes.u16(segment, node + KEY_LENGTH);
    }

    /** The value length recorded in the node at {@code node}. */
    public static long nodeValueLength(MemorySegment segment, long node) {
        return Bytes.u32(segment, node + VALUE_LENGTH);
    }

    @Override
    protected int keyLengthField() {
        return KEY_LENGTH;
    }

    @Override
    protected int keyField() {
        return NODE_HEADER;
    }

    @Override
    public int nodeSize(int index) {
        long node = nodeAt(index);
        int stored = (flags(index) & BIGDATA) != 0 ? Long.BYTES : valueLength(index);
        return NODE_HEADER + Bytes.u16(segment, node + KEY_LENGTH) + stored;
    }

    @Override
    public int keyLength(int index) {
        return Bytes.u16(segment, nodeAt(index) + KEY_LENGTH);
    }

    @Override
    public long keyOffset(int index) {
        return nodeAt(index) + NODE_HEADER;
    }

    public int flags(int index) {
        return Bytes.u16(segment, nodeAt(index) + FLAGS);
    }

    public boolean isBig(int index) {
        return (flags(index) & BIGDATA) != 0;
    }

    /** Whether node {@code index} holds a DUPSORT key's values in a nested tree (its value is a DbRecord). */
    public boolean holdsNestedTree(int index) {
        return (flags(index) & (DUPDATA | SUBDB)) == (DUPDATA | SUBDB);
    }

    public int valueLength(int index) {
        return (int) Bytes.u32(segment, nodeAt(index) + VALUE_LENGTH);
    }

    /** Changes the recorded length of a BIGDATA node's value (its run was rewritten in place). */
    public void setBigValueLength(int index, long valueLength) {
        requireDirty();
        Bytes.putU32(segment, nodeAt(index) + VALUE_LENGTH, valueLength);
    }

    /** Absolute offset of node {@code index}'s inline value (or overflow page number) in the segment. */
    public long valueOffset(int index) {
        return keyOffset(index) + keyLength(index);
    }

    /** The inline value of node {@code index}; not for BIGDATA nodes. */
    public MemorySegment inlineValue(int index) {
        long node = nodeAt(index);
        long keyEnd = node + NODE_HEADER + Bytes.u16(segment, node + KEY_LENGTH);
        return segment.asSlice(keyEnd, Bytes.u32(segment, node + VALUE_LENGTH));
    }

    /** First page of node {@code index}'s overflow run. */
    public long overflowPage(int index) {
        return Bytes.u64(segment, valueOffset(index));
    }

    /**
     * Inserts a node with an inline value at slot {@code index}, encoding it where it goes (no node
     * array in between); the caller checked {@link #fits(int)} for {@link #nodeSize(int, int)}.
     */
    public void insertInline(int index, MemorySegment key, int flags, MemorySegment value) {
        int keyLength = (int) key.byteSize();
        int valueLength = (int) value.byteSize();
        long node = insertNodeHead(index, key, 0, keyLength, flags, valueLength);
        MemorySegment.copy(value, 0, segment, node + NODE_HEADER + keyLength, valueLength);
    }

    /**
     * Inserts at slot {@code index} a node with no flags and an empty value (a nested tree's node) whose
     * key is the {@code keyLength} bytes at {@code keyOffset} of {@code keys}; the caller checked
     * {@link #fits(int)}.
     */
    public void insertKeyOnly(int index, MemorySegment keys, long keyOffset, int keyLength) {
        insertNodeHead(index, keys, keyOffset, keyLength, 0, 0);
    }

    /** Opens slot {@code index} for a node, writes its header and key; returns the node's offset. */
    private long insertNodeHead(int index, MemorySegment key, long keyOffset, int keyLength, int flags, int valueLength) {
        long node = reserveNode(index, nodeSize(keyLength, valueLength), SearchKey.prefixOf(key, keyOffset, keyLength));
        Bytes.putU16(segment, node + KEY_LENGTH, keyLength);
        Bytes.putU16(segment, node + FLAGS, flags);
        Bytes.putU32(segment, node + VALUE_LENGTH, valueLength);
        MemorySegment.copy(key, keyOffset, segment, node + NODE_HEADER, keyLength);
        return node;
    }

    /**
     * Replaces node {@code index}'s inline value with {@code value} where it lies, when the node has
     * exactly {@code flags} (so never a value in overflow pages) and a value of the same length: no
     * node moves (as LMDB overwrites a value of unchanged size). False, and nothing changed, otherwise.
     */
    public boolean overwriteInlineValue(int index, int flags, MemorySegment value) {
        requireDirty();
        long node = nodeAt(index);
        long valueLength = value.byteSize();
        if (Bytes.u16(segment, node + FLAGS) != flags || (flags & BIGDATA) != 0
                || Bytes.u32(segment, node + VALUE_LENGTH) != valueLength) {
            return false;
        }
        long keyEnd = node + NODE_HEADER + Bytes.u16(segment, node + KEY_LENGTH);
        MemorySegment.copy(value, 0, segment, keyEnd, valueLength);
        return true;
    }

    /** Size of a node holding {@code keyLength} key bytes and {@code storedValueBytes} inline. */
    public static int nodeSize(int keyLength, int storedValueBytes) {
        return NODE_HEADER + keyLength + storedValueBytes;
    }

    /** Encodes a node with an inline value. */
    public static byte[] encode(MemorySegment key, int flags, MemorySegment value) {
        int keyLength = (int) key.byteSize();
        int valueLength = (int) value.byteSize();
        byte[] node = new byte[NODE_HEADER + keyLength + valueLength];
        writeHeader(node, keyLength, flags, valueLength);
        MemorySegment.copy(key, ValueLayout.JAVA_BYTE, 0, node, NODE_HEADER, keyLength);
        MemorySegment.copy(value, ValueLayout.JAVA_BYTE, 0, node, NODE_HEADER + keyLength, valueLength);
        return node;
    }

    /** Encodes a node whose value of {@code valueLength} bytes lies in the run at {@code firstPage}. */
    public static byte[] encodeBig(MemorySegment key, int flags, long valueLength, long firstPage) {
        int keyLength = (int) key.byteSize();
        byte[] node = new byte[NODE_HEADER + keyLength + Long.BYTES];
        writeHeader(node, keyLength, flags | BIGDATA, valueLength);
        MemorySegment.copy(key, ValueLayout.JAVA_BYTE, 0, node, NODE_HEADER, keyLength);
        Bytes.putU64(MemorySegment.ofArray(node), NODE_HEADER + keyLength, firstPage);
        return node;
    }

    /** Writes the node header into {@code node} directly: little-endian, like {@link Bytes}. */
    private static void writeHeader(byte[] node, int keyLength, int flags, long valueLength) {
        LITTLE_ENDIAN_U16.set(node, KEY_LENGTH, (short) keyLength);
        LITTLE_ENDIAN_U16.set(node, FLAGS, (short) flags);
        LITTLE_ENDIAN_U32.set(node, VALUE_LENGTH, (int) valueLength);
    }
}
