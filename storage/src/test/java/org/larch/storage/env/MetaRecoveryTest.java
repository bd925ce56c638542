package org.larch.storage.env;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.larch.storage.EnvTesting.bytes;
import static org.larch.storage.EnvTesting.key;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.larch.storage.CorruptedException;
import org.larch.storage.Dbi;
import org.larch.storage.DbiFlag;
import org.larch.storage.Env;
import org.larch.storage.EnvTesting;
import org.larch.storage.Txn;

/**
 * Open chooses the newest meta page whose checksum holds: a torn newest meta falls back to the
 * previous commit, whole and unchanged; two bad metas are a clear error.
 */
class MetaRecoveryTest {
    private static final int PAGE_SIZE = 4096;
    private static final int CHECKSUM_OFFSET = 8;

    @TempDir
    Path dir;

    private final Random random = new Random(42);

    @Test
    void tornNewestMetaFallsBackToThePreviousCommitWithAllItsData() throws IOException {
        TreeMap<byte[], byte[]> previous;
        long newest;
        try (Env env = Env.open(dir)) {
            Dbi db = env.openDbi("data", DbiFlag.CREATE);
            for (int commit = 0; commit < 30; commit++) {
                churn(env, db, commit);
            }
            previous = snapshot(env, db);
            try (Txn txn = env.txnWrite()) {
                for (int i = 0; i < 2_000; i += 2) {
                    db.delete(txn, key(i));
                }
                for (int i = 0; i < 300; i++) {
                    db.put(txn, key(10_000 + i), bytes("only in the newest commit " + i));
                }
                txn.commit();
            }
            newest = env.info().lastTxnId();
        }
        flipChecksum(newest % 2);

        try (Env env = Env.open(dir)) {
            assertEquals(newest - 1, env.info().lastTxnId(), "open fell back to the previous meta");
            Dbi db = env.openDbi("data");
            assertTrue(EnvTesting.sameContent(previous, snapshot(env, db)), "the previous commit is whole");
            try (Txn txn = env.txnRead()) {
                assertNull(db.get(txn, key(10_000)), "the newest commit's insert is gone");
            }
            EnvTesting.check(env);

            try (Txn txn = env.txnWrite()) {
                db.put(txn, key(20_000), bytes("after recovery"));
                txn.commit();
            }
            assertEquals(newest, env.info().lastTxnId(), "the next commit takes the lost id and the torn slot");
        }
        try (Env env = Env.open(dir)) {
            assertEquals(newest, env.info().lastTxnId());
            Dbi db = env.openDbi("data");
            try (Txn txn = env.txnRead()) {
                assertArrayEquals(bytes("after recovery"), db.get(txn, key(20_000)));
            }
            EnvTesting.check(env);
        }
    }

    @Test
    void damagedOlderMetaIsPassedOverQuietly() throws IOException {
        long newest;
        try (Env env = Env.open(dir)) {
            Dbi db = env.openDbi("data", DbiFlag.CREATE);
            putRange(env, db, 0, 1_000);
            putRange(env, db, 1_000, 2_000);
            newest = env.info().lastTxnId();
        }
        overwrite((newest - 1) % 2 * PAGE_SIZE + 200, new byte[] {1, 2, 3, 4, 5});
        try (Env env = Env.open(dir)) {
            assertEquals(newest, env.info().lastTxnId());
            Dbi db = env.openDbi("data");
            try (Txn txn = env.txnRead()) {
                assertEquals(2_000, db.stat(txn).entries(), "both commits are there");
            }
        }
    }

    @Test
    void twoBadMetasAreRefusedNamingBoth() throws IOException {
        try (Env env = Env.open(dir)) {
            Dbi db = env.openDbi("data", DbiFlag.CREATE);
            putRange(env, db, 0, 100);
        }
        flipChecksum(0);
        flipChecksum(1);
        CorruptedException e = assertThrows(CorruptedException.class, () -> Env.open(dir));
        String message = e.getMessage();
        assertTrue(message.contains("meta page 0") && message.contains("meta page 1"), message);
        assertTrue(message.contains("checksum"), message);
        assertTrue(message.contains(Env.DATA_FILE), "names the file: " + message);

        // the refused open left nothing locked: a second attempt fails the same way
        assertThrows(CorruptedException.class, () -> Env.open(dir));
    }

    @Test
    void aFileThatIsNoEnvironmentIsRefused() throws IOException {
        try (Env env = Env.open(dir)) {
            assertTrue(env.info().lastPage() >= 1);
        }
        overwrite(0, new byte[2 * PAGE_SIZE]);
        CorruptedException e = assertThrows(CorruptedException.class, () -> Env.open(dir));
        assertTrue(e.getMessage().contains("meta"), e.getMessage());
    }

    /** Overwrites 1,000 of 2,000 keys with random values, some in overflow pages: pages move and are freed. */
    private void churn(Env env, Dbi db, int commit) {
        try (Txn txn = env.txnWrite()) {
            for (int i = 0; i < 1_000; i++) {
                byte[] value = new byte[random.nextInt(20) == 0 ? 5_000 : random.nextInt(200)];
                random.nextBytes(value);
                db.put(txn, key(random.nextInt(2_000)), value);
            }
            txn.commit();
        }
    }

    private static void putRange(Env env, Dbi db, int from, int to) {
        try (Txn txn = env.txnWrite()) {
            for (int i = from; i < to; i++) {
                db.put(txn, key(i), bytes("value " + i));
            }
            txn.commit();
        }
    }

    private static TreeMap<byte[], byte[]> snapshot(Env env, Dbi db) {
        try (Txn txn = env.txnRead()) {
            return EnvTesting.scan(txn, db, EnvTesting.LEXICOGRAPHIC);
        }
    }

    private void flipChecksum(long slot) throws IOException {
        long offset = slot * PAGE_SIZE + CHECKSUM_OFFSET;
        try (FileChannel channel = FileChannel.open(dataFile(), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer checksum = ByteBuffer.allocate(4);
            channel.read(checksum, offset);
            for (int i = 0; i < 4; i++) {
                checksum.put(i, (byte) ~checksum.get(i));
            }
            channel.write(checksum.flip(), offset);
        }
    }

    private void overwrite(long offset, byte[] bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(dataFile(), StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(bytes), offset);
        }
    }

    private Path dataFile() {
        return dir.resolve(Env.DATA_FILE);
    }
}
