package org.larch.storage.tools;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.larch.storage.StorageException;
import org.larch.storage.env.Snapshot;
import org.larch.storage.page.Meta;
import org.larch.storage.page.MetaPage;

/**
 * A page-for-page copy of one snapshot: pages 2 to lastPage as the snapshot's mapping holds them, then
 * both meta pages written for the snapshot (so the copy opens on exactly it, whichever slot is read).
 *
 * <p>The pages a snapshot reaches cannot change while it is pinned. Pages its free-page records list
 * may be reused by a writer during the copy, so their bytes in the copy are whatever they held at that
 * moment: free in the copy too, they are never read.
 */
final class PageCopy {
    /** Pages copied per write: 1 MiB at the default page size. */
    static final int PAGES_PER_WRITE = 256;
    static final long FIRST_DATA_PAGE = 2;

    private PageCopy() {
    }

    static CopyResult write(Snapshot snapshot, Path file) {
        Meta meta = snapshot.meta();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            copyDataPages(snapshot, channel);
            writeMetaPages(meta, channel);
            long sizeBytes = (meta.lastPage() + 1) * meta.pageSize();
            return new CopyResult(file, meta.txnId(), meta.lastPage() + 1, sizeBytes, false);
        } catch (IOException e) {
            throw new StorageException("cannot write the copy " + file + ": " + e, e);
        }
    }

    private static void copyDataPages(Snapshot snapshot, FileChannel channel) throws IOException {
        long lastPage = snapshot.meta().lastPage();
        int pageSize = snapshot.meta().pageSize();
        for (long page = FIRST_DATA_PAGE; page <= lastPage; page += PAGES_PER_WRITE) {
            int pages = (int) Math.min(PAGES_PER_WRITE, lastPage - page + 1);
            MemorySegment bytes = snapshot.pages().raw(page, pages);
            writeFully(channel, bytes.asByteBuffer(), page * pageSize);
        }
    }

    private static void writeMetaPages(Meta meta, FileChannel channel) throws IOException {
        for (long slot = 0; slot <= 1; slot++) {
            MemorySegment page = MemorySegment.ofArray(new byte[meta.pageSize()]);
            MetaPage.write(page, slot, meta);
            writeFully(channel, page.asByteBuffer(), slot * meta.pageSize());
        }
    }

    private static void writeFully(FileChannel channel, ByteBuffer bytes, long position) throws IOException {
        long at = position;
        while (bytes.hasRemaining()) {
            at += channel.write(bytes, at);
        }
    }
}
