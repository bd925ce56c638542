package org.larch.benchmarks.engine;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Random puts into the loaded data set (each changes an existing key's value), one writer thread:
 * in transactions of {@value #BATCH} puts committed without sync (puts per second), and one put per
 * durable commit (commits per second).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class WriteBenchmark {
    public static final int BATCH = 1_000;

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void batchedNoSync(LoadedStore store, WriteSequence sequence) {
        store.kv.put(sequence.next(store.data, BATCH));
    }

    @Benchmark
    public void durableSinglePut(DurableStore store, WriteSequence sequence) {
        store.kv.put(sequence.next(store.data, 1));
    }
}
