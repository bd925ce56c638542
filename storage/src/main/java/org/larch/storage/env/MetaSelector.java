package org.larch.storage.env;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.util.function.LongSupplier;
import org.larch.storage.CorruptedException;
import org.larch.storage.io.DataFile;
import org.larch.storage.page.Meta;
import org.larch.storage.page.MetaPage;

/**
 * Chooses the meta page to open with: of the two, the valid one with the higher transaction id. A
 * meta that fails its checksum (a torn write) is passed over; two bad metas are an error naming both
 * reasons. The page size is learnt from page 0, or, if that is damaged, by finding page 1.
 *
 * <p>Another process may be writing a meta page while this one reads it: the torn copy fails its
 * checksum and the other meta is taken. Only if two commits land during one read can both look
 * torn, so two invalid metas are read again (up to {@value #READ_ATTEMPTS} times) before they count
 * as corruption. A process catching up with other processes' commits asks only for metas up to the
 * last announced transaction: a meta written but not yet announced may still be withdrawn by a
 * commit that fails after writing it.
 */
public final class MetaSelector {
    static final int READ_ATTEMPTS = 3;

    private MetaSelector() {
    }

    /** The newest valid meta of {@code file}, whose page size is learnt from its meta pages. */
    public static Meta newest(DataFile file) {
        return newest(file, () -> Long.MAX_VALUE);
    }

    /**
     * The newest valid meta of {@code file} whose transaction id is at most {@code newestAllowed}
     * (asked again at each attempt); with no such meta, the newest valid one.
     */
    public static Meta newest(DataFile file, LongSupplier newestAllowed) {
        int pageSize = pageSize(file);
        for (int attempt = 1;; attempt++) {
            long limit = newestAllowed.getAsLong();
            MetaPage.Result first = read(file, 0, pageSize);
            MetaPage.Result second = read(file, 1, pageSize);
            Meta chosen = newestUpTo(limit, first, second);
            if (chosen != null) {
                return chosen;
            }
            if (attempt == READ_ATTEMPTS) {
                return newestOrFail(first, second, file);
            }
        }
    }

    private static Meta newestUpTo(long limit, MetaPage.Result first, MetaPage.Result second) {
        Meta chosen = null;
        for (MetaPage.Result result : new MetaPage.Result[] {first, second}) {
            if (result instanceof MetaPage.Valid(Meta meta) && meta.txnId() <= limit
                    && (chosen == null || meta.txnId() > chosen.txnId())) {
                chosen = meta;
            }
        }
        return chosen;
    }

    private static Meta newestOrFail(MetaPage.Result first, MetaPage.Result second, DataFile file) {
        Meta chosen = newestUpTo(Long.MAX_VALUE, first, second);
        if (chosen == null) {
            throw new CorruptedException("no valid meta page in " + file.path() + ": "
                    + ((MetaPage.Invalid) first).reason() + "; " + ((MetaPage.Invalid) second).reason());
        }
        return chosen;
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
