package org.larch.benchmarks.engine;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Building an attribute index: {@code keys} keys × ({@code entries / keys}) sorted 8-byte ids. Seconds
 * per build, one build per iteration (the report turns it into ids per second).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
public class DupAppendBenchmark {
    /**
     * As a bulk import does ({@code larch import} collects a batch of entries, then adds each index
     * key's new ids at once): {@code batches} transactions, each adding to every key its next run of ids
     * with one multiple-value put (Larch's {@code Dbi.putMultiple}, LMDB's {@code MDB_MULTIPLE}).
     */
    @Benchmark
    public int appendInBatches(FreshIndex fresh) {
        fresh.index.appendInBatches(fresh.data, fresh.batches);
        return fresh.data.keyCount() * fresh.data.idsPerKey();
    }

    /** One transaction, one plain put per id (keys in order, each key's ids in order): the single-value path. */
    @Benchmark
    public int onePutPerId(FreshIndex fresh) {
        fresh.index.load(fresh.data);
        return fresh.data.keyCount() * fresh.data.idsPerKey();
    }
}
