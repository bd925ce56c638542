package org.larch.storage.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two handles on one file stand for two processes: one grows the file, the other learns of it
 * ({@link DataFile#refresh()}) and never writes inside what it did not know about.
 */
class DataFileRefreshTest {
    private static final int PAGE = 4096;

    @TempDir
    Path dir;

    @Test
    void refreshMapsWhatAnotherHandleGrewAndWrote() {
        Path path = dir.resolve("data");
        try (DataFile writer = DataFile.open(path, false)) {
            writer.write(0, new ByteBuffer[] {ByteBuffer.allocate(PAGE)});
            try (DataFile reader = DataFile.open(path, true)) {
                Mapping before = reader.refresh();
                assertEquals(PAGE, before.sizeBytes());
                assertSame(before, reader.refresh(), "no growth, no new mapping");

                writer.growTo(3 * PAGE);
                writer.write(2 * PAGE, new ByteBuffer[] {ByteBuffer.wrap(new byte[] {42})});
                assertEquals(PAGE, reader.sizeBytes(), "the reader has not looked yet");
                Mapping after = reader.refresh();
                assertNotSame(before, after);
                assertEquals(3 * PAGE, after.sizeBytes());
                assertEquals(42, after.segment().get(ValueLayout.JAVA_BYTE, 2 * PAGE));
            }
        }
    }

    @Test
    void growingAFileAnotherHandleGrewFurtherWritesNothingInsideIt() {
        Path path = dir.resolve("data");
        try (DataFile stale = DataFile.open(path, false)) {
            stale.write(0, new ByteBuffer[] {ByteBuffer.allocate(PAGE)});
            try (DataFile other = DataFile.open(path, false)) {
                other.growTo(4 * PAGE);
                other.write(3 * PAGE - 1, new ByteBuffer[] {ByteBuffer.wrap(new byte[] {7})});
            }
            stale.growTo(3 * PAGE); // its own idea of the size is still one page
            assertEquals(4 * PAGE, stale.sizeBytes());
            assertEquals(7, stale.read(3 * PAGE - 1, 1).get(), "the byte the other handle wrote survives");
        }
    }
}
