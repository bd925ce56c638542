package org.larch.backend.index;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of index reads since the indexes were opened: how many index keys candidate lookups
 * read and how many ids they returned. A test (or an explain log line) compares them before and
 * after a search to show that an indexed search touched only its candidates.
 */
public final class IndexStats {
    private final LongAdder keysRead = new LongAdder();
    private final LongAdder idsRead = new LongAdder();
    private final LongAdder lookups = new LongAdder();

    /** A figure at one moment. */
    public record Snapshot(long lookups, long keysRead, long idsRead) {
        public Snapshot minus(Snapshot earlier) {
            return new Snapshot(lookups - earlier.lookups, keysRead - earlier.keysRead, idsRead - earlier.idsRead);
        }
    }

    public Snapshot snapshot() {
        return new Snapshot(lookups.sum(), keysRead.sum(), idsRead.sum());
    }

    void lookup() {
        lookups.increment();
    }

    void keyRead(long ids) {
        keysRead.increment();
        idsRead.add(ids);
    }
}
