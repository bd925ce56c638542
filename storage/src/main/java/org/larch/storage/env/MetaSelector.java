package org.larch.storage.env;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import org.larch.storage.CorruptedException;
import org.larch.storage.io.DataFile;
import org.larch.storage.page.Meta;
import org.larch.storage.page.MetaPage;

/**
 * Chooses the meta page to open with: of the two, the valid one with the higher transaction id. A
 * meta that fails its checksum (a torn write) is passed over; two bad metas are an error naming both
 * reasons. The page size is learnt from page 0, or, if that is damaged, by finding page 1.
 */
public final class MetaSelector {
    private MetaSelector() {
    }

    public static Meta newest(DataFile file) {
        int pageSize = pageSize(file);
        MetaPage.Result first = read(file, 0, pageSize);
        MetaPage.Result second = read(file, 1, pageSize);
        if (first instanceof MetaPage.Valid(Meta a) && second instanceof MetaPage.Valid(Meta b)) {
            return a.txnId() >= b.txnId() ? a : b;
        }
        if (first instanceof MetaPage.Valid(Meta a)) {
            return a;
        }
        if (second instanceof MetaPage.Valid(Meta b)) {
            return b;
        }
        throw new CorruptedException("no valid meta page in " + file.path() + ": "
                + ((MetaPage.Invalid) first).reason() + "; " + ((MetaPage.Invalid) second).reason());
    }

    private static int pageSize(DataFile file) {
        ByteBuffer prefix = file.read(0, MetaPage.PREFIX_BYTES);
        if (prefix.remaining() == MetaPage.PREFIX_BYTES) {
            int pageSize = MetaPage.pageSizeOf(MemorySegment.ofBuffer(prefix));
            if (isPageSize(pageSize)) {
                return pageSize;
            }
        }
        for (int candidate = 512; candidate <= 32768; candidate *= 2) {
            if (read(file, 1, candidate) instanceof MetaPage.Valid) {
                return candidate;
            }
        }
        throw new CorruptedException(file.path() + " is not a Larch data file (no meta page found)");
    }

    private static boolean isPageSize(int size) {
        return size >= 512 && size <= 32768 && Integer.bitCount(size) == 1;
    }

    private static MetaPage.Result read(DataFile file, long slot, int pageSize) {
        ByteBuffer bytes = file.read(slot * pageSize, pageSize);
        if (bytes.remaining() < pageSize) {
            return new MetaPage.Invalid("meta page " + slot + " is cut short by the end of the file");
        }
        return MetaPage.read(MemorySegment.ofBuffer(bytes), slot);
    }
}
