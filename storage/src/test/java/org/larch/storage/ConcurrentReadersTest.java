package org.larch.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.larch.storage.EnvTesting.bytes;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reader threads scan while one writer commits. Every commit stamps all keys of one database with
 * its counter, and moves money between accounts of another; a scan inside one read transaction must
 * see one stamp everywhere and the same total, and stamps never go back in time.
 */
class ConcurrentReadersTest {
    private static final int STAMPED_KEYS = 300;
    private static final int ACCOUNTS = 1_000;
    private static final long BALANCE = 1_000;
    private static final int READERS = 3;
    private static final long RUN_MILLIS = 3_000;

    @TempDir
    Path dir;

    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final AtomicLong commits = new AtomicLong();

    @Test
    void readersSeeConsistentSnapshotsWhileTheWriterCommits() throws InterruptedException {
        try (Env env = Env.open(dir, EnvConfig.defaults().withFlags(EnvFlag.NOSYNC))) {
            Dbi stamps = env.openDbi("stamps", DbiFlag.CREATE);
            Dbi accounts = env.openDbi("accounts", DbiFlag.CREATE);
            load(env, stamps, accounts);

            AtomicLong[] scans = new AtomicLong[READERS];
            List<Thread> threads = new ArrayList<>();
            threads.add(Thread.ofPlatform().name("writer").start(() -> guard(() -> write(env, stamps, accounts))));
            for (int i = 0; i < READERS; i++) {
                AtomicLong count = scans[i] = new AtomicLong();
                boolean renewing = i % 2 == 1;
                threads.add(Thread.ofPlatform().name("reader-" + i)
                        .start(() -> guard(() -> read(env, stamps, accounts, count, renewing))));
            }
            Thread.sleep(RUN_MILLIS);
            stop.set(true);
            for (Thread thread : threads) {
                thread.join(30_000);
                assertTrue(!thread.isAlive(), thread.getName() + " did not stop");
            }
            if (failure.get() != null) {
                throw new AssertionError("a thread failed", failure.get());
            }
            System.out.printf("%d commits; scans per reader: %s%n", commits.get(), List.of(scans));
            assertTrue(commits.get() >= 20, "the writer made progress: " + commits.get());
            for (AtomicLong count : scans) {
                assertTrue(count.get() >= 20, "every reader made progress: " + count.get());
            }
            assertEquals(0, env.info().readersUsed(), "every reader slot was given back");
            EnvTesting.check(env);
        }
    }

    @Test
    void writersTakeTurns() throws InterruptedException {
        try (Env env = Env.open(dir, EnvConfig.defaults().withFlags(EnvFlag.NOSYNC))) {
            Dbi db = env.openDbi("data", DbiFlag.CREATE);
            Txn first = env.txnWrite();
            db.put(first, bytes("k"), bytes("first"));
            assertThrows(BadTxnException.class, env::txnWrite, "one write transaction per thread");

            AtomicReference<byte[]> seenBySecond = new AtomicReference<>();
            Thread second = Thread.ofPlatform().start(() -> guard(() -> {
                try (Txn txn = env.txnWrite()) {
                    seenBySecond.set(db.get(txn, bytes("k")));
                    db.put(txn, bytes("k"), bytes("second"));
                    txn.commit();
                }
            }));
            second.join(300);
            assertTrue(second.isAlive(), "the second writer waits while the first is open");
            first.commit();
            second.join(10_000);
            assertTrue(!second.isAlive());
            if (failure.get() != null) {
                throw new AssertionError("the second writer failed", failure.get());
            }
            assertArrayEquals(bytes("first"), seenBySecond.get(), "the second writer began after the first commit");
            assertArrayEquals(bytes("second"), db.get(bytes("k")));
        }
    }

    private static void load(Env env, Dbi stamps, Dbi accounts) {
        try (Txn txn = env.txnWrite()) {
            for (int i = 0; i < STAMPED_KEYS; i++) {
                stamps.put(txn, stampKey(i), stampValue(0, i));
            }
            for (int i = 0; i < ACCOUNTS; i++) {
                accounts.put(txn, EnvTesting.key(i), longBytes(BALANCE));
            }
            txn.commit();
        }
    }

    /** Each commit: every stamped key gets the new counter (values change size), and 50 transfers. */
    private void write(Env env, Dbi stamps, Dbi accounts) {
        Random random = new Random(7);
        long counter = 0;
        while (!stop.get()) {
            counter++;
            try (Txn txn = env.txnWrite()) {
                for (int i = 0; i < STAMPED_KEYS; i++) {
                    stamps.put(txn, stampKey(i), stampValue(counter, i + (int) counter));
                }
                for (int i = 0; i < 50; i++) {
                    transfer(txn, accounts, random);
                }
                if (random.nextInt(10) == 0) {
                    txn.abort();
                    counter--;
                    continue;
                }
                txn.commit();
            }
            commits.incrementAndGet();
        }
    }

    private static void transfer(Txn txn, Dbi accounts, Random random) {
        byte[] from = EnvTesting.key(random.nextInt(ACCOUNTS));
        byte[] to = EnvTesting.key(random.nextInt(ACCOUNTS));
        long amount = random.nextInt(50);
        long fromBalance = longOf(accounts.getView(txn, from));
        if (fromBalance < amount) {
            return;
        }
        accounts.put(txn, from, longBytes(fromBalance - amount));
        accounts.put(txn, to, longBytes(longOf(accounts.getView(txn, to)) + amount));
    }

    private void read(Env env, Dbi stamps, Dbi accounts, AtomicLong scans, boolean renewing) {
        long lastStamp = -1;
        Txn txn = env.txnRead();
        try {
            while (!stop.get()) {
                long stamp = checkStamps(txn, stamps);
                assertTrue(stamp >= lastStamp, "snapshots went back in time: " + lastStamp + " then " + stamp);
                lastStamp = stamp;
                checkTotal(txn, accounts);
                scans.incrementAndGet();
                if (renewing) {
                    txn.reset();
                    txn.renew();
                } else {
                    txn.close();
                    txn = env.txnRead();
                }
            }
        } finally {
            txn.close();
        }
    }

    /** All stamped keys carry one counter; returns it. */
    private static long checkStamps(Txn txn, Dbi stamps) {
        long stamp = -1;
        int seen = 0;
        try (Cursor cursor = stamps.openCursor(txn)) {
            for (boolean more = cursor.first(); more; more = cursor.next()) {
                long value = longOf(cursor.value());
                if (stamp < 0) {
                    stamp = value;
                }
                assertEquals(stamp, value, "one scan saw two commits' stamps");
                seen++;
            }
        }
        assertEquals(STAMPED_KEYS, seen, "stamped keys seen in one scan");
        return stamp;
    }

    private static void checkTotal(Txn txn, Dbi accounts) {
        long total = 0;
        int seen = 0;
        try (Cursor cursor = accounts.openCursor(txn)) {
            for (boolean more = cursor.last(); more; more = cursor.prev()) {
                total += longOf(cursor.value());
                seen++;
            }
        }
        assertEquals(ACCOUNTS, seen, "accounts seen in one scan");
        assertEquals(ACCOUNTS * BALANCE, total, "money was created or lost between snapshots");
    }

    private void guard(Runnable body) {
        try {
            body.run();
        } catch (Throwable e) {
            failure.compareAndSet(null, e);
            stop.set(true);
        }
    }

    private static byte[] stampKey(int i) {
        return bytes("stamp-" + (i * 7919 % STAMPED_KEYS));
    }

    /** The counter, then padding of a length that varies with {@code shape}: now and then an overflow value. */
    private static byte[] stampValue(long counter, int shape) {
        int padding = shape % 37 == 0 ? 5_000 : shape % 200;
        return ByteBuffer.allocate(Long.BYTES + padding).order(ByteOrder.LITTLE_ENDIAN).putLong(counter).array();
    }

    private static byte[] longBytes(long value) {
        return ByteBuffer.allocate(Long.BYTES).order(ByteOrder.LITTLE_ENDIAN).putLong(value).array();
    }

    private static long longOf(MemorySegment value) {
        return value.get(ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN), 0);
    }
}
