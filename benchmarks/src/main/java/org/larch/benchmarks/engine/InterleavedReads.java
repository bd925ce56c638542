package org.larch.benchmarks.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToLongFunction;
import org.larch.benchmarks.data.Checksum;
import org.larch.benchmarks.data.DataDirectory;
import org.larch.benchmarks.data.Dataset;
import org.larch.benchmarks.data.DupDataset;
import org.larch.benchmarks.store.Durability;
import org.larch.benchmarks.store.DupReader;
import org.larch.benchmarks.store.DupStore;
import org.larch.benchmarks.store.KvReader;
import org.larch.benchmarks.store.KvStore;
import org.larch.benchmarks.store.StoreKind;

/**
 * The read workloads of {@link ScanBenchmark}, {@link RandomReadBenchmark} (one thread) and
 * {@link DupLookupBenchmark}, Larch and LMDB in one JVM, in short batches that alternate between the
 * two stores, timed by the thread's CPU time (time spent waiting for a core while other work runs is
 * not counted): on a machine shared with other work, each store's best batch (and the median of the
 * per-round ratios) compares them under the same load, where two JMH forks minutes apart do not.
 * A companion to the JMH suite for noisy machines, not a replacement.
 *
 * <pre>
 * java --add-opens java.base/java.nio=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED \
 *      --enable-native-access=ALL-UNNAMED -Dlmdbjava.disable.checks=true -Xmx3g \
 *      -cp 'benchmarks/target/benchmarks.jar:benchmarks/target/lib/*' \
 *      org.larch.benchmarks.engine.InterleavedReads [entries [rounds [scan,get,dup]]]
 * </pre>
 */
public final class InterleavedReads {
    private static final StoreKind[] STORES = {StoreKind.LARCH, StoreKind.LMDB};
    private static final int GETS_PER_BATCH = 200_000;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int LOOKUPS_PER_BATCH = 100_000;

    private InterleavedReads() {
    }

    public static void main(String[] args) {
        int entries = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        String workloads = args.length > 2 ? args[2] : "scan,get,dup";
        Dataset data = Dataset.generate(entries, Dataset.DEFAULT_SEED);
        DupDataset index = DupDataset.generate(10_000, 100, 0xd0b5L);
        List<AutoCloseable> open = new ArrayList<>();
        KvReader[] readers = new KvReader[STORES.length];
        DupReader[] indexReaders = new DupReader[STORES.length];
        try {
            for (int s = 0; s < STORES.length; s++) {
                DataDirectory kvDirectory = DataDirectory.create(STORES[s].label());
                KvStore kv = STORES[s].openKv(kvDirectory.path(), Durability.NO_SYNC);
                kv.loadSorted(data);
                readers[s] = kv.openReader();
                DataDirectory dupDirectory = DataDirectory.create(STORES[s].label() + "-dup");
                DupStore dup = STORES[s].openDup(dupDirectory.path());
                dup.load(index);
                indexReaders[s] = dup.openReader();
                open.addAll(List.of(kvDirectory, kv, readers[s], dupDirectory, dup, indexReaders[s]));
            }
            if (workloads.contains("scan")) {
                compare("full cursor scan (ns/entry)", rounds, entries, s -> scan(readers[s], entries));
            }
            if (workloads.contains("get")) {
                compare("random get, 1 thread (ns/get)", rounds, GETS_PER_BATCH, s -> gets(readers[s], data));
            }
            if (workloads.contains("dup")) {
                compare("dup lookup (ns/lookup)", rounds, LOOKUPS_PER_BATCH, s -> lookups(indexReaders[s], index));
            }
        } finally {
            for (int i = open.size() - 1; i >= 0; i--) {
                try {
                    open.get(i).close();
                } catch (Exception e) {
                    System.err.println("closing: " + e);
                }
            }
        }
    }

    /** Runs {@code batch} for each store in turn, {@code rounds} times (a third more to warm up), and prints the figures. */
    private static void compare(String workload, int rounds, int operations, ToLongFunction<Integer> batch) {
        int warmups = Math.max(3, rounds / 3);
        double[][] nanos = new double[STORES.length][rounds];
        double[] ratios = new double[rounds];
        for (int round = -warmups; round < rounds; round++) {
            for (int s = 0; s < STORES.length; s++) {
                long start = THREADS.getCurrentThreadCpuTime();
                batch.applyAsLong(s);
                double perOperation = (double) (THREADS.getCurrentThreadCpuTime() - start) / operations;
                if (round >= 0) {
                    nanos[s][round] = perOperation;
                }
            }
            if (round >= 0) {
                ratios[round] = nanos[1][round] / nanos[0][round];
            }
        }
        double larchBest = min(nanos[0]);
        double lmdbBest = min(nanos[1]);
        System.out.printf("%-32s larch best %.1f median %.1f | lmdb best %.1f median %.1f | larch/lmdb speed: "
                + "best %.2fx, median of rounds %.2fx (range %.2f-%.2f)%n", workload, larchBest, median(nanos[0]),
                lmdbBest, median(nanos[1]), lmdbBest / larchBest, median(ratios), min(ratios), max(ratios));
    }

    private static long scan(KvReader reader, int entries) {
        Checksum checksum = new Checksum();
        if (reader.scan(checksum) != entries) {
            throw new IllegalStateException("a scan missed entries");
        }
        return checksum.value();
    }

    private static long gets(KvReader reader, Dataset data) {
        SplittableRandom random = new SplittableRandom(Dataset.DEFAULT_SEED);
        byte[] key = new byte[Dataset.KEY_BYTES];
        Checksum checksum = new Checksum();
        for (int i = 0; i < GETS_PER_BATCH; i++) {
            data.keyInto(random.nextInt(data.size()), key);
            if (!reader.get(key, checksum)) {
                throw new IllegalStateException("a key was not found");
            }
        }
        return checksum.value();
    }

    private static long lookups(DupReader reader, DupDataset index) {
        SplittableRandom random = new SplittableRandom(Dataset.DEFAULT_SEED);
        byte[] key = new byte[Dataset.KEY_BYTES];
        Checksum checksum = new Checksum();
        for (int i = 0; i < LOOKUPS_PER_BATCH; i++) {
            index.keyInto(random.nextInt(index.keyCount()), key);
            if (reader.lookup(key, checksum) != index.idsPerKey()) {
                throw new IllegalStateException("a key's ids were not all found");
            }
        }
        return checksum.value();
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElseThrow();
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElseThrow();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
