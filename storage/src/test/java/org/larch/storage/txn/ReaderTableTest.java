package org.larch.storage.txn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.larch.storage.ReaderInfo;
import org.larch.storage.ReadersFullException;
import org.larch.storage.StorageException;
import org.larch.storage.io.LockFileMapping;

class ReaderTableTest {

    @Test
    void aNewTableIsEmpty() {
        ReaderTable table = new ReaderTable(8);
        assertEquals(8, table.capacity());
        assertEquals(0, table.used());
        assertEquals(Long.MAX_VALUE, table.oldestPinned());
    }

    @Test
    void acquirePinUnpinRelease() {
        ReaderTable table = new ReaderTable(4);
        int slot = table.acquire();
        assertEquals(1, table.used());
        assertEquals(-1, table.snapshotOf(slot), "an acquired slot pins nothing yet");
        assertEquals(Long.MAX_VALUE, table.oldestPinned());

        table.pin(slot, 41);
        assertEquals(41, table.snapshotOf(slot));
        assertEquals(41, table.oldestPinned());

        table.unpin(slot);
        assertEquals(-1, table.snapshotOf(slot));
        assertEquals(1, table.used(), "an unpinned (reset) reader keeps its slot");
        assertEquals(Long.MAX_VALUE, table.oldestPinned());

        table.release(slot);
        assertEquals(0, table.used());
        assertEquals(-1, table.snapshotOf(slot));
    }

    @Test
    void acquireHandsOutDistinctSlots() {
        ReaderTable table = new ReaderTable(16);
        Set<Integer> slots = new HashSet<>();
        for (int i = 0; i < 16; i++) {
            int slot = table.acquire();
            assertTrue(slot >= 0 && slot < 16);
            assertTrue(slots.add(slot), "slot " + slot + " handed out twice");
        }
        assertEquals(16, table.used());
    }

    @Test
    void oldestPinnedIsTheMinimumOverPinnedSlots() {
        ReaderTable table = new ReaderTable(5);
        int a = table.acquire();
        int b = table.acquire();
        int c = table.acquire();
        table.acquire(); // idle: pins nothing
        table.pin(a, 30);
        table.pin(b, 12);
        table.pin(c, 20);
        assertEquals(12, table.oldestPinned());
        table.unpin(b);
        assertEquals(20, table.oldestPinned());
        table.release(c);
        assertEquals(30, table.oldestPinned());
        table.pin(a, 31);
        assertEquals(31, table.oldestPinned(), "re-pinning moves the slot to the newer snapshot");
    }

    @Test
    void snapshotZeroIsCounted() {
        ReaderTable table = new ReaderTable(3);
        int slot = table.acquire();
        table.pin(slot, 0);
        assertEquals(0, table.snapshotOf(slot));
        assertEquals(0, table.oldestPinned());
        assertEquals(1, table.used());
        int other = table.acquire();
        assertNotEquals(slot, other, "a slot pinning snapshot 0 is not free");
    }

    @Test
    void aFullTableThrowsReadersFullNamingMaxreaders() {
        ReaderTable table = new ReaderTable(3);
        int first = table.acquire();
        table.acquire();
        table.acquire();
        ReadersFullException e = assertThrows(ReadersFullException.class, table::acquire);
        assertTrue(e.getMessage().contains("maxreaders"), e.getMessage());
        assertTrue(e.getMessage().contains("3"), e.getMessage());
        assertInstanceOf(StorageException.class, e);
        assertEquals(3, table.used(), "a failed acquire takes nothing");

        table.release(first);
        assertEquals(first, table.acquire(), "a released slot is taken again");
    }

    @Test
    void idleAndPinnedSlotsBothCountAsFull() {
        ReaderTable table = new ReaderTable(2);
        table.pin(table.acquire(), 0);
        table.acquire();
        assertThrows(ReadersFullException.class, table::acquire);
    }

    @Test
    void aSingleSlotTable() {
        ReaderTable table = new ReaderTable(1);
        int slot = table.acquire();
        assertEquals(0, slot);
        assertThrows(ReadersFullException.class, table::acquire);
        table.release(slot);
        assertEquals(0, table.acquire());
    }

    /**
     * Threads outnumber slots. Each records itself as the owner of the slot it acquired; finding another
     * owner there, or another snapshot pinned in it, means one slot was handed to two readers.
     */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void concurrentAcquireAndReleaseNeverShareASlot() throws Exception {
        int threads = 8;
        int slots = 4;
        int rounds = 10_000;
        ReaderTable table = new ReaderTable(slots);
        AtomicIntegerArray owners = new AtomicIntegerArray(slots);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int t = 1; t <= threads; t++) {
                int me = t;
                results.add(pool.submit(() -> {
                    start.await();
                    for (int round = 0; round < rounds; round++) {
                        int slot = acquireRetrying(table);
                        if (!owners.compareAndSet(slot, 0, me)) {
                            throw new AssertionError("slot " + slot + " given to " + me + " while " + owners.get(slot)
                                    + " holds it");
                        }
                        long snapshot = (long) me << 32 | round;
                        table.pin(slot, snapshot);
                        Thread.yield();
                        if (table.snapshotOf(slot) != snapshot) {
                            throw new AssertionError("slot " + slot + " pinned by another reader");
                        }
                        table.unpin(slot);
                        if (!owners.compareAndSet(slot, me, 0)) {
                            throw new AssertionError("slot " + slot + " taken from " + me);
                        }
                        table.release(slot);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> result : results) {
                result.get(60, TimeUnit.SECONDS);
            }
        }
        assertEquals(0, table.used());
        assertEquals(Long.MAX_VALUE, table.oldestPinned());
    }

    /** Acquires a slot, waiting while all are taken (threads outnumber slots on purpose). */
    private static int acquireRetrying(ReaderTable table) {
        while (true) {
            try {
                return table.acquire();
            } catch (ReadersFullException e) {
                Thread.yield();
            }
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void concurrentReadersWithEnoughSlotsNeverSeeFull() throws Exception {
        int threads = 6;
        ReaderTable table = new ReaderTable(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> {
                    start.await();
                    for (int round = 0; round < 20_000; round++) {
                        int slot = table.acquire();
                        table.pin(slot, round);
                        table.release(slot);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> result : results) {
                result.get(60, TimeUnit.SECONDS);
            }
        }
        assertEquals(0, table.used());
    }

    // ---- slots of other processes (fabricated in the table as another process would leave them) ----

    @Test
    void aSlotOfADeadProcessIsClearedAndStopsPinning() throws Exception {
        LockFileMapping mapping = LockFileMapping.inMemory(4);
        ReaderTable table = new ReaderTable(mapping);
        take(mapping, 2, deadPid(), 0, 5);
        int mine = table.acquire();
        table.pin(mine, 7);
        assertEquals(5, table.oldestPinned(), "a dead reader pins until it is found");
        assertEquals(2, table.used());

        assertEquals(1, table.clearStale());
        assertEquals(7, table.oldestPinned());
        assertEquals(1, table.used());
        assertEquals(0, mapping.ownerPid(2));
        assertEquals(-1, mapping.snapshot(2));
        assertEquals(0, table.clearStale(), "nothing left to clear; the live reader stays");
        assertEquals(7, table.snapshotOf(mine));
    }

    @Test
    void aReusedPidIsToldApartByItsStartTime() {
        ProcessIdentity self = ProcessIdentity.current();
        ProcessHandle parent = ProcessHandle.current().parent().orElseThrow();
        long parentStart = parent.info().startInstant().map(java.time.Instant::toEpochMilli).orElse(0L);
        assumeTrue(self.startMillis() != 0 && parentStart != 0, "this platform reports process start times");
        LockFileMapping mapping = LockFileMapping.inMemory(3);
        ReaderTable table = new ReaderTable(mapping);
        take(mapping, 0, self.pid(), self.startMillis() - 60_000, 3); // an earlier process that had our pid
        take(mapping, 1, parent.pid(), parentStart - 60_000, 4); // the same for the parent's pid
        take(mapping, 2, parent.pid(), parentStart, 6); // the live parent itself

        assertEquals(2, table.clearStale());
        assertEquals(List.of(2), table.readers(10).stream().map(ReaderInfo::slot).toList());
        assertEquals(6, table.oldestPinned());
    }

    @Test
    void aFullTableIsCheckedForStaleSlotsBeforeItIsReportedFull() throws Exception {
        LockFileMapping mapping = LockFileMapping.inMemory(2);
        ReaderTable table = new ReaderTable(mapping);
        long dead = deadPid();
        take(mapping, 0, dead, 0, 1);
        take(mapping, 1, dead, 0, 2);
        int first = table.acquire();
        int second = table.acquire();
        assertNotEquals(first, second);
        assertEquals(Long.MAX_VALUE, table.oldestPinned(), "both dead readers were cleared");
        ReadersFullException e = assertThrows(ReadersFullException.class, table::acquire);
        assertTrue(e.getMessage().contains("maxreaders") && e.getMessage().contains("2"), e.getMessage());
    }

    @Test
    void aStaleCheckThatDiedHalfWayIsFinishedByTheNext() throws Exception {
        LockFileMapping mapping = LockFileMapping.inMemory(2);
        ReaderTable table = new ReaderTable(mapping);
        take(mapping, 0, -deadPid(), 0, 8); // marked "being cleared" by a process that then died
        take(mapping, 1, -ProcessIdentity.current().pid(), 0, 9); // being cleared by a live process: left to it
        assertEquals(1, table.clearStale());
        assertEquals(0, mapping.ownerPid(0));
        assertEquals(9, table.oldestPinned());
    }

    @Test
    void readersListsTakenSlotsWithOwnerSnapshotAndLag() {
        ReaderTable table = new ReaderTable(4);
        int pinned = table.acquire();
        table.pin(pinned, 7);
        int idle = table.acquire();
        long pid = ProcessHandle.current().pid();
        long thread = Thread.currentThread().threadId();
        assertEquals(List.of(new ReaderInfo(pinned, pid, thread, 7, 3), new ReaderInfo(idle, pid, thread, -1, 0)),
                table.readers(10));
        assertFalse(table.readers(10).get(1).pinsSnapshot());
    }

    @Test
    void closeGivesBackThisProcessesSlotsAndIgnoresLaterReleases() {
        LockFileMapping mapping = LockFileMapping.inMemory(3);
        ReaderTable table = new ReaderTable(mapping);
        ProcessHandle parent = ProcessHandle.current().parent().orElseThrow();
        take(mapping, 2, parent.pid(), 0, 4);
        int mine = table.acquire();
        table.pin(mine, 5);
        table.close();
        assertEquals(0, mapping.ownerPid(mine), "closing gave the slot back");
        assertEquals(1, table.used(), "another process's reader is left alone");
        assertEquals(4, table.oldestPinned());
        take(mapping, mine, parent.pid(), 0, 6); // another process takes the slot given back
        table.release(mine);
        table.unpin(mine);
        assertEquals(6, mapping.snapshot(mine), "a release after close touches nothing");
    }

    /** Writes a slot as process {@code pid} would have taken it. */
    private static void take(LockFileMapping mapping, int slot, long pid, long startMillis, long snapshot) {
        assertTrue(mapping.compareAndSetOwnerPid(slot, 0, pid));
        mapping.setOwner(slot, startMillis, 1);
        mapping.setSnapshot(slot, snapshot);
    }

    /** The pid of a process that has ended. */
    private static long deadPid() throws Exception {
        Process process = new ProcessBuilder("true").start();
        process.waitFor();
        return process.pid();
    }
}
