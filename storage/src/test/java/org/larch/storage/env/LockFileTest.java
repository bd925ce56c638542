package org.larch.storage.env;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.larch.storage.StorageException;
import org.larch.storage.io.LockFileMapping;

/**
 * The lock file within one process: laying it out, refusing a second open, the writer lock and its
 * pid. Sharing it between processes is what the MultiProcess tests of the engine check.
 */
class LockFileTest {
    @TempDir
    Path dir;

    @Test
    void aProcessAloneLaysTheFileOutAfreshWhateverWasLeftThere() throws IOException {
        Path path = dir.resolve("larch.lock");
        byte[] leftover = new byte[10_000];
        Arrays.fill(leftover, (byte) 0x5A);
        Files.write(path, leftover);
        try (LockFile lock = LockFile.open(path, 5)) {
            lock.endSetup();
            assertTrue(lock.isFirst());
            LockFileMapping mapping = lock.mapping();
            assertNull(mapping.problem());
            assertEquals(5, mapping.slotCount());
            assertEquals(0, lock.lastTxnId());
            assertEquals(0, mapping.writerPid());
            for (int slot = 0; slot < 5; slot++) {
                assertEquals(0, mapping.ownerPid(slot), "slot " + slot);
                assertEquals(-1, mapping.snapshot(slot), "slot " + slot);
            }
            lock.announce(17);
            assertEquals(17, lock.lastTxnId());
        }
        assertEquals(LockFileMapping.sizeBytes(5), Files.size(path));
    }

    @Test
    void aSecondOpenInThisProcessIsRefusedAndTheFirstKeepsWorking() {
        Path path = dir.resolve("larch.lock");
        try (LockFile lock = LockFile.open(path, 4)) {
            lock.endSetup();
            StorageException e = assertThrows(StorageException.class, () -> LockFile.open(path, 4));
            assertTrue(e.getMessage().contains("already open in this process"), e.getMessage());
            assertEquals(0, lock.lockWriter(), "the refused open released none of the first one's locks");
            lock.unlockWriter();
        }
        try (LockFile again = LockFile.open(path, 4)) {
            again.endSetup();
            assertTrue(again.isFirst());
        }
    }

    @Test
    void theWriterRecordsItsPidAndLearnsOfAWriterThatDied() {
        try (LockFile lock = LockFile.open(dir.resolve("larch.lock"), 4)) {
            lock.endSetup();
            assertEquals(0, lock.lockWriter(), "no writer before");
            assertEquals(ProcessHandle.current().pid(), lock.mapping().writerPid());
            lock.unlockWriter();
            assertEquals(0, lock.mapping().writerPid());
            assertDoesNotThrow(lock::unlockWriter, "unlocking twice is harmless");

            lock.mapping().setWriterPid(424242); // what a writer killed mid-transaction leaves
            assertEquals(424242, lock.lockWriter());
            lock.unlockWriter();
        }
    }

    @Test
    void closingWhileWritingClearsThePidAndLaterUnlocksAreHarmless() throws IOException {
        Path path = dir.resolve("larch.lock");
        LockFile lock = LockFile.open(path, 4);
        lock.endSetup();
        lock.lockWriter();
        assertEquals(ProcessHandle.current().pid(), writerPidOnDisk(path));
        lock.close();
        assertEquals(0, writerPidOnDisk(path), "a closing writer leaves no pid for the next one to suspect");
        assertDoesNotThrow(lock::unlockWriter);
    }

    private static long writerPidOnDisk(Path path) throws IOException {
        return java.nio.ByteBuffer.wrap(Files.readAllBytes(path), 64, 8).order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .getLong();
    }
}
