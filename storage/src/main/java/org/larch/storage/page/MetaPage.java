package org.larch.storage.page;

import java.lang.foreign.MemorySegment;

/**
 * Pages 0 and 1 of the data file. Transaction {@code t} writes its meta to page {@code t % 2}, so the
 * previous commit's meta survives a torn write of the newest. After the {@link PageHeader} (kind META,
 * checksum over the whole page):
 *
 * <pre>
 * offset | size | field         | meaning
 * -------+------+---------------+------------------------------------------------
 *     32 |    4 | magic         | 0x4C415243 (bytes 43 52 41 4C)
 *     36 |    4 | formatVersion | 1
 *     40 |    4 | pageSize      | bytes per page, fixed at creation
 *     44 |    4 | reserved      | 0
 *     48 |    8 | maxSizeBytes  | ceiling of the file's size
 *     56 |    8 | txnId         | the transaction committed by this meta
 *     64 |    8 | lastPage      | highest page number in use
 *     72 |   48 | freeDb        | {@link DbRecord} of the free-page tree
 *    120 |   48 | mainDb        | {@link DbRecord} of the main tree
 * </pre>
 */
public final class MetaPage {
    public static final int MAGIC = 0x4C415243;
    public static final int FORMAT_VERSION = 1;
    /** Bytes of a meta page that must be read to learn the page size. */
    public static final int PREFIX_BYTES = 48;

    static final int MAGIC_OFFSET = 32;
    static final int VERSION_OFFSET = 36;
    static final int PAGE_SIZE_OFFSET = 40;
    static final int MAX_SIZE_OFFSET = 48;
    static final int TXN_ID_OFFSET = 56;
    static final int LAST_PAGE_OFFSET = 64;
    static final int FREE_DB_OFFSET = 72;
    static final int MAIN_DB_OFFSET = 120;

    private MetaPage() {
    }

    /** Writes {@code meta} as a sealed meta page into {@code page} (one page of bytes). */
    public static void write(MemorySegment page, long pageNumber, Meta meta) {
        page.fill((byte) 0);
        PageHeader.init(page, 0, pageNumber, PageKind.META, meta.pageSize());
        PageHeader.setTxnId(page, 0, meta.txnId());
        page.set(Bytes.U32, MAGIC_OFFSET, MAGIC);
        page.set(Bytes.U32, VERSION_OFFSET, FORMAT_VERSION);
        page.set(Bytes.U32, PAGE_SIZE_OFFSET, meta.pageSize());
        Bytes.putU64(page, MAX_SIZE_OFFSET, meta.maxSizeBytes());
        Bytes.putU64(page, TXN_ID_OFFSET, meta.txnId());
        Bytes.putU64(page, LAST_PAGE_OFFSET, meta.lastPage());
        meta.freeDb().encode(page, FREE_DB_OFFSET);
        meta.mainDb().encode(page, MAIN_DB_OFFSET);
        PageHeader.seal(page, 0, meta.pageSize());
    }

    /** The page size recorded in a meta page's first {@link #PREFIX_BYTES} bytes, or -1 if not a meta page. */
    public static int pageSizeOf(MemorySegment prefix) {
        if (prefix.get(Bytes.U32, MAGIC_OFFSET) != MAGIC) {
            return -1;
        }
        return prefix.get(Bytes.U32, PAGE_SIZE_OFFSET);
    }

    /** Reads a meta page, or explains in {@link Invalid} why it cannot be trusted. */
    public static Result read(MemorySegment page, long pageNumber) {
        if (page.get(Bytes.U32, MAGIC_OFFSET) != MAGIC) {
            return new Invalid("meta page " + pageNumber + " has no Larch magic number");
        }
        int version = page.get(Bytes.U32, VERSION_OFFSET);
        if (version != FORMAT_VERSION) {
            return new Invalid("meta page " + pageNumber + " has format version " + version + ", expected "
                    + FORMAT_VERSION);
        }
        int pageSize = page.get(Bytes.U32, PAGE_SIZE_OFFSET);
        if (pageSize != page.byteSize()) {
            return new Invalid("meta page " + pageNumber + " records page size " + pageSize);
        }
        if (!PageHeader.checksumHolds(page, 0, pageSize)) {
            return new Invalid("meta page " + pageNumber + " fails its checksum (torn or damaged write)");
        }
        if (PageHeader.pageNumber(page, 0) != pageNumber || PageHeader.kindCode(page, 0) != PageKind.META.code) {
            return new Invalid("meta page " + pageNumber + " carries the header of page "
                    + PageHeader.pageNumber(page, 0) + " (kind " + PageHeader.kindCode(page, 0) + ")");
        }
        return new Valid(new Meta(pageSize, Bytes.u64(page, MAX_SIZE_OFFSET), Bytes.u64(page, TXN_ID_OFFSET),
                Bytes.u64(page, LAST_PAGE_OFFSET), DbRecord.decode(page, FREE_DB_OFFSET),
                DbRecord.decode(page, MAIN_DB_OFFSET)));
    }

    /** What reading a meta page gave. */
    public sealed interface Result permits Valid, Invalid {
    }

    public record Valid(Meta meta) implements Result {
    }

    public record Invalid(String reason) implements Result {
    }
}
