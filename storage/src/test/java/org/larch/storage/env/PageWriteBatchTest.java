package org.larch.storage.env;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.larch.storage.io.DataFile;
import org.larch.storage.io.FileWrites;
import org.larch.storage.io.WriteLayers;

/**
 * The commit's page writer: neighbouring pages gathered into one write, never more than
 * {@link PageWriteBatch#CHUNK_BYTES} per write (so the page cache keeps small folios), runs longer
 * than a chunk split, every byte where it belongs, and one batch reusable commit after commit.
 */
class PageWriteBatchTest {
    private static final int PAGE = 4096;

    @TempDir
    Path dir;

    /** Each write the layer saw: {offset, length}. */
    private final List<long[]> writes = new ArrayList<>();

    @Test
    void neighboursShareAWriteAndGapsStartANewOne() {
        try (WriteLayers.Installed layer = install(); DataFile file = DataFile.open(dir.resolve("larch.data"), false)) {
            PageWriteBatch batch = new PageWriteBatch(file, PAGE);
            batch.start();
            batch.add(2, page(2));
            batch.add(3, page(3));
            batch.add(7, page(7));
            batch.flush();
            assertWrites(new long[][] {{2 * PAGE, 2 * PAGE}, {7 * PAGE, PAGE}});
            assertPagesRead(file, 2, 3, 7);
        }
    }

    @Test
    void noWriteIsLongerThanAChunkAndLongRunsAreSplit() {
        int pagesPerChunk = PageWriteBatch.CHUNK_BYTES / PAGE;
        try (WriteLayers.Installed layer = install(); DataFile file = DataFile.open(dir.resolve("larch.data"), false)) {
            PageWriteBatch batch = new PageWriteBatch(file, PAGE);
            batch.start();
            for (long number = 2; number < 2 + 3 * pagesPerChunk; number++) {
                batch.add(number, page(number));
            }
            long runStart = 2 + 3 * pagesPerChunk + 5;
            int runPages = 2 * pagesPerChunk + 1;
            batch.add(runStart, run(runStart, runPages));
            batch.flush();
            for (long[] write : writes) {
                assertTrue(write[1] <= PageWriteBatch.CHUNK_BYTES, "a write of " + write[1] + " bytes");
            }
            assertEquals(3 + 3, writes.size());
            assertEquals(runStart * PAGE, writes.get(3)[0]);
            for (long number = 2; number < 2 + 3 * pagesPerChunk; number++) {
                assertArrayEquals(page(number).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE),
                        read(file, number * PAGE, PAGE));
            }
            assertArrayEquals(run(runStart, runPages).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE),
                    read(file, runStart * PAGE, runPages * PAGE));
        }
    }

    @Test
    void startForgetsWhatAnEarlierCommitLeftInTheChunk() {
        try (WriteLayers.Installed layer = install(); DataFile file = DataFile.open(dir.resolve("larch.data"), false)) {
            PageWriteBatch batch = new PageWriteBatch(file, PAGE);
            batch.start();
            batch.add(4, page(4)); // a commit that failed before its flush
            batch.start();
            batch.add(5, page(5));
            batch.flush();
            assertWrites(new long[][] {{5 * PAGE, PAGE}});
            assertPagesRead(file, 5);
        }
    }

    private WriteLayers.Installed install() {
        return WriteLayers.install(dir.resolve("larch.data"), Recording::new);
    }

    private void assertWrites(long[][] expected) {
        assertEquals(expected.length, writes.size(), "writes");
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], writes.get(i), "write " + i);
        }
    }

    private static void assertPagesRead(DataFile file, long... numbers) {
        for (long number : numbers) {
            assertArrayEquals(page(number).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE),
                    read(file, number * PAGE, PAGE), "page " + number);
        }
    }

    private static byte[] read(DataFile file, long offset, int length) {
        ByteBuffer buffer = file.read(offset, length);
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    /** A page whose bytes say which page it is. */
    private static MemorySegment page(long number) {
        return run(number, 1);
    }

    private static MemorySegment run(long first, int pages) {
        byte[] bytes = new byte[pages * PAGE];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (first * 31 + i / PAGE * 7 + i);
        }
        return MemorySegment.ofArray(bytes);
    }

    /** Records each write's offset and length on its way to the channel. */
    private final class Recording implements FileWrites {
        private final FileWrites next;

        Recording(FileWrites next) {
            this.next = next;
        }

        @Override
        public int write(ByteBuffer source, long position) throws IOException {
            int length = source.remaining();
            int written = next.write(source, position);
            if (length > 1) {
                writes.add(new long[] {position, length});
            }
            return written;
        }

        @Override
        public void sync() throws IOException {
            next.sync();
        }
    }
}
