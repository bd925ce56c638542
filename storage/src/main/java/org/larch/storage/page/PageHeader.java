package org.larch.storage.page;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * The header every page starts with. Offsets are relative to the page's first byte.
 *
 * <pre>
 * offset | size | field          | meaning
 * -------+------+----------------+-------------------------------------------------------------
 *      0 |    8 | pageNumber     | the page's own number (a misplaced page is detected)
 *      8 |    4 | checksum       | CRC32C of the page (of the whole run for overflow) with this field as 0
 *     12 |    2 | kind           | {@link PageKind#code}: 1 branch, 2 leaf, 4 overflow, 8 meta
 *     14 |    2 | slotCount      | branch/leaf: number of nodes (slots) on the page
 *     16 |    2 | upper          | branch/leaf: offset of the lowest node byte (page size when empty)
 *     18 |    2 | reserved       | 0
 *     20 |    4 | overflowPages  | overflow: pages in the run, this one included; otherwise 0
 *     24 |    8 | txnId          | the transaction that wrote the page
 * </pre>
 *
 * Branch and leaf pages continue with the slot array at offset 32, one 6-byte slot per node in key
 * order, growing up; node bodies grow down from the page's end. A slot, offsets from its first byte:
 *
 * <pre>
 * offset | size | field      | meaning
 * -------+------+------------+-------------------------------------------------------------------
 *      0 |    2 | nodeOffset | offset of the node from the page's first byte
 *      2 |    4 | keyPrefix  | the key's first 4 bytes as a BIG-endian u32, zero-padded when the
 *        |      |            | key is shorter (0 for a branch's node 0): a binary search compares
 *        |      |            | it first and reads the node only when it is equal
 * </pre>
 *
 * All fields little-endian except keyPrefix.
 */
public final class PageHeader {
    public static final int SIZE = 32;
    public static final int SLOT_SIZE = 6;
    public static final int SLOT_NODE_OFFSET = 0;
    public static final int SLOT_KEY_PREFIX = 2;

    static final int NUMBER = 0;
    static final int CHECKSUM = 8;
    static final int KIND = 12;
    static final int SLOT_COUNT = 14;
    static final int UPPER = 16;
    static final int OVERFLOW_PAGES = 20;
    static final int TXN_ID = 24;

    private static final byte[] ZERO_CHECKSUM = new byte[4];

    private PageHeader() {
    }

    public static void init(MemorySegment segment, long base, long pageNumber, PageKind kind, int pageSize) {
        segment.asSlice(base, SIZE).fill((byte) 0);
        Bytes.putU64(segment, base + NUMBER, pageNumber);
        Bytes.putU16(segment, base + KIND, kind.code);
        Bytes.putU16(segment, base + UPPER, pageSize);
    }

    static int u16(MemorySegment segment, long base, int field) {
        return Bytes.u16(segment, base + field);
    }

    public static long pageNumber(MemorySegment segment, long base) {
        return Bytes.u64(segment, base + NUMBER);
    }

    public static void setPageNumber(MemorySegment segment, long base, long pageNumber) {
        Bytes.putU64(segment, base + NUMBER, pageNumber);
    }

    public static int kindCode(MemorySegment segment, long base) {
        return Bytes.u16(segment, base + KIND);
    }

    public static int overflowPages(MemorySegment segment, long base) {
        return (int) Bytes.u32(segment, base + OVERFLOW_PAGES);
    }

    public static void setOverflowPages(MemorySegment segment, long base, int pages) {
        Bytes.putU32(segment, base + OVERFLOW_PAGES, pages);
    }

    public static long txnId(MemorySegment segment, long base) {
        return Bytes.u64(segment, base + TXN_ID);
    }

    public static void setTxnId(MemorySegment segment, long base, long txnId) {
        Bytes.putU64(segment, base + TXN_ID, txnId);
    }

    public static int storedChecksum(MemorySegment segment, long base) {
        return segment.get(Bytes.U32, base + CHECKSUM);
    }

    /** Computes the CRC32C of {@code length} bytes at {@code base}, the checksum field counted as zero. */
    public static int computeChecksum(MemorySegment segment, long base, long length) {
        return checksumOf(heapBytes(segment.asSlice(base, length)), length);
    }

    private static int checksumOf(ByteBuffer bytes, long length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes.slice(0, CHECKSUM));
        crc.update(ZERO_CHECKSUM);
        crc.update(bytes.slice(CHECKSUM + 4, (int) length - CHECKSUM - 4));
        return (int) crc.getValue();
    }

    /**
     * The bytes to checksum, on the heap: a mapped page read by the JVM's CRC32C intrinsic after the
     * file was cut short kills the JVM (SIGBUS inside the stub), while a copy faults with a catchable
     * InternalError. Heap segments (dirty pages) are used as they are.
     */
    private static ByteBuffer heapBytes(MemorySegment bytes) {
        if (!bytes.isNative()) {
            return bytes.asByteBuffer();
        }
        return ByteBuffer.wrap(bytes.toArray(java.lang.foreign.ValueLayout.JAVA_BYTE));
    }

    /**
     * Writes the checksum of a page (or run) of a write transaction: heap or native memory of its own,
     * never the mapped file, so the CRC32C intrinsic reads it in place.
     */
    public static void seal(MemorySegment segment, long base, long length) {
        int checksum = segment.heapBase().orElse(null) instanceof byte[] array
                ? checksumOf(array, Math.toIntExact(segment.address() + base), (int) length)
                : checksumOf(segment.asSlice(base, length).asByteBuffer(), length);
        segment.set(Bytes.U32, base + CHECKSUM, checksum);
    }

    /** The checksum of a page in a heap array, read from the array itself: no buffer objects. */
    private static int checksumOf(byte[] array, int start, int length) {
        CRC32C crc = new CRC32C();
        crc.update(array, start, CHECKSUM);
        crc.update(ZERO_CHECKSUM);
        crc.update(array, start + CHECKSUM + 4, length - CHECKSUM - 4);
        return (int) crc.getValue();
    }

    public static boolean checksumHolds(MemorySegment segment, long base, long length) {
        return storedChecksum(segment, base) == computeChecksum(segment, base, length);
    }
}
