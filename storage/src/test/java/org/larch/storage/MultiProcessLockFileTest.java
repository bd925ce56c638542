package org.larch.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.larch.storage.EnvTesting.key;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lock file between processes: an unusable one in use is refused, and a writer that died
 * holding the write transaction neither blocks the next writer nor loses a commit it wrote but had
 * not announced. The header is edited raw here (offsets from {@code io/LockFileMapping}) only while
 * this JVM has the environment closed.
 */
class MultiProcessLockFileTest {
    private static final int VERSION_OFFSET = 8;
    private static final int LAST_TXN_ID_OFFSET = 16;
    private static final int WRITER_PID_OFFSET = 64;

    @TempDir
    Path dir;

    @Test
    @Timeout(60)
    void anUnusableLockFileInUseIsRefusedNamingTheProblem() throws Exception {
        try (ChildJvm child = ChildJvm.start(dir)) {
            long version = headerField(VERSION_OFFSET, 4);
            setHeaderField(VERSION_OFFSET, 4, 99);
            StorageException e = assertThrows(StorageException.class, () -> Env.open(dir));
            assertTrue(e.getMessage().contains("in use by another process") && e.getMessage().contains("version 99"),
                    e.getMessage());
            setHeaderField(VERSION_OFFSET, 4, version);
            try (Env env = Env.open(dir)) {
                assertEquals(0, env.readers().size(), "the failed open left nothing behind");
            }
        }
    }

    @Test
    @Timeout(60)
    void aWriterKilledMidTransactionBlocksNobodyAndItsChangesVanish() throws Exception {
        try (Env env = Env.open(dir); ChildJvm child = ChildJvm.start(dir)) {
            Dbi db = env.openDbi(MultiProcessChild.DATABASE, DbiFlag.CREATE);
            child.ask("beginWrite 7", "writing");
            child.kill();
            try (Txn txn = env.txnWrite()) {
                db.put(txn, key(8), MultiProcessChild.value(8, 10));
                txn.commit();
            }
            assertNull(db.get(key(7)), "the killed writer committed nothing");
            assertArrayEquals(MultiProcessChild.value(8, 10), db.get(key(8)));
            EnvTesting.check(env);
        }
    }

    /**
     * What a writer killed between its meta write and its announcement leaves: a valid meta newer than
     * the lock file says, and its pid as the writer. Readers stay on the announced commit; the next
     * writer takes the newest meta up, announces it and builds on it.
     */
    @Test
    @Timeout(60)
    void theNextWriterTakesUpACommitADeadWriterDidNotAnnounce() throws Exception {
        try (Env env = Env.open(dir)) {
            env.openDbi(MultiProcessChild.DATABASE, DbiFlag.CREATE);
        }
        try (ChildJvm child = ChildJvm.start(dir)) {
            child.ask("write 0 10 20", "written");
            long last = Long.parseLong(child.ask("write 10 20 20", "written")[1]);
            setHeaderField(LAST_TXN_ID_OFFSET, 8, last - 1);
            setHeaderField(WRITER_PID_OFFSET, 8, deadPid());
            try (Env env = Env.open(dir)) {
                Dbi db = env.openDbi(MultiProcessChild.DATABASE);
                assertEquals(last - 1, env.info().lastTxnId(), "an unannounced meta is not read");
                assertNull(db.get(key(15)));

                try (Txn txn = env.txnWrite()) {
                    assertEquals(last + 1, txn.id(), "the writer builds on the dead writer's commit");
                    assertArrayEquals(MultiProcessChild.value(15, 20), db.get(txn, key(15)));
                    db.put(txn, key(20), MultiProcessChild.value(20, 20));
                    txn.commit();
                }
                assertEquals("count 21 " + (last + 1), String.join(" ", child.ask("count", "count")));
                EnvTesting.check(env);
            }
        }
    }

    private long headerField(int offset, int size) throws IOException {
        try (FileChannel channel = FileChannel.open(dir.resolve(Env.LOCK_FILE), StandardOpenOption.READ)) {
            ByteBuffer bytes = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
            channel.read(bytes, offset);
            return size == 4 ? bytes.getInt(0) : bytes.getLong(0);
        }
    }

    private void setHeaderField(int offset, int size, long value) throws IOException {
        try (FileChannel channel = FileChannel.open(dir.resolve(Env.LOCK_FILE), StandardOpenOption.WRITE)) {
            ByteBuffer bytes = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
            if (size == 4) {
                bytes.putInt(0, (int) value);
            } else {
                bytes.putLong(0, value);
            }
            channel.write(bytes, offset);
        }
    }

    private static long deadPid() throws Exception {
        Process process = new ProcessBuilder("true").start();
        process.waitFor();
        return process.pid();
    }
}
