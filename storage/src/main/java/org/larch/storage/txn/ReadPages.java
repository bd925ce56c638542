package org.larch.storage.txn;

import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import org.larch.storage.CorruptedException;
import org.larch.storage.btree.PageSource;
import org.larch.storage.io.Mapping;
import org.larch.storage.page.OverflowPage;
import org.larch.storage.page.Page;
import org.larch.storage.page.PageHeader;

/**
 * The committed pages of one snapshot, read straight from the mapping: no copy, no lock. Shared by
 * every transaction on that snapshot. A page number outside the snapshot or a page whose header
 * names another number is corruption, reported with the page number. With checksum verification
 * ({@code EnvFlag.VERIFY_CHECKSUMS}) every page and overflow run is checked against the CRC32C in its
 * header before it is used, and a mismatch is a {@link CorruptedException} naming file and page.
 */
public final class ReadPages implements PageSource {
    /** Runs up to this size are verified in a per-thread buffer; longer ones in one of their own. */
    private static final int SCRATCH_BYTES = 64 * 1024;
    private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[SCRATCH_BYTES]);

    private final MemorySegment map;
    private final int pageSize;
    private final long lastPage;
    private final Path file;
    private final boolean verifyChecksums;

    /** Pages read without checksum verification, errors naming no file: for tools and tests. */
    public ReadPages(Mapping mapping, int pageSize, long lastPage) {
        this(mapping, pageSize, lastPage, null, false);
    }

    /**
     * @param file            the data file, named in errors (may be null)
     * @param verifyChecksums whether every page read is checked against its checksum first
     */
    public ReadPages(Mapping mapping, int pageSize, long lastPage, Path file, boolean verifyChecksums) {
        this.map = mapping.segment();
        this.pageSize = pageSize;
        this.lastPage = lastPage;
        this.file = file;
        this.verifyChecksums = verifyChecksums;
        if ((lastPage + 1) * pageSize > mapping.sizeBytes()) {
            throw new CorruptedException(where() + "snapshot uses pages up to " + lastPage
                    + " but the mapping holds only " + mapping.sizeBytes() / pageSize + " pages");
        }
    }

    /** The pages of a newer snapshot: same file, page size and verification, over {@code newMapping}. */
    public ReadPages successor(Mapping newMapping, long newLastPage) {
        return new ReadPages(newMapping, pageSize, newLastPage, file, verifyChecksums);
    }

    @Override
    public Page page(long pageNumber) {
        return Page.wrap(map, pageBase(pageNumber), pageSize, pageNumber, false);
    }

    @Override
    public MemorySegment mapping() {
        return map;
    }

    @Override
    public long pageBase(long pageNumber) {
        long base = base(pageNumber);
        requireOwnNumber(pageNumber, base);
        if (verifyChecksums) {
            verify(pageNumber, base, pageSize);
        }
        return base;
    }

    @Override
    public MemorySegment overflowValue(long firstPage, long valueLength) {
        long base = base(firstPage);
        if (base + PageHeader.SIZE + valueLength > (lastPage + 1) * pageSize) {
            throw new CorruptedException(where() + "overflow value at page " + firstPage + " runs past the last page");
        }
        if (verifyChecksums) {
            verifyRun(firstPage, base, valueLength);
        }
        return OverflowPage.value(map, base, valueLength);
    }

    @Override
    public int overflowPages(long firstPage) {
        return PageHeader.overflowPages(map, base(firstPage));
    }

    @Override
    public int pageSize() {
        return pageSize;
    }

    public long lastPage() {
        return lastPage;
    }

    public boolean verifiesChecksums() {
        return verifyChecksums;
    }

    /** The raw bytes of {@code pages} pages from {@code firstPage}, for tools that check or copy the file. */
    public MemorySegment raw(long firstPage, int pages) {
        base(firstPage + pages - 1);
        return map.asSlice(firstPage * pageSize, (long) pages * pageSize);
    }

    private long base(long pageNumber) {
        if (pageNumber < 2 || pageNumber > lastPage) {
            throw new CorruptedException(where() + "page number " + pageNumber + " is outside the snapshot (pages 2 to "
                    + lastPage + ")");
        }
        return pageNumber * pageSize;
    }

    private void requireOwnNumber(long pageNumber, long base) {
        long recorded = PageHeader.pageNumber(map, base);
        if (recorded != pageNumber) {
            throw new CorruptedException(where() + "page " + pageNumber + " holds the header of page " + recorded);
        }
    }

    /** Checks an overflow run: its header's number, a length that covers the value, its checksum. */
    private void verifyRun(long firstPage, long base, long valueLength) {
        requireOwnNumber(firstPage, base);
        long pages = PageHeader.overflowPages(map, base);
        if (pages < OverflowPage.pagesFor(valueLength, pageSize) || firstPage + pages - 1 > lastPage) {
            throw new CorruptedException(where() + "overflow run at page " + firstPage + " claims " + pages
                    + " pages, which do not hold its value of " + valueLength + " bytes within the snapshot");
        }
        verify(firstPage, base, pages * pageSize);
    }

    /**
     * Compares the checksum of {@code length} bytes at {@code base} with the one in their header. The
     * bytes are copied to the heap first: a fault in the copy (file cut short underneath) is a
     * catchable error, while the checksum intrinsic reading the mapping would kill the JVM.
     */
    private void verify(long pageNumber, long base, long length) {
        byte[] bytes = length <= SCRATCH_BYTES ? SCRATCH.get() : new byte[Math.toIntExact(length)];
        MemorySegment copy = MemorySegment.ofArray(bytes);
        MemorySegment.copy(map, base, copy, 0, length);
        if (!PageHeader.checksumHolds(copy, 0, length)) {
            throw new CorruptedException(where() + "page " + pageNumber + " fails its checksum (stored "
                    + Integer.toHexString(PageHeader.storedChecksum(copy, 0)) + ", computed "
                    + Integer.toHexString(PageHeader.computeChecksum(copy, 0, length)) + ", " + length
                    + " bytes): the page is damaged");
        }
    }

    private String where() {
        return file == null ? "" : file + ": ";
    }
}
