package org.larch.backend.ldif;

import java.util.concurrent.CountDownLatch;

/** One record of the file as the reading side of an import hands it to the writing side ({@link RecordPipeline}). */
sealed interface ReadRecord {
    /** An entry to add; {@code charactersRead}: how far into the file its record ends. */
    record Entry(PreparedEntry prepared, long charactersRead) implements ReadRecord {
    }

    /**
     * A change record; the reading side waits until the writing side has {@link #applied} it, so that
     * entries after it are stamped (CSNs) after it.
     */
    record Change(LdifChange change, CountDownLatch done) implements ReadRecord {
        Change(LdifChange change) {
            this(change, new CountDownLatch(1));
        }

        void applied() {
            done.countDown();
        }
    }

    /** A record that could not be read. */
    record Problem(LdifProblem problem) implements ReadRecord {
    }

    /** The reading side failed unexpectedly; the writing side rethrows {@code failure}. */
    record Crash(RuntimeException failure) implements ReadRecord {
    }

    /** The end of the file. */
    record End() implements ReadRecord {
    }
}
