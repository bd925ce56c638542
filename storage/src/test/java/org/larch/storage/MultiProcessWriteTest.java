package org.larch.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.larch.storage.EnvTesting.key;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Two JVMs writing one environment: each sees the other's commits, and only one writes at a time. */
class MultiProcessWriteTest {
    private static final int KEYS_PER_ROUND = 400;
    private static final int VALUE_BYTES = 700;

    @TempDir
    Path dir;

    /**
     * The processes take turns, each writing enough to grow the file: every write transaction must
     * begin on the other's last commit, and every reader must see the other's pages, including those
     * beyond the file's end as this process last mapped it.
     */
    @Test
    @Timeout(60)
    void writersTakingTurnsSeeEachOthersCommitsAndFileGrowth() throws Exception {
        try (Env env = Env.open(dir, EnvConfig.defaults().withGrowStepBytes(MultiProcessChild.GROW_STEP_BYTES));
                ChildJvm child = ChildJvm.start(dir)) {
            Dbi db = env.openDbi(MultiProcessChild.DATABASE, DbiFlag.CREATE);
            long next = 0;
            for (int round = 0; round < 4; round++) {
                write(env, db, next, next + KEYS_PER_ROUND);
                next += KEYS_PER_ROUND;
                String[] counted = child.ask("count", "count");
                assertEquals(next, Long.parseLong(counted[1]), "the child sees every key the parent wrote");
                assertEquals(env.info().lastTxnId(), Long.parseLong(counted[2]), "on the parent's last commit");

                long sizeBefore = env.info().fileSizeBytes();
                String[] written = child.ask("write " + next + " " + (next + KEYS_PER_ROUND) + " " + VALUE_BYTES,
                        "written");
                next += KEYS_PER_ROUND;
                long childTxn = Long.parseLong(written[1]);
                long childFileSize = Long.parseLong(written[2]);
                assertTrue(childFileSize > sizeBefore, "the child grew the file: " + childFileSize + " > " + sizeBefore);

                assertEquals(childTxn, env.info().lastTxnId(), "the parent learns of the child's commit");
                assertEquals(childFileSize, env.info().fileSizeBytes(), "and of the file it grew");
                try (Txn txn = env.txnRead()) {
                    assertEquals(childTxn, txn.id());
                    assertEquals(next, db.stat(txn).entries());
                    assertArrayEquals(MultiProcessChild.value(next - 1, VALUE_BYTES), db.get(txn, key(next - 1)),
                            "a page the child wrote past the parent's old mapping");
                }
            }
            EnvTesting.check(env);
        }
    }

    /**
     * The parent holds the write transaction; the child's attempt waits until the parent commits, then
     * begins on that commit. The other way round too. Ordering only: the wall-clock stamps of the two
     * processes are compared, never durations.
     */
    @Test
    @Timeout(60)
    void onlyOneProcessWritesAtATime() throws Exception {
        try (Env env = Env.open(dir); ChildJvm child = ChildJvm.start(dir)) {
            Dbi db = env.openDbi(MultiProcessChild.DATABASE, DbiFlag.CREATE);
            Txn parentTxn = env.txnWrite();
            db.put(parentTxn, key(99), MultiProcessChild.value(99, 10));
            child.send("timedWrite 100");
            long childWaitingSince = Long.parseLong(child.expect("waiting")[1]);
            assertNull(child.next(400, TimeUnit.MILLISECONDS),
                    "the child began writing while the parent held the write transaction");
            long parentCommitting = MultiProcessChild.micros();
            parentTxn.commit();
            String[] acquired = child.expect("acquired");
            long childAcquired = Long.parseLong(acquired[1]);
            System.out.printf("child waited from %d, parent committed at %d, child began at %d (us)%n",
                    childWaitingSince, parentCommitting, childAcquired);
            assertTrue(childWaitingSince <= parentCommitting && parentCommitting <= childAcquired,
                    "child waiting " + childWaitingSince + ", parent committing " + parentCommitting
                            + ", child writing " + childAcquired);
            assertEquals("true", acquired[2], "the child's write transaction began on the parent's commit");
            child.expect("committed");

            child.ask("beginWrite 101", "writing");
            CompletableFuture<Long> parentWrite = CompletableFuture.supplyAsync(() -> {
                try (Txn txn = env.txnWrite()) {
                    long began = MultiProcessChild.micros();
                    assertArrayEquals(MultiProcessChild.value(101, 10), db.get(txn, key(101)),
                            "the parent's write transaction began on the child's commit");
                    db.put(txn, key(102), MultiProcessChild.value(102, 10));
                    txn.commit();
                    return began;
                }
            });
            Thread.sleep(300);
            assertTrue(!parentWrite.isDone(), "the parent began writing while the child held the write transaction");
            long childCommitting = MultiProcessChild.micros();
            child.ask("commitWrite", "committed");
            assertTrue(childCommitting <= parentWrite.get(30, TimeUnit.SECONDS));

            assertEquals("value", child.ask("get 102", "value")[0]);
            try (Txn txn = env.txnRead()) {
                assertEquals(4, db.stat(txn).entries());
            }
            EnvTesting.check(env);
        }
    }

    /**
     * A thread waiting for another process's write transaction is interrupted: it keeps waiting (as
     * for the in-process semaphore), keeps its interrupt status, and the lock file's channel, whose
     * closing would drop every lock of this process, stays open.
     */
    @Test
    @Timeout(60)
    void anInterruptWhileWaitingForAnotherProcessesWriterBreaksNothing() throws Exception {
        try (Env env = Env.open(dir); ChildJvm child = ChildJvm.start(dir)) {
            Dbi db = env.openDbi(MultiProcessChild.DATABASE, DbiFlag.CREATE);
            child.ask("beginWrite 1", "writing");
            CompletableFuture<Boolean> interruptedWhileWaiting = new CompletableFuture<>();
            Thread waiter = Thread.ofPlatform().start(() -> {
                try (Txn txn = env.txnWrite()) {
                    interruptedWhileWaiting.complete(Thread.interrupted()); // cleared before any file write
                    db.put(txn, key(2), MultiProcessChild.value(2, 10));
                    txn.commit();
                } catch (Throwable e) {
                    interruptedWhileWaiting.completeExceptionally(e);
                }
            });
            Thread.sleep(200);
            waiter.interrupt();
            Thread.sleep(200);
            assertTrue(waiter.isAlive(), "the interrupted thread still waits for the child's write transaction");
            child.ask("commitWrite", "committed");
            assertTrue(interruptedWhileWaiting.get(30, TimeUnit.SECONDS), "the interrupt status was kept");
            waiter.join();

            write(env, db, 3, 4);
            assertEquals("value", child.ask("get 2", "value")[0]);
            assertEquals("value", child.ask("get 3", "value")[0]);
            child.ask("write 4 5 10", "written");
            Thread.currentThread().interrupt(); // catching up with the child's commit on an interrupted thread
            try (Txn txn = env.txnRead()) {
                assertEquals(4, db.stat(txn).entries(), "keys 1 to 4, from both processes");
            } finally {
                assertTrue(Thread.interrupted(), "the interrupt status was kept");
            }
            write(env, db, 5, 6);
            assertEquals("value", child.ask("get 5", "value")[0], "the data file's channel is still open");
        }
    }

    private static void write(Env env, Dbi db, long from, long to) {
        try (Txn txn = env.txnWrite()) {
            for (long i = from; i < to; i++) {
                db.put(txn, key(i), MultiProcessChild.value(i, VALUE_BYTES));
            }
            txn.commit();
        }
    }
}
