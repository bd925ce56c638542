package org.larch.storage.env;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import org.larch.storage.io.DataFile;

/**
 * Writes pages in ascending page order, gathering adjacent ones into one positional write of up to
 * {@link #CHUNK_BYTES}: a commit costs one write per run of neighbouring pages, not one per page.
 * One batch serves every commit of an environment ({@link #start()} begins each): its direct chunk
 * is allocated once, not a megabyte of fresh native memory per commit.
 */
final class PageWriteBatch {
    static final int CHUNK_BYTES = 1 << 20;

    private final DataFile file;
    private final int pageSize;
    private final ByteBuffer chunk = ByteBuffer.allocateDirect(CHUNK_BYTES);
    private final MemorySegment chunkSegment = MemorySegment.ofBuffer(chunk);
    private long chunkStartPage = -1;
    private long nextAdjacentPage = -1;

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
        chunkStartPage = -1;
        nextAdjacentPage = -1;
    }

    /** Adds the bytes of page (or run) {@code firstPage}; calls must come in ascending page order. */
    void add(long firstPage, MemorySegment bytes) {
        int length = (int) bytes.byteSize();
        if (firstPage != nextAdjacentPage || chunk.remaining() < length) {
            flush();
        }
        if (length > CHUNK_BYTES) {
            file.write(firstPage * pageSize, new ByteBuffer[] {bytes.asByteBuffer()});
            return;
        }
        if (chunkStartPage < 0) {
            chunkStartPage = firstPage;
        }
        MemorySegment.copy(bytes, 0, chunkSegment, chunk.position(), length);
        chunk.position(chunk.position() + length);
        nextAdjacentPage = firstPage + length / pageSize;
    }

    void flush() {
        if (chunkStartPage >= 0) {
            chunk.flip();
            file.write(chunkStartPage * pageSize, new ByteBuffer[] {chunk});
            chunk.clear();
        }
        chunkStartPage = -1;
        nextAdjacentPage = -1;
    }
}
