package org.larch.benchmarks.engine;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Random point reads of the loaded data set inside long-lived read transactions, each value's bytes
 * read: gets per second, with one and with two threads (the figure for two is both threads' sum).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class RandomReadBenchmark {
    @Benchmark
    @Threads(1)
    public long oneThread(LoadedStore store, ReaderThread reader) {
        return reader.readRandomKey();
    }

    @Benchmark
    @Threads(2)
    public long twoThreads(LoadedStore store, ReaderThread reader) {
        return reader.readRandomKey();
    }
}
