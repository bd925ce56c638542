package org.larch.backend.csn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class CsnGeneratorTest {

    /** A clock the test sets by hand. */
    private static final class ManualClock extends Clock {
        private Instant now;

        ManualClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    private static final Instant NOON = Instant.parse("2026-11-22T12:00:00.000001Z");

    @Test
    void usesTheClockAndTheServerId() {
        CsnGenerator generator = new CsnGenerator(0x2a, new ManualClock(NOON));
        assertEquals("20261122120000.000001Z#000000#02a#000000", generator.next().format());
    }

    @Test
    void countsUpWhileTheClockStandsStill() {
        CsnGenerator generator = new CsnGenerator(1, new ManualClock(NOON));
        Csn first = generator.next();
        Csn second = generator.next();
        assertEquals(first.epochMicros(), second.epochMicros());
        assertEquals(1, second.count());
        assertTrue(second.isAfter(first));
    }

    @Test
    void staysAheadWhenTheClockGoesBack() {
        ManualClock clock = new ManualClock(NOON);
        CsnGenerator generator = new CsnGenerator(1, clock);
        Csn beforeStep = generator.next();
        clock.set(NOON.minusSeconds(3600));
        Csn afterStep = generator.next();
        assertTrue(afterStep.isAfter(beforeStep), afterStep + " after " + beforeStep);
        assertEquals(beforeStep.epochMicros(), afterStep.epochMicros());
        clock.set(NOON.plusSeconds(1));
        Csn later = generator.next();
        assertEquals(0, later.count());
        assertEquals(NOON.plusSeconds(1), later.time());
    }

    @Test
    void movesToTheNextMicrosecondWhenTheCountIsUsedUp() {
        CsnGenerator generator = new CsnGenerator(1, new ManualClock(NOON));
        generator.observe(new Csn(NOON.getEpochSecond() * 1_000_000 + 1, Csn.MAX_COUNT - 1, 1, 0));
        Csn lastOfCount = generator.next();
        assertEquals(Csn.MAX_COUNT, lastOfCount.count());
        Csn next = generator.next();
        assertEquals(lastOfCount.epochMicros() + 1, next.epochMicros());
        assertEquals(0, next.count());
    }

    @Test
    void continuesAfterAnObservedCsnFromTheFuture() {
        CsnGenerator generator = new CsnGenerator(1, new ManualClock(NOON));
        Csn stored = new Csn(NOON.plusSeconds(60).getEpochSecond() * 1_000_000, 7, 3, 0);
        generator.observe(stored);
        Csn next = generator.next();
        assertTrue(next.isAfter(stored), next + " after " + stored);
        assertEquals(1, next.serverId());
    }

    @Test
    void manyThreadsGetDistinctIncreasingCsns() throws InterruptedException {
        CsnGenerator generator = new CsnGenerator(5);
        int threads = 4;
        int perThread = 20_000;
        ConcurrentLinkedQueue<List<Csn>> results = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(Thread.ofPlatform().start(() -> {
                List<Csn> mine = new ArrayList<>(perThread);
                awaitQuietly(start);
                for (int i = 0; i < perThread; i++) {
                    mine.add(generator.next());
                }
                results.add(mine);
            }));
        }
        start.countDown();
        for (Thread worker : workers) {
            worker.join();
        }
        Set<Csn> all = new HashSet<>();
        for (List<Csn> mine : results) {
            for (int i = 1; i < mine.size(); i++) {
                assertTrue(mine.get(i).isAfter(mine.get(i - 1)), "each thread sees rising CSNs");
            }
            all.addAll(mine);
        }
        assertEquals(threads * perThread, all.size(), "no CSN handed out twice");
    }

    @Test
    void rejectsServerIdsOutOfRange() {
        assertThrows(IllegalArgumentException.class, () -> new CsnGenerator(4096));
        assertThrows(IllegalArgumentException.class, () -> new CsnGenerator(-1));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
