package org.larch.storage.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.Pipe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.larch.storage.StorageException;

class DataFileTest {
    private static final int PAGE = 4096;

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("data.mdb");
    }

    private static byte[] filled(int length, int seed) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (i * 13 + seed);
        }
        return bytes;
    }

    private static byte[] remaining(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    @Test
    void openCreatesAnEmptyFile() {
        try (DataFile data = DataFile.open(file(), false)) {
            assertTrue(Files.exists(file()));
            assertEquals(0, data.sizeBytes());
            assertFalse(data.isReadOnly());
            assertEquals(file(), data.path());
            assertNull(data.mapping(), "nothing is mapped before remap");
        }
    }

    @Test
    void openingAMissingFileReadOnlyNamesIt() {
        StorageException e = assertThrows(StorageException.class, () -> DataFile.open(file(), true));
        assertTrue(e.getMessage().contains(file().toString()), e.getMessage());
        assertFalse(Files.exists(file()));
    }

    @Test
    void growToExtendsTheFile() throws IOException {
        try (DataFile data = DataFile.open(file(), false)) {
            data.growTo(3 * PAGE);
            assertEquals(3 * PAGE, data.sizeBytes());
            assertEquals(3 * PAGE, Files.size(file()));
            data.growTo(PAGE);
            assertEquals(3 * PAGE, data.sizeBytes(), "growTo never shrinks");
            assertEquals(3 * PAGE, Files.size(file()));
            assertArrayEquals(new byte[3 * PAGE], remaining(data.read(0, 3 * PAGE)), "the new space reads as zeroes");
        }
    }

    @Test
    void writeAndReadRoundTrip() throws IOException {
        try (DataFile data = DataFile.open(file(), false)) {
            byte[] first = filled(PAGE, 1);
            byte[] second = filled(100, 2);
            data.write(PAGE, new ByteBuffer[] {ByteBuffer.wrap(first), ByteBuffer.wrap(second)});
            assertEquals(PAGE + PAGE + 100, data.sizeBytes(), "a write past the end extends the size");
            assertEquals(PAGE + PAGE + 100, Files.size(file()));
            assertArrayEquals(first, remaining(data.read(PAGE, PAGE)));
            assertArrayEquals(second, remaining(data.read(2 * PAGE, 100)));
            assertArrayEquals(new byte[PAGE], remaining(data.read(0, PAGE)), "the hole before it");
            data.sync();
        }
        try (DataFile again = DataFile.open(file(), true)) {
            assertTrue(again.isReadOnly());
            assertEquals(PAGE + PAGE + 100, again.sizeBytes());
            assertArrayEquals(filled(100, 2), remaining(again.read(2 * PAGE, 100)));
        }
    }

    @Test
    void readStopsAtTheEndOfTheFile() {
        try (DataFile data = DataFile.open(file(), false)) {
            data.write(0, new ByteBuffer[] {ByteBuffer.wrap(filled(10, 3))});
            ByteBuffer tail = data.read(6, 100);
            assertEquals(4, tail.remaining());
            assertArrayEquals(Arrays.copyOfRange(filled(10, 3), 6, 10), remaining(tail));
            assertEquals(0, data.read(50, 10).remaining());
        }
    }

    @Test
    void remapMapsTheWholeFile() {
        try (DataFile data = DataFile.open(file(), false)) {
            byte[] page = filled(PAGE, 4);
            data.write(0, new ByteBuffer[] {ByteBuffer.wrap(page)});
            Mapping mapping = data.remap();
            assertSame(mapping, data.mapping());
            assertEquals(PAGE, mapping.sizeBytes());
            assertEquals(PAGE, mapping.segment().byteSize());
            assertArrayEquals(page, mapping.segment().toArray(ValueLayout.JAVA_BYTE));
            assertTrue(mapping.segment().isMapped());
            assertTrue(mapping.segment().isReadOnly());
            assertSame(mapping, data.remap(), "no growth, no new mapping");
        }
    }

    @Test
    void remapAfterGrowthGivesANewMappingAndTheOldStaysReadable() {
        try (DataFile data = DataFile.open(file(), false)) {
            byte[] first = filled(PAGE, 5);
            data.write(0, new ByteBuffer[] {ByteBuffer.wrap(first)});
            Mapping old = data.remap();

            data.growTo(4 * PAGE);
            byte[] last = filled(PAGE, 6);
            data.write(3 * PAGE, new ByteBuffer[] {ByteBuffer.wrap(last)});
            Mapping grown = data.remap();

            assertNotSame(old, grown);
            assertSame(grown, data.mapping());
            assertEquals(4 * PAGE, grown.sizeBytes());
            assertEquals(4 * PAGE, grown.segment().byteSize());
            assertArrayEquals(last, grown.segment().asSlice(3 * PAGE, PAGE).toArray(ValueLayout.JAVA_BYTE));

            assertEquals(PAGE, old.sizeBytes());
            assertEquals(PAGE, old.segment().byteSize(), "the old mapping keeps its size");
            assertArrayEquals(first, old.segment().toArray(ValueLayout.JAVA_BYTE), "and stays readable");
            assertThrows(IndexOutOfBoundsException.class, () -> old.segment().get(ValueLayout.JAVA_BYTE, PAGE));
        }
    }

    @Test
    void writesShowThroughAnExistingMapping() {
        try (DataFile data = DataFile.open(file(), false)) {
            data.growTo(2 * PAGE);
            MemorySegment segment = data.remap().segment();
            data.write(PAGE + 7, new ByteBuffer[] {ByteBuffer.wrap(new byte[] {42})});
            assertEquals(42, segment.get(ValueLayout.JAVA_BYTE, PAGE + 7), "a shared mapping sees positional writes");
        }
    }

    @Test
    void anEmptyFileMapsToAnEmptySegment() {
        try (DataFile data = DataFile.open(file(), false)) {
            Mapping mapping = data.remap();
            assertEquals(0, mapping.sizeBytes());
            assertEquals(0, mapping.segment().byteSize());
        }
    }

    /**
     * The JDK's behaviour that the engine must translate at its boundary: when the file shrinks under a
     * live mapping (another process truncates it), touching a mapped page past the new end raises SIGBUS,
     * which the JVM reports as {@link InternalError} from the segment access, not as an exception of ours.
     */
    @Test
    void readingAMappedPageAfterTheFileWasTruncatedRaisesInternalError() throws IOException {
        try (DataFile data = DataFile.open(file(), false)) {
            data.write(0, new ByteBuffer[] {ByteBuffer.wrap(filled(3 * PAGE, 7))});
            MemorySegment segment = data.remap().segment();
            assertEquals(filled(3 * PAGE, 7)[2 * PAGE], segment.get(ValueLayout.JAVA_BYTE, 2 * PAGE));

            try (FileChannel other = FileChannel.open(file(), StandardOpenOption.WRITE)) {
                other.truncate(PAGE);
            }

            InternalError error = assertThrows(InternalError.class, () -> segment.get(ValueLayout.JAVA_BYTE, 2 * PAGE));
            assertTrue(error.getMessage() != null && error.getMessage().contains("unsafe memory access"),
                    String.valueOf(error.getMessage()));
            assertEquals(filled(PAGE, 7)[5], segment.get(ValueLayout.JAVA_BYTE, 5), "the page still in the file reads");
        }
    }

    @Test
    void closeInvalidatesEveryMapping() {
        DataFile data = DataFile.open(file(), false);
        data.write(0, new ByteBuffer[] {ByteBuffer.wrap(filled(PAGE, 8))});
        MemorySegment old = data.remap().segment();
        data.growTo(2 * PAGE);
        MemorySegment current = data.remap().segment();
        data.close();

        assertNull(data.mapping());
        assertThrows(IllegalStateException.class, () -> current.get(ValueLayout.JAVA_BYTE, 0));
        assertThrows(IllegalStateException.class, () -> old.get(ValueLayout.JAVA_BYTE, 0));
        assertFalse(current.scope().isAlive());
    }

    /**
     * A thread still using an old mapping through an NIO operation or a checksum (both acquire the
     * mapping's session: {@code FileChannel}/{@code Pipe} writes of {@code segment.asByteBuffer()}, and
     * {@code CRC32C.update} of it, as {@code PageHeader.computeChecksum} does) makes {@code Arena.close()}
     * throw {@code IllegalStateException: Session is acquired by 1 clients}. {@code DataFile.close} lets
     * that escape from its loop: later mappings stay mapped, {@code mapping()} is not cleared and the
     * channel is never closed.
     */
    @Test
    @Timeout(30)
    void closeWhileAMappingIsInUseStillClosesTheChannelAndTheOtherMappings() throws Exception {
        DataFile data = DataFile.open(file(), false);
        data.growTo(1 << 20);
        MemorySegment old = data.remap().segment();
        data.growTo(2 << 20);
        MemorySegment current = data.remap().segment();
        Pipe pipe = Pipe.open();
        Thread copier = Thread.ofPlatform().start(() -> {
            try {
                pipe.sink().write(old.asByteBuffer());
            } catch (IOException | RuntimeException stopped) {
                // the reading end closed: the copy is over
            }
        });
        try {
            // once a byte arrives the copier is inside its write, holding the old mapping's session:
            // 1 MiB does not fit the pipe's buffer, so it stays there until the reading end closes
            pipe.source().read(ByteBuffer.allocate(1));
            try {
                data.close();
            } catch (StorageException namingTheMappingInUse) {
                // acceptable; a raw IllegalStateException from the JDK is not
            }
            assertFalse(current.scope().isAlive(), "the mapping nobody uses is unmapped");
            assertNull(data.mapping());
            assertThrows(StorageException.class, () -> data.read(0, 1), "the channel is closed");
        } finally {
            pipe.source().close();
            copier.join();
            pipe.sink().close();
        }
    }
}
