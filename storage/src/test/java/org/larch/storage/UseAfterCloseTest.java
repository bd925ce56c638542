package org.larch.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.larch.storage.EnvTesting.bytes;
import static org.larch.storage.EnvTesting.key;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Handles used after {@link Env#close()} give {@link BadTxnException} or another
 * {@link StorageException}: never a crash, never a raw JDK exception from the engine.
 */
class UseAfterCloseTest {
    @TempDir
    Path dir;

    @Test
    void readTransactionAndCursorAfterClose() {
        Env env = Env.open(dir);
        Dbi db = env.openDbi("data", DbiFlag.CREATE);
        load(env, db);
        Txn txn = env.txnRead();
        Cursor cursor = db.openCursor(txn);
        assertTrue(cursor.seek(key(10)));
        env.close();

        assertThrows(BadTxnException.class, () -> db.get(txn, key(10)));
        assertThrows(BadTxnException.class, () -> db.getView(txn, key(10)));
        assertThrows(BadTxnException.class, cursor::next);
        assertThrows(BadTxnException.class, cursor::prev);
        assertThrows(BadTxnException.class, cursor::first);
        assertThrows(BadTxnException.class, cursor::key);
        assertThrows(BadTxnException.class, cursor::value);
        assertThrows(BadTxnException.class, () -> cursor.seekRange(key(1)));
        assertThrows(BadTxnException.class, () -> db.openCursor(txn).first());
        assertThrows(BadTxnException.class, () -> db.stat(txn));
        assertThrows(BadTxnException.class, txn::reset);
        assertDoesNotThrow(cursor::close);
        assertDoesNotThrow(txn::close);
        assertDoesNotThrow(txn::close, "closing twice is harmless");
    }

    @Test
    void handlesOfAnEndedTransaction() {
        try (Env env = Env.open(dir)) {
            Dbi db = env.openDbi("data", DbiFlag.CREATE);
            load(env, db);
            Txn writer = env.txnWrite();
            Cursor cursor = db.openCursor(writer);
            assertTrue(cursor.first());
            writer.commit();
            assertThrows(BadTxnException.class, () -> db.put(writer, key(1), bytes("late")));
            assertThrows(BadTxnException.class, () -> db.get(writer, key(1)));
            assertThrows(BadTxnException.class, cursor::next);
            assertThrows(BadTxnException.class, writer::commit, "committing twice");
            Txn reader = env.txnRead();
            reader.close();
            assertThrows(BadTxnException.class, () -> db.get(reader, key(1)));
            assertThrows(BadTxnException.class, reader::renew, "renew needs reset, not close");
            try (Txn read = env.txnRead()) {
                assertThrows(BadTxnException.class, () -> db.put(read, key(1), bytes("x")), "a reader cannot write");
                assertArrayEquals(value(1), db.get(read, key(1)), "and stays usable");
            }
            assertEquals(0, env.info().readersUsed());
        }
    }

    @Test
    void environmentCallsAfterClose() {
        Env env = Env.open(dir);
        Dbi db = env.openDbi("data", DbiFlag.CREATE);
        load(env, db);
        env.close();
        assertTrue(env.isClosed());
        assertThrows(BadTxnException.class, env::txnRead);
        assertThrows(BadTxnException.class, env::txnWrite);
        assertThrows(BadTxnException.class, env::info);
        assertThrows(BadTxnException.class, env::stat);
        assertThrows(BadTxnException.class, env::dbiNames);
        assertThrows(BadTxnException.class, () -> env.openDbi("data"));
        assertThrows(BadTxnException.class, () -> db.get(key(1)));
        assertThrows(BadTxnException.class, () -> db.put(key(1), bytes("x")));
        assertDoesNotThrow(env::close, "closing twice is harmless");
    }

    @Test
    void writeTransactionOfTheClosingThread() {
        Env env = Env.open(dir);
        Dbi db = env.openDbi("data", DbiFlag.CREATE);
        load(env, db);
        long lastTxn = env.info().lastTxnId();
        Txn txn = env.txnWrite();
        db.put(txn, key(1_000), bytes("never committed"));
        env.close();
        assertThrows(BadTxnException.class, () -> db.put(txn, key(1_001), bytes("x")));
        assertThrows(BadTxnException.class, () -> db.get(txn, key(1_000)));
        assertThrows(StorageException.class, txn::commit);
        assertDoesNotThrow(txn::close);

        try (Env reopened = Env.open(dir)) {
            assertEquals(lastTxn, reopened.info().lastTxnId(), "nothing was committed");
            Dbi data = reopened.openDbi("data");
            try (Txn read = reopened.txnRead()) {
                assertEquals(null, data.get(read, key(1_000)));
                assertArrayEquals(value(5), data.get(read, key(5)));
            }
        }
    }

    @Test
    void viewsHandedOutBeforeCloseFailCleanly() {
        Env env = Env.open(dir);
        Dbi db = env.openDbi("data", DbiFlag.CREATE);
        load(env, db);
        Txn txn = env.txnRead();
        MemorySegment view = db.getView(txn, key(5));
        assertEquals(value(5)[0], view.get(ValueLayout.JAVA_BYTE, 0));
        env.close();
        assertThrows(IllegalStateException.class, () -> view.get(ValueLayout.JAVA_BYTE, 0),
                "a view of an unmapped file is a Java exception, not a crash");
        txn.close();
    }

    /** Reader threads scanning while another thread closes the environment: exceptions, no crash. */
    @Test
    void closeWhileReadersScan() throws InterruptedException {
        Env env = Env.open(dir);
        Dbi db = env.openDbi("data", DbiFlag.CREATE);
        load(env, db);
        int readers = 3;
        CountDownLatch scanning = new CountDownLatch(readers);
        AtomicReference<Throwable> unexpected = new AtomicReference<>();
        AtomicLong refused = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < readers; i++) {
            threads.add(Thread.ofPlatform().start(() -> {
                scanning.countDown();
                try {
                    while (true) {
                        scanOnce(env, db);
                    }
                } catch (StorageException expected) {
                    refused.incrementAndGet();
                } catch (Throwable e) {
                    unexpected.compareAndSet(null, e);
                }
            }));
        }
        scanning.await();
        Thread.sleep(200);
        try {
            env.close();
        } catch (StorageException inUse) {
            // DataFile may report mappings that a reader was inside at that instant
        }
        for (Thread thread : threads) {
            thread.join(10_000);
            assertTrue(!thread.isAlive(), "a reader kept running after close");
        }
        if (unexpected.get() != null) {
            throw new AssertionError("a reader got something other than a StorageException", unexpected.get());
        }
        assertEquals(readers, refused.get());
    }

    private static void scanOnce(Env env, Dbi db) {
        try (Txn txn = env.txnRead(); Cursor cursor = db.openCursor(txn)) {
            for (boolean more = cursor.first(); more; more = cursor.next()) {
                cursor.keyBytes();
                cursor.valueBytes();
            }
        }
    }

    private static void load(Env env, Dbi db) {
        try (Txn txn = env.txnWrite()) {
            for (int i = 0; i < 1_000; i++) {
                db.put(txn, key(i), value(i));
            }
            txn.commit();
        }
    }

    private static byte[] value(int i) {
        return bytes("value " + i + " " + "x".repeat(i % 100));
    }
}
