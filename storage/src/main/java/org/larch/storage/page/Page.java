package org.larch.storage.page;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.List;

/**
 * A branch or leaf page: the header of {@link PageHeader}, a slot array in key order growing up from
 * offset 32, node bodies growing down from the page's end. Node layouts are the subclasses'. A slot,
 * offsets from its first byte ({@link PageHeader#SLOT_SIZE} bytes):
 *
 * <pre>
 * offset | size | field      | meaning
 * -------+------+------------+-------------------------------------------------------------------
 *      0 |    2 | nodeOffset | u16 offset of the node from the page's first byte
 *      2 |    4 | keyPrefix  | {@link SearchKey#prefixOf}: the key's first 4 bytes, big-endian,
 *        |      |            | zero-padded (0 for a branch's empty node-0 key)
 * </pre>
 *
 * A lexicographic binary search compares the prefixes and reads a node only where they are equal,
 * so a lookup mostly stays in the slot array's cache lines. A page is a view of {@code pageSize} bytes at {@code base} of a segment: a slice
 * of the mapped file (committed, never modified) or a transaction's private copy ({@link #isDirty()}),
 * the only kind the mutators may touch. Nodes are kept packed: removing one closes its gap.
 */
public abstract sealed class Page permits BranchPage, LeafPage {
    private static final ValueLayout.OfInt BIG_ENDIAN_U32 =
            ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);

    protected final MemorySegment segment;
    /** Fixed but for {@link #moveTo}, which only read cursors call on their own committed pages. */
    protected long base;
    protected final int pageSize;
    private long number;
    private final boolean dirty;

    protected Page(MemorySegment segment, long base, int pageSize, long number, boolean dirty) {
        this.segment = segment;
        this.base = base;
        this.pageSize = pageSize;
        this.number = number;
        this.dirty = dirty;
    }

    /** Views the page at {@code base}: a {@link LeafPage} or {@link BranchPage} by its kind field. */
    public static Page wrap(MemorySegment segment, long base, int pageSize, long number, boolean dirty) {
        int kind = PageHeader.kindCode(segment, base);
        if (kind == PageKind.LEAF.code) {
            return new LeafPage(segment, base, pageSize, number, dirty);
        }
        if (kind == PageKind.BRANCH.code) {
            return new BranchPage(segment, base, pageSize, number, dirty);
        }
        throw new org.larch.storage.CorruptedException(
                "page " + number + " is not a branch or leaf page (kind " + kind + ")");
    }

    /**
     * Makes this object view committed page {@code number} at {@code base} of the same segment instead:
     * a read cursor stepping to a neighbouring page reuses the object of the page it leaves, so a scan
     * allocates nothing. The page there must be of this object's kind.
     */
    public final void moveTo(long base, long number) {
        if (dirty) {
            throw new IllegalStateException("page " + this.number + " is a transaction's own page and cannot be moved");
        }
        int kind = PageHeader.kindCode(segment, base);
        int expected = this instanceof LeafPage ? PageKind.LEAF.code : PageKind.BRANCH.code;
        if (kind != expected) {
            throw new org.larch.storage.CorruptedException("page " + number + " has kind " + kind + " where its level holds kind "
                    + expected);
        }
        this.base = base;
        this.number = number;
    }

    public final long number() {
        return number;
    }

    public final boolean isDirty() {
        return dirty;
    }

    public final int pageSize() {
        return pageSize;
    }

    public final MemorySegment segment() {
        return segment;
    }

    public final long base() {
        return base;
    }

    public final int slotCount() {
        return PageHeader.u16(segment, base, PageHeader.SLOT_COUNT);
    }

    final int upper() {
        return PageHeader.u16(segment, base, PageHeader.UPPER);
    }

    /** Bytes between the slot array and the node bodies. */
    public final int freeBytes() {
        return upper() - PageHeader.SIZE - slotCount() * PageHeader.SLOT_SIZE;
    }

    /** Bytes taken by slots and nodes. */
    public final int usedBytes() {
        return capacity(pageSize) - freeBytes();
    }

    /** Bytes a page of this size offers to slots and nodes. */
    public static int capacity(int pageSize) {
        return pageSize - PageHeader.SIZE;
    }

    /** Whether a node of {@code nodeSize} bytes (plus its slot) fits now. */
    public final boolean fits(int nodeSize) {
        return freeBytes() >= nodeSize + PageHeader.SLOT_SIZE;
    }

    /** Offset of node {@code index} from the page's first byte. */
    protected final int nodeOffset(int index) {
        return Bytes.u16(segment, slotAt(index) + PageHeader.SLOT_NODE_OFFSET);
    }

    /** The key prefix kept in slot {@code index} (see {@link SearchKey#prefixOf}). */
    public final int slotPrefix(int index) {
        return segment.get(BIG_ENDIAN_U32, slotAt(index) + PageHeader.SLOT_KEY_PREFIX);
    }

    /** Absolute offset of slot {@code index} in {@link #segment()}. */
    private long slotAt(int index) {
        return base + PageHeader.SIZE + (long) index * PageHeader.SLOT_SIZE;
    }

    /** The slot count of the page at {@code base}: for the read path, which works without page objects. */
    public static int slotCount(MemorySegment segment, long base) {
        return PageHeader.u16(segment, base, PageHeader.SLOT_COUNT);
    }

    /** Absolute offset of node {@code index} of the page at {@code base}: for the read path's lookups. */
    public static long nodeAt(MemorySegment segment, long base, int index) {
        long slot = base + PageHeader.SIZE + (long) index * PageHeader.SLOT_SIZE;
        return base + Bytes.u16(segment, slot + PageHeader.SLOT_NODE_OFFSET);
    }

    /** Absolute offset of node {@code index} in {@link #segment()}. */
    protected final long nodeAt(int index) {
        return base + nodeOffset(index);
    }

    /** Bytes of node {@code index}, header and body. */
    public abstract int nodeSize(int index);

    public abstract int keyLength(int index);

    /** Absolute offset of node {@code index}'s key in {@link #segment()}. */
    public abstract long keyOffset(int index);

    public final byte[] keyBytes(int index) {
        return segment.asSlice(keyOffset(index), keyLength(index)).toArray(ValueLayout.JAVA_BYTE);
    }

    public final MemorySegment key(int index) {
        return segment.asSlice(keyOffset(index), keyLength(index));
    }

    public final int compareKey(int index, MemorySegment key, long keyOffset, int keyLength, KeyComparator order) {
        return order.compare(segment, keyOffset(index), keyLength(index), key, keyOffset, keyLength);
    }

    /** The sign of (node {@code index}'s key − {@code key}), in the order {@code key} was prepared for. */
    public final int compareStoredKey(int index, SearchKey key) {
        long node = nodeAt(index);
        return key.compareStored(segment, node + keyField(), Bytes.u16(segment, node + keyLengthField()));
    }

    /** Offset of the key within an encoded node of this page's kind. */
    protected abstract int encodedKeyOffset(byte[] node);

    /** Bytes of the key of an encoded node of this page's kind. */
    protected abstract int encodedKeyLength(byte[] node);

    /** Offset of the u16 key length within a node of this kind. */
    protected abstract int keyLengthField();

    /** Offset of the key within a node of this kind. */
    protected abstract int keyField();

    /**
     * Binary search over slots {@code [from, slotCount)}: the index of an equal key, or
     * {@code -(insertionPoint + 1)} where the first greater key stands.
     */
    protected final int binarySearch(int from, MemorySegment key, long keyOffset, int keyLength, KeyComparator order) {
        MemorySegment searched = keyOffset == 0 && key.byteSize() == keyLength ? key : key.asSlice(keyOffset, keyLength);
        return binarySearch(from, new SearchKey(searched, order));
    }

    protected final int binarySearch(int from, SearchKey key) {
        return searchSlots(segment, base, from, key, keyLengthField(), keyField());
    }

    /**
     * The search itself, over the page at {@code base} of {@code segment} without a page object (the
     * read path's lookups call it directly). In lexicographic order a probe first compares the slot's
     * key prefix with the key's, and reads the node only when they are equal.
     *
     * @param keyLengthField offset of the u16 key length within a node of the page's kind
     * @param keyField       offset of the key within such a node
     */
    static int searchSlots(MemorySegment segment, long base, int from, SearchKey key, int keyLengthField,
            int keyField) {
        boolean byPrefix = key.ordersByPrefix();
        int prefix = byPrefix ? key.prefix() : 0;
        long slots = base + PageHeader.SIZE;
        int low = from;
        int high = PageHeader.u16(segment, base, PageHeader.SLOT_COUNT) - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            long slot = slotWord(segment, slots + (long) middle * PageHeader.SLOT_SIZE);
            int c = byPrefix ? Integer.compareUnsigned(slotPrefix(slot), prefix) : 0;
            if (c == 0) {
                long node = base + slotNodeOffset(slot);
                c = key.compareStored(segment, node + keyField, Bytes.u16(segment, node + keyLengthField));
            }
            if (c < 0) {
                low = middle + 1;
            } else if (c > 0) {
                high = middle - 1;
            } else {
                return middle;
            }
        }
        return -(low + 1);
    }

    /**
     * The slot at {@code slot} and the next two bytes, in one read: a probe of the search needs both
     * of its fields. Those two bytes are the next slot's or, after the last slot, free space or a
     * node's: a page with slots has at least one node below them, so the read stays in the page.
     */
    private static long slotWord(MemorySegment segment, long slot) {
        return segment.get(Bytes.U64, slot);
    }

    /** The keyPrefix field of a {@link #slotWord}. */
    private static int slotPrefix(long slotWord) {
        return Integer.reverseBytes((int) (slotWord >>> (8 * PageHeader.SLOT_KEY_PREFIX)));
    }

    /** The nodeOffset field of a {@link #slotWord}. */
    private static int slotNodeOffset(long slotWord) {
        return (int) (slotWord >>> (8 * PageHeader.SLOT_NODE_OFFSET)) & 0xffff;
    }

    /** A copy of node {@code index}'s bytes, to move it to another page. */
    public final byte[] rawNode(int index) {
        return segment.asSlice(nodeAt(index), nodeSize(index)).toArray(ValueLayout.JAVA_BYTE);
    }

    /** Inserts an encoded node at slot {@code index}; the caller checked {@link #fits(int)}. */
    public final void insertRaw(int index, byte[] node) {
        MemorySegment encoded = MemorySegment.ofArray(node);
        int prefix = SearchKey.prefixOf(encoded, encodedKeyOffset(node), encodedKeyLength(node));
        MemorySegment.copy(encoded, 0, segment, reserveNode(index, node.length, prefix), node.length);
    }

    /**
     * Opens slot {@code index} for a node of {@code size} bytes whose key starts with {@code keyPrefix}
     * and takes its room below the other nodes; returns the node's absolute offset for the caller to
     * write it there. The caller checked {@link #fits(int)}.
     */
    protected final long reserveNode(int index, int size, int keyPrefix) {
        requireDirty();
        int count = slotCount();
        int newUpper = upper() - size;
        long slot = slotAt(index);
        MemorySegment.copy(segment, slot, segment, slot + PageHeader.SLOT_SIZE,
                (long) (count - index) * PageHeader.SLOT_SIZE);
        Bytes.putU16(segment, slot + PageHeader.SLOT_NODE_OFFSET, newUpper);
        segment.set(BIG_ENDIAN_U32, slot + PageHeader.SLOT_KEY_PREFIX, keyPrefix);
        setCounts(count + 1, newUpper);
        return base + newUpper;
    }

    /** Removes node {@code index}, closes the gap it leaves among the node bodies and zeroes the freed bytes. */
    public final void removeRaw(int index) {
        requireDirty();
        int count = slotCount();
        int upper = upper();
        int offset = nodeOffset(index);
        int size = nodeSize(index);
        MemorySegment.copy(segment, base + upper, segment, base + upper + size, offset - upper);
        for (int i = 0; i < count; i++) {
            int slotOffset = nodeOffset(i);
            if (slotOffset < offset) {
                Bytes.putU16(segment, slotAt(i) + PageHeader.SLOT_NODE_OFFSET, slotOffset + size);
            }
        }
        long slot = slotAt(index);
        MemorySegment.copy(segment, slot + PageHeader.SLOT_SIZE, segment, slot,
                (long) (count - index - 1) * PageHeader.SLOT_SIZE);
        segment.asSlice(slotAt(count - 1), PageHeader.SLOT_SIZE).fill((byte) 0);
        segment.asSlice(base + upper, size).fill((byte) 0);
        setCounts(count - 1, upper + size);
    }

    /**
     * Empties the page and appends {@code nodes} in order; they must fit. The bytes of nodes that
     * moved away are zeroed, so no deleted value lingers in the page's free space.
     */
    public final void rebuild(List<byte[]> nodes) {
        clear();
        for (int i = 0; i < nodes.size(); i++) {
            insertRaw(i, nodes.get(i));
        }
    }

    /**
     * Appends node {@code index} of {@code source}, a page of the same kind, after this page's last
     * node, with the same key prefix; the caller checked {@link #fits(int)}.
     */
    public final void appendNodeOf(Page source, int index) {
        int size = source.nodeSize(index);
        long target = reserveNode(slotCount(), size, source.slotPrefix(index));
        MemorySegment.copy(source.segment, source.nodeAt(index), segment, target, size);
    }

    /** Empties the page, zeroing every byte after the header. */
    public final void clear() {
        requireDirty();
        segment.asSlice(base + PageHeader.SIZE, pageSize - PageHeader.SIZE).fill((byte) 0);
        setCounts(0, pageSize);
    }

    /** All nodes' bytes, in slot order. */
    public final List<byte[]> rawNodes() {
        int count = slotCount();
        java.util.ArrayList<byte[]> nodes = new java.util.ArrayList<>(count + 1);
        for (int i = 0; i < count; i++) {
            nodes.add(rawNode(i));
        }
        return nodes;
    }

    private void setCounts(int count, int upper) {
        Bytes.putU16(segment, base + PageHeader.SLOT_COUNT, count);
        Bytes.putU16(segment, base + PageHeader.UPPER, upper);
    }

    protected final void requireDirty() {
        if (!dirty) {
            throw new IllegalStateException("page " + number + " is committed and must not be modified");
        }
    }
}
