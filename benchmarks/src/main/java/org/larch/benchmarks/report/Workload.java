package org.larch.benchmarks.report;

/**
 * The rows of the report: which JMH benchmark measures what, in which unit, and the figure Larch
 * aims for against LMDB (DESIGN.md, "Figures to reach"). {@code perEntry} rows multiply JMH's
 * operations (scans, loads) by the {@code entries} parameter.
 */
enum Workload {
    RANDOM_GET_ONE_THREAD("RandomReadBenchmark.oneThread", "random get, 1 thread", "gets/s", false, 1.2),
    RANDOM_GET_TWO_THREADS("RandomReadBenchmark.twoThreads", "random get, 2 threads", "gets/s", false, 1.2),
    FULL_SCAN("ScanBenchmark.fullScan", "full cursor scan", "entries/s", true, 1.2),
    SORTED_LOAD("LoadBenchmark.sorted", "sorted bulk load (append), 1 txn", "entries/s", true, 1.0),
    RANDOM_LOAD("LoadBenchmark.randomOrder", "random-order load, 1 txn", "entries/s", true, 1.0),
    BATCHED_PUTS("WriteBenchmark.batchedNoSync", "random puts, 1,000 per commit, no sync", "puts/s", false, 1.0),
    DURABLE_PUT("WriteBenchmark.durableSinglePut", "one put per durable commit", "commits/s", false, 1.0),
    INDEX_LOOKUP("DupLookupBenchmark.allIdsOfKey", "dup lookup: all ids of a random key", "lookups/s", false, 0),
    INDEX_BUILD("DupAppendBenchmark.appendInBatches", "index build: ids appended per key in batches", "ids/s", true,
            0),
    INDEX_BUILD_PUT_EACH("DupAppendBenchmark.onePutPerId", "index build: one put per id, 1 txn", "ids/s", true, 0);

    /** The benchmark's class and method, as the end of JMH's benchmark name. */
    final String benchmark;
    final String label;
    final String unit;
    final boolean perEntry;
    /** Larch/LMDB ratio aimed for; 0 when there is none. */
    final double target;

    Workload(String benchmark, String label, String unit, boolean perEntry, double target) {
        this.benchmark = benchmark;
        this.label = label;
        this.unit = unit;
        this.perEntry = perEntry;
        this.target = target;
    }

    /** The workload JMH's {@code benchmarkName} measures, or null for one this report does not know. */
    static Workload of(String benchmarkName) {
        for (Workload workload : values()) {
            if (benchmarkName.endsWith("." + workload.benchmark)) {
                return workload;
            }
        }
        return null;
    }
}
