package org.larch.storage.page;

import java.lang.foreign.MemorySegment;

/**
 * A database's descriptor: kept in the meta page for the free-page and main trees, and as the value
 * of a {@link LeafPage#SUBDB} node in the main tree for a named database. Encoded in 48 bytes:
 *
 * <pre>
 * offset | size | field         | meaning
 * -------+------+---------------+------------------------------------------------------
 *      0 |    4 | flags         | database flags ({@code DbiFlag} bits)
 *      4 |    2 | depth         | levels of the tree, 0 when empty
 *      6 |    2 | reserved      | 0
 *      8 |    8 | branchPages   |
 *     16 |    8 | leafPages     |
 *     24 |    8 | overflowPages | pages in overflow runs
 *     32 |    8 | entries       | key/value pairs
 *     40 |    8 | rootPage      | number of the root page, 0 when empty (page 0 is a meta page)
 * </pre>
 *
 * Mutable while a write transaction works on it; snapshots keep copies.
 */
public final class DbRecord {
    public static final int SIZE = 48;

    public int flags;
    public int depth;
    public long branchPages;
    public long leafPages;
    public long overflowPages;
    public long entries;
    public long rootPage;

    public DbRecord(int flags) {
        this.flags = flags;
    }

    public DbRecord copy() {
        return new DbRecord(flags).copyFrom(this);
    }

    /** Overwrites this record with {@code source}'s fields; returns this. */
    public DbRecord copyFrom(DbRecord source) {
        flags = source.flags;
        depth = source.depth;
        branchPages = source.branchPages;
        leafPages = source.leafPages;
        overflowPages = source.overflowPages;
        entries = source.entries;
        rootPage = source.rootPage;
        return this;
    }

    public boolean isEmpty() {
        return rootPage == 0;
    }

    /** Forgets the tree, keeping the flags. */
    public void clear() {
        depth = 0;
        branchPages = 0;
        leafPages = 0;
        overflowPages = 0;
        entries = 0;
        rootPage = 0;
    }

    public static DbRecord decode(MemorySegment segment, long offset) {
        return new DbRecord(0).decodeFrom(segment, offset);
    }

    /** Overwrites this record with the one encoded at {@code offset}: a read cursor reuses one record. */
    public DbRecord decodeFrom(MemorySegment segment, long offset) {
        DbRecord record = this;
        record.flags = (int) Bytes.u32(segment, offset);
        record.depth = Bytes.u16(segment, offset + 4);
        record.branchPages = Bytes.u64(segment, offset + 8);
        record.leafPages = Bytes.u64(segment, offset + 16);
        record.overflowPages = Bytes.u64(segment, offset + 24);
        record.entries = Bytes.u64(segment, offset + 32);
        record.rootPage = Bytes.u64(segment, offset + 40);
        return record;
    }

    public void encode(MemorySegment segment, long offset) {
        Bytes.putU32(segment, offset, flags);
        Bytes.putU16(segment, offset + 4, depth);
        Bytes.putU16(segment, offset + 6, 0);
        Bytes.putU64(segment, offset + 8, branchPages);
        Bytes.putU64(segment, offset + 16, leafPages);
        Bytes.putU64(segment, offset + 24, overflowPages);
        Bytes.putU64(segment, offset + 32, entries);
        Bytes.putU64(segment, offset + 40, rootPage);
    }

    public byte[] toBytes() {
        byte[] bytes = new byte[SIZE];
        encode(MemorySegment.ofArray(bytes), 0);
        return bytes;
    }

    @Override
    public String toString() {
        return "DbRecord[flags=" + flags + ", depth=" + depth + ", branch=" + branchPages + ", leaf=" + leafPages
                + ", overflow=" + overflowPages + ", entries=" + entries + ", root=" + rootPage + "]";
    }
}
