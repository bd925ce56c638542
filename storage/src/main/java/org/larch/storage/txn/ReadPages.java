package org.larch.storage.txn;

import java.lang.foreign.MemorySegment;
import org.larch.storage.CorruptedException;
import org.larch.storage.btree.PageSource;
import org.larch.storage.io.Mapping;
import org.larch.storage.page.OverflowPage;
import org.larch.storage.page.Page;
import org.larch.storage.page.PageHeader;

/**
 * The committed pages of one snapshot, read straight from the mapping: no copy, no lock. Shared by
 * every transaction on that snapshot. A page number outside the snapshot or a page whose header
 * names another number is corruption, reported with the page number.
 */
public final class ReadPages implements PageSource {
    private final MemorySegment map;
    private final int pageSize;
    private final long lastPage;

    public ReadPages(Mapping mapping, int pageSize, long lastPage) {
        this.map = mapping.segment();
        this.pageSize = pageSize;
        this.lastPage = lastPage;
        if ((lastPage + 1) * pageSize > mapping.sizeBytes()) {
            throw new CorruptedException("snapshot uses pages up to " + lastPage + " but the mapping holds only "
                    + mapping.sizeBytes() / pageSize + " pages");
        }
    }

    @Override
    public Page page(long pageNumber) {
        long base = base(pageNumber);
        if (PageHeader.pageNumber(map, base) != pageNumber) {
            throw new CorruptedException("page " + pageNumber + " holds the header of page "
                    + PageHeader.pageNumber(map, base));
        }
        return Page.wrap(map, base, pageSize, pageNumber, false);
    }

    @Override
    public MemorySegment overflowValue(long firstPage, long valueLength) {
        long base = base(firstPage);
        if (base + PageHeader.SIZE + valueLength > (lastPage + 1) * pageSize) {
            throw new CorruptedException("overflow value at page " + firstPage + " runs past the last page");
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

    /** The raw bytes of {@code pages} pages from {@code firstPage}, for tools that check or copy the file. */
    public MemorySegment raw(long firstPage, int pages) {
        base(firstPage + pages - 1);
        return map.asSlice(firstPage * pageSize, (long) pages * pageSize);
    }

    private long base(long pageNumber) {
        if (pageNumber < 2 || pageNumber > lastPage) {
            throw new CorruptedException("page number " + pageNumber + " is outside the snapshot (pages 2 to "
                    + lastPage + ")");
        }
        return pageNumber * pageSize;
    }
}
