package org.larch.benchmarks.engine;

import java.util.concurrent.TimeUnit;
import org.larch.benchmarks.store.Batch;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Loading the whole data set into an empty store in one transaction (commit included, no sync):
 * seconds per load, one load per iteration (the report turns it into entries per second).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
public class LoadBenchmark {
    /** Keys in ascending order with the store's append mode. */
    @Benchmark
    public int sorted(FreshStore fresh) {
        fresh.kv.loadSorted(fresh.data);
        return fresh.data.size();
    }

    /** Keys in a random order, plain puts. */
    @Benchmark
    public int randomOrder(FreshStore fresh) {
        fresh.kv.put(Batch.all(fresh.data, fresh.randomOrder));
        return fresh.data.size();
    }
}
