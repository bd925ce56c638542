package org.larch.backend.ldif;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The two sides of an import on two cores: a reader thread reads and prepares records (parsing,
 * entry building, schema check, stamping, index keys: {@code source}) and hands them in chunks through
 * a bounded queue to the caller's thread, which stores them. After a change record the reader waits
 * until the caller has {@link ReadRecord.Change#applied applied} it. {@link #close} stops the reader.
 */
final class RecordPipeline implements AutoCloseable {
    private static final int CHUNK_RECORDS = 256;
    /** About 8,000 records: the reader keeps preparing while the writer flushes a commit's index keys. */
    private static final int CHUNKS_AHEAD = 32;
    private static final long POLL_MILLIS = 100;

    private final Supplier<ReadRecord> source;
    private final BlockingQueue<List<ReadRecord>> queue = new ArrayBlockingQueue<>(CHUNKS_AHEAD);
    private final Thread reader;
    private volatile boolean stopped;
    private volatile long readerCpuNanos = -1;
    /** Time the reader waited for room on the queue (the writer was behind); written by the reader only. */
    private volatile long readerWaitNanos;
    /** Time the caller waited for records (the reader was behind). */
    private long writerWaitNanos;
    private Iterator<ReadRecord> chunk = Collections.emptyIterator();
    private boolean ended;

    /** Starts reading: {@code source} gives the next record, null at the end of the file. */
    RecordPipeline(Supplier<ReadRecord> source) {
        this.source = source;
        this.reader = Thread.ofPlatform().name("larch-import-reader").daemon().start(this::read);
    }

    /** The next record in file order; null after the end. */
    ReadRecord next() {
        while (!ended && !chunk.hasNext()) {
            chunk = take().iterator();
        }
        if (ended) {
            return null;
        }
        ReadRecord next = chunk.next();
        switch (next) {
            case ReadRecord.Crash crash -> {
                ended = true;
                throw crash.failure();
            }
            case ReadRecord.End end -> {
                ended = true;
                return null;
            }
            default -> {
                return next;
            }
        }
    }

    @Override
    public void close() {
        stopped = true;
        reader.interrupt();
        try {
            reader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private List<ReadRecord> take() {
        try {
            List<ReadRecord> ready = queue.poll();
            if (ready != null) {
                return ready;
            }
            long start = System.nanoTime();
            ready = queue.take();
            writerWaitNanos += System.nanoTime() - start;
            return ready;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the LDIF reader", e);
        }
    }

    /** CPU time the reader thread used, once it has read the whole file; -1 before (or if unknown). */
    long readerCpuNanos() {
        return readerCpuNanos;
    }

    /** How long the reader waited for the writer so far. */
    long readerWaitNanos() {
        return readerWaitNanos;
    }

    /** How long the caller ({@link #next}) waited for the reader so far. */
    long writerWaitNanos() {
        return writerWaitNanos;
    }

    private void read() {
        List<ReadRecord> pending = new ArrayList<>(CHUNK_RECORDS);
        try {
            for (ReadRecord next = source.get(); next != null && !stopped; next = source.get()) {
                pending.add(next);
                if (pending.size() >= CHUNK_RECORDS || next instanceof ReadRecord.Change) {
                    pending = handOver(pending);
                }
                if (next instanceof ReadRecord.Change change) {
                    awaitApplied(change);
                }
            }
            readerCpuNanos = ThreadCpu.currentNanos();
            pending.add(new ReadRecord.End());
            handOver(pending);
        } catch (RuntimeException | Error e) {
            RuntimeException failure = e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
            pending.add(new ReadRecord.Crash(failure));
            handOver(pending);
        } catch (InterruptedException e) {
            // closed: the writing side stopped
        }
    }

    /** Puts {@code records} on the queue (waiting for room until closed); returns a fresh list. */
    private List<ReadRecord> handOver(List<ReadRecord> records) {
        try {
            if (!queue.offer(records)) {
                long start = System.nanoTime();
                while (!stopped && !queue.offer(records, POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                    // the writing side is behind
                }
                readerWaitNanos += System.nanoTime() - start;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new ArrayList<>(CHUNK_RECORDS);
    }

    private void awaitApplied(ReadRecord.Change change) throws InterruptedException {
        while (!stopped && !change.done().await(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
            // waiting for the writing side
        }
    }
}
