package org.larch.storage.env;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import org.larch.storage.io.DataFile;

/**
 * Writes pages in ascending page order, gathering adjacent ones into positional writes of up to
 * {@link #CHUNK_BYTES}: a commit costs one write per run of neighbouring pages (or per 16 KiB of
 * one), not one per page. One batch serves every commit of an environment ({@link #start()} begins
 * each): its direct chunk is allocated once, not once per commit.
 *
 * <p>Why no more than 16 KiB per write: the page cache of a file system with large folios (ext4
 * from Linux 6.16 on) sizes its folios after the writes that create them, and every later 4 KiB
 * write into a folio walks all of the folio's blocks ({@code ext4_block_write_begin}). Pages
 * written once in 1 MiB chunks (a load) made each later single-page write of a random put walk
 * 256 blocks: 17% of a batched put's time. With 64 KiB writes that was 8%, with 16 KiB 3% (LMDB,
 * which writes up to 256 KiB at a time, spends 14% there). A sorted load pays for it with four
 * writes where one 64 KiB write would do, a few microseconds per 16 KiB.
 */
final class PageWriteBatch {
    static final int CHUNK_BYTES = 16 << 10;

    private final DataFile file;
    private final int pageSize;
    private final ByteBuffer chunk = ByteBuffer.allocateDirect(CHUNK_BYTES);
    private final MemorySegment chunkSegment = MemorySegment.ofBuffer(chunk);
    /** File offset of the chunk's first byte, or -1 when the chunk is empty. */
    private long chunkStart = -1;
    /** File offset right after the last byte added. */
    private long nextOffset = -1;

    PageWriteBatch(DataFile file, int pageSize) {
        this.file = file;
        this.pageSize = pageSize;
    }

    int pageSize() {
        return pageSize;
    }

    /** Begins a commit's pages: forgets whatever a failed earlier commit left in the chunk. */
    void start() {
        chunk.clear();
        chunkStart = -1;
        nextOffset = -1;
    }

    /** Adds the bytes of page (or run) {@code firstPage}; calls must come in ascending page order. */
    void add(long firstPage, MemorySegment bytes) {
        long offset = firstPage * pageSize;
        if (offset != nextOffset) {
            flush();
        }
        long length = bytes.byteSize();
        for (long done = 0; done < length; ) {
            if (!chunk.hasRemaining()) {
                flush();
            }
            if (chunkStart < 0) {
                chunkStart = offset + done;
            }
            int piece = (int) Math.min(chunk.remaining(), length - done);
            MemorySegment.copy(bytes, done, chunkSegment, chunk.position(), piece);
            chunk.position(chunk.position() + piece);
            done += piece;
        }
        nextOffset = offset + length;
    }

    void flush() {
        if (chunkStart >= 0) {
            chunk.flip();
            file.write(chunkStart, new ByteBuffer[] {chunk});
            chunk.clear();
        }
        chunkStart = -1;
    }
}
