package org.larch.backend.ldif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RecordPipelineTest {
    @Test
    void recordsArriveInOrderAcrossChunksThenNull() {
        AtomicInteger produced = new AtomicInteger();
        try (RecordPipeline pipeline = new RecordPipeline(() -> produced.get() == 1_000 ? null
                : problem(produced.incrementAndGet()))) {
            for (int line = 1; line <= 1_000; line++) {
                assertEquals(line, ((ReadRecord.Problem) pipeline.next()).problem().lineNumber());
            }
            assertNull(pipeline.next());
            assertNull(pipeline.next());
        }
    }

    @Test
    void theReaderWaitsForAChangeToBeAppliedBeforeReadingOn() throws Exception {
        AtomicInteger produced = new AtomicInteger();
        ReadRecord.Change change = new ReadRecord.Change(null);
        try (RecordPipeline pipeline = new RecordPipeline(() -> switch (produced.incrementAndGet()) {
            case 1 -> change;
            case 2 -> problem(2);
            default -> null;
        })) {
            assertSame(change, pipeline.next());
            Thread.sleep(200);
            assertEquals(1, produced.get(), "nothing read past the change before it is applied");
            change.applied();
            assertEquals(2, ((ReadRecord.Problem) pipeline.next()).problem().lineNumber());
            assertNull(pipeline.next());
        }
    }

    @Test
    void aFailureOfTheReaderIsRethrownInOrder() {
        AtomicInteger produced = new AtomicInteger();
        IllegalStateException failure = new IllegalStateException("disk gone");
        try (RecordPipeline pipeline = new RecordPipeline(() -> {
            if (produced.incrementAndGet() == 3) {
                throw failure;
            }
            return problem(produced.get());
        })) {
            pipeline.next();
            pipeline.next();
            assertSame(failure, assertThrows(IllegalStateException.class, pipeline::next));
            assertNull(pipeline.next());
        }
    }

    @Test
    void closingStopsAReaderThatIsAheadAndBlocked() {
        AtomicBoolean endless = new AtomicBoolean(true);
        AtomicInteger produced = new AtomicInteger();
        RecordPipeline pipeline = new RecordPipeline(() -> endless.get() ? problem(produced.incrementAndGet()) : null);
        assertEquals(1, ((ReadRecord.Problem) pipeline.next()).problem().lineNumber());
        long start = System.nanoTime();
        pipeline.close();
        assertTrue(System.nanoTime() - start < 10_000_000_000L, "close returns");
        int afterClose = produced.get();
        assertFalse(afterClose > 100_000, "the reader stayed bounded: " + afterClose);
    }

    private static ReadRecord problem(int line) {
        return new ReadRecord.Problem(new LdifProblem("f", line, null, "x"));
    }
}
