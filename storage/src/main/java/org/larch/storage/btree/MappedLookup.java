package org.larch.storage.btree;

import java.lang.foreign.MemorySegment;
import org.larch.storage.ByteView;
import org.larch.storage.CorruptedException;
import org.larch.storage.page.BranchPage;
import org.larch.storage.page.Bytes;
import org.larch.storage.page.DbRecord;
import org.larch.storage.page.LeafPage;
import org.larch.storage.page.Page;
import org.larch.storage.page.PageHeader;
import org.larch.storage.page.PageKind;
import org.larch.storage.page.SearchKey;

/**
 * Point lookups in a committed snapshot by offsets into its mapping ({@link PageSource#mapping()}):
 * the descent of {@link Tree#get} with no page object per level and no key object per lookup, so a
 * read transaction's get allocates nothing. Pages are still checked as {@link PageSource#pageBase}
 * checks them (number, checksum when verifying).
 */
public final class MappedLookup {
    private MappedLookup() {
    }

    /**
     * Absolute offset in {@code pages.mapping()} of the leaf node holding {@code key}, or -1 when the
     * key is absent.
     */
    public static long findNode(PageSource pages, DbRecord db, SearchKey key) {
        if (db.isEmpty()) {
            return -1;
        }
        MemorySegment map = pages.mapping();
        long pageNumber = db.rootPage;
        long base = pages.pageBase(pageNumber);
        int kind = PageHeader.kindCode(map, base);
        while (kind == PageKind.BRANCH.code) {
            pageNumber = BranchPage.child(map, base, BranchPage.childIndexFor(map, base, key));
            base = pages.pageBase(pageNumber);
            kind = PageHeader.kindCode(map, base);
        }
        if (kind != PageKind.LEAF.code) {
            throw new CorruptedException("page " + pageNumber + " is not a branch or leaf page (kind " + kind + ")");
        }
        int index = LeafPage.search(map, base, key);
        return index < 0 ? -1 : Page.nodeAt(map, base, index);
    }

    /** The value of the node at {@code node} as a view (an object), or null when {@code node} is -1. */
    public static MemorySegment value(PageSource pages, long node) {
        if (node < 0) {
            return null;
        }
        MemorySegment map = pages.mapping();
        long valueOffset = LeafPage.nodeValueOffset(map, node);
        long length = LeafPage.nodeValueLength(map, node);
        if ((LeafPage.nodeFlags(map, node) & LeafPage.BIGDATA) != 0) {
            return pages.overflowValue(Bytes.u64(map, valueOffset), length);
        }
        return map.asSlice(valueOffset, length);
    }

    /** Points {@code value} at the value of {@code key} (in the mapping or its overflow run); false when absent. */
    public static boolean get(PageSource pages, DbRecord db, SearchKey key, ByteView value) {
        long node = findNode(pages, db, key);
        if (node < 0) {
            return false;
        }
        MemorySegment map = pages.mapping();
        long valueOffset = LeafPage.nodeValueOffset(map, node);
        long length = LeafPage.nodeValueLength(map, node);
        if ((LeafPage.nodeFlags(map, node) & LeafPage.BIGDATA) != 0) {
            value.set(pages.overflowValue(Bytes.u64(map, valueOffset), length), 0, length);
        } else {
            value.set(map, valueOffset, length);
        }
        return true;
    }
}
