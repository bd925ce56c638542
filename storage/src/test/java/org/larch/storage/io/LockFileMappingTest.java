package org.larch.storage.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pins the lock file's layout byte by byte, through a real file mapped read-write. */
class LockFileMappingTest {
    @TempDir
    Path dir;

    @Test
    void goldenBytes() throws IOException {
        Path file = dir.resolve("larch.lock");
        try (Arena arena = Arena.ofShared(); FileChannel channel = mapped(file, 2)) {
            LockFileMapping mapping = LockFileMapping.initialize(
                    channel.map(FileChannel.MapMode.READ_WRITE, 0, LockFileMapping.sizeBytes(2), arena), 2);
            mapping.setLastTxnId(0x0102030405060708L);
            mapping.setWriterPid(0x1234);
            assertTrue(mapping.compareAndSetOwnerPid(1, 0, 0x4321));
            mapping.setOwner(1, 0x0A0B0C0D0E0F1011L, 77);
            mapping.setSnapshot(1, 41);
        }
        byte[] bytes = Files.readAllBytes(file);
        assertEquals(128 + 2 * 64, bytes.length);
        assertBytes("4C 41 52 43 48 4C 43 4B", bytes, 0, "magic LARCHLCK");
        assertBytes("01 00 00 00", bytes, 8, "formatVersion");
        assertBytes("02 00 00 00", bytes, 12, "readerSlots");
        assertBytes("08 07 06 05 04 03 02 01", bytes, 16, "lastTxnId");
        assertZeroes(bytes, 24, 64, "reserved");
        assertBytes("34 12 00 00 00 00 00 00", bytes, 64, "writerPid");
        assertZeroes(bytes, 72, 128, "lock bytes and reserved");
        assertZeroes(bytes, 128, 192, "slot 0, free");
        assertBytes("21 43 00 00 00 00 00 00", bytes, 192, "slot 1 ownerPid");
        assertBytes("11 10 0F 0E 0D 0C 0B 0A", bytes, 200, "slot 1 ownerStartMillis");
        assertBytes("4D 00 00 00 00 00 00 00", bytes, 208, "slot 1 ownerId");
        assertBytes("2A 00 00 00 00 00 00 00", bytes, 216, "slot 1 snapshot: txn id 41 + 1");
        assertZeroes(bytes, 224, 256, "slot 1 reserved");
    }

    @Test
    void readsBackWhatAnotherMappingWrote() throws IOException {
        Path file = dir.resolve("larch.lock");
        try (Arena arena = Arena.ofShared(); FileChannel channel = mapped(file, 3)) {
            MemorySegment segment = channel.map(FileChannel.MapMode.READ_WRITE, 0, LockFileMapping.sizeBytes(3), arena);
            LockFileMapping writer = LockFileMapping.initialize(segment, 3);
            writer.setLastTxnId(9);
            writer.compareAndSetOwnerPid(2, 0, 555);
            writer.setSnapshot(2, 0);
            LockFileMapping reader = LockFileMapping.existing(
                    channel.map(FileChannel.MapMode.READ_WRITE, 0, LockFileMapping.sizeBytes(3), arena));
            assertNull(reader.problem());
            assertEquals(3, reader.slotCount());
            assertEquals(9, reader.lastTxnId());
            assertEquals(555, reader.ownerPid(2));
            assertEquals(0, reader.snapshot(2), "snapshot 0 is a pin, told apart from none");
            assertEquals(-1, reader.snapshot(1));
            assertFalse(reader.compareAndSetOwnerPid(2, 0, 777), "a taken slot cannot be taken again");
            assertThrows(IndexOutOfBoundsException.class, () -> reader.ownerPid(3));
        }
    }

    @Test
    void problemsAreNamed() {
        MemorySegment segment = Arena.ofAuto().allocate(LockFileMapping.sizeBytes(4), 64);
        assertTrue(LockFileMapping.existing(segment).problem().contains("LARCHLCK"));
        LockFileMapping.initialize(segment, 4);
        assertNull(LockFileMapping.existing(segment).problem());
        segment.set(java.lang.foreign.ValueLayout.JAVA_INT, 8, 7);
        assertTrue(LockFileMapping.existing(segment).problem().contains("version 7"));
        LockFileMapping.initialize(segment, 4);
        assertTrue(LockFileMapping.existing(segment.asSlice(0, LockFileMapping.sizeBytes(3))).problem()
                .contains("cannot hold its 4 reader slots"));
        assertTrue(LockFileMapping.existing(segment.asSlice(0, 16)).problem().contains("LARCHLCK"));
    }

    private static FileChannel mapped(Path file, int slots) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        channel.write(ByteBuffer.allocate((int) LockFileMapping.sizeBytes(slots)), 0);
        return channel;
    }

    private static void assertBytes(String expectedHex, byte[] actual, int offset, String field) {
        HexFormat hex = HexFormat.ofDelimiter(" ").withUpperCase();
        int length = hex.parseHex(expectedHex).length;
        assertEquals(expectedHex, hex.formatHex(actual, offset, offset + length), field + " at offset " + offset);
    }

    private static void assertZeroes(byte[] actual, int from, int to, String what) {
        for (int i = from; i < to; i++) {
            assertEquals(0, actual[i], what + ": byte " + i + " is not zero");
        }
    }
}
