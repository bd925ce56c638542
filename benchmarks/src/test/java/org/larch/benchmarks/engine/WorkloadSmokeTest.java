package org.larch.benchmarks.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.larch.benchmarks.data.Checksum;
import org.larch.benchmarks.data.Dataset;
import org.larch.benchmarks.store.Batch;
import org.larch.benchmarks.store.DupReader;
import org.larch.benchmarks.store.KvReader;
import org.larch.benchmarks.store.KvStore;
import org.larch.benchmarks.store.StoreKind;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * Every workload once for every store, on small data, through the benchmarks' own states and methods:
 * not a timing test, only that each store returns what was stored (the CI smoke of the suite).
 */
class WorkloadSmokeTest {
    private static final int ENTRIES = 2_000;

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void randomReadsReturnTheStoredValues(StoreKind kind) throws Exception {
        LoadedStore store = loaded(kind, new LoadedStore());
        try {
            RandomReadBenchmark benchmark = new RandomReadBenchmark();
            List<Callable<Integer>> threads = new ArrayList<>();
            for (int thread = 0; thread < 2; thread++) {
                ReaderThread reader = readerOf(store, thread);
                threads.add(() -> readAndCheck(store, reader, benchmark, 1_000));
            }
            try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
                for (Future<Integer> checked : pool.invokeAll(threads)) {
                    assertEquals(1_000, checked.get());
                }
            }
        } finally {
            store.tearDown();
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aReaderMissesAbsentKeysAndSurvivesRenewal(StoreKind kind) {
        LoadedStore store = loaded(kind, new LoadedStore());
        try {
            KvReader reader = store.openReader();
            Checksum checksum = new Checksum();
            byte[] absent = store.data.key(7);
            absent[Dataset.KEY_BYTES - 1] ^= 1;
            assertFalse(reader.get(absent, checksum));
            assertEquals(0, checksum.value());
            reader.renew();
            assertTrue(reader.get(store.data.key(7), checksum));
            assertEquals(Checksum.of(store.data.value(7)), checksum.value());
        } finally {
            store.tearDown();
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aScanSeesEveryEntryInOrder(StoreKind kind) {
        LoadedStore store = loaded(kind, new LoadedStore());
        try {
            long checksum = new ScanBenchmark().fullScan(store, readerOf(store, 0));
            assertEquals(checksumOfAll(store.data), checksum);
        } finally {
            store.tearDown();
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void bothLoadsStoreEveryEntry(StoreKind kind) {
        FreshStore fresh = new FreshStore();
        fresh.store = kind;
        fresh.entries = ENTRIES;
        fresh.makeData();
        LoadBenchmark benchmark = new LoadBenchmark();
        for (int round = 0; round < 2; round++) {
            fresh.open();
            try {
                int loaded = round == 0 ? benchmark.sorted(fresh) : benchmark.randomOrder(fresh);
                assertEquals(ENTRIES, loaded);
                assertHoldsExactly(fresh.kv, fresh.data);
            } finally {
                fresh.close();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aBatchOfPutsChangesItsKeys(StoreKind kind) {
        LoadedStore store = loaded(kind, new LoadedStore());
        try {
            WriteSequence sequence = new WriteSequence();
            new WriteBenchmark().batchedNoSync(store, sequence);
            assertEquals(WriteBenchmark.BATCH, sequence.lastBatch.count());
            assertStored(store.kv, sequence.lastBatch);
        } finally {
            store.tearDown();
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aDurablePutIsStored(StoreKind kind) {
        LoadedStore store = loaded(kind, new DurableStore());
        try {
            WriteSequence sequence = new WriteSequence();
            WriteBenchmark benchmark = new WriteBenchmark();
            benchmark.durableSinglePut((DurableStore) store, sequence);
            benchmark.durableSinglePut((DurableStore) store, sequence);
            assertEquals(1, sequence.lastBatch.count());
            assertStored(store.kv, sequence.lastBatch);
        } finally {
            store.tearDown();
        }
    }

    @ParameterizedTest
    @MethodSource("storesWithDuplicates")
    void anIndexLookupReadsAllIdsOfItsKey(StoreKind kind) {
        lookUpAndCheck(kind, 200, 100);
    }

    /** More ids than one page holds: the lookup goes on over several pages of ids. */
    @ParameterizedTest
    @MethodSource("storesWithDuplicates")
    void anIndexLookupReadsIdsSpanningPages(StoreKind kind) {
        lookUpAndCheck(kind, 20, 1_500);
    }

    /**
     * An index built either way holds every id of every key: 300 ids per key, so Larch's keys go from
     * one value to inline values to a nested tree (across the batches, or put by put).
     */
    @ParameterizedTest
    @MethodSource("storesWithDuplicates")
    void anIndexBuiltEitherWayHoldsEveryId(StoreKind kind) {
        FreshIndex fresh = new FreshIndex();
        fresh.store = kind;
        fresh.entries = 60 * 300;
        fresh.keys = 60;
        fresh.batches = 7;
        fresh.makeData();
        DupAppendBenchmark benchmark = new DupAppendBenchmark();
        for (int round = 0; round < 2; round++) {
            fresh.open();
            try {
                int ids = round == 0 ? benchmark.appendInBatches(fresh) : benchmark.onePutPerId(fresh);
                assertEquals(fresh.entries, ids);
                try (DupReader reader = fresh.index.openReader()) {
                    for (int k = 0; k < fresh.keys; k++) {
                        Checksum checksum = new Checksum();
                        assertEquals(300, reader.lookup(fresh.data.key(k), checksum), "ids of key " + k);
                        assertEquals(fresh.data.idSum(k), checksum.value(), "ids of key " + k);
                    }
                }
            } finally {
                fresh.close();
            }
        }
    }

    static List<StoreKind> storesWithDuplicates() {
        return List.of(StoreKind.values()).stream().filter(StoreKind::hasDuplicates).toList();
    }

    // ---- helpers ----

    private static void lookUpAndCheck(StoreKind kind, int keys, int idsPerKey) {
        LoadedIndex index = new LoadedIndex();
        index.store = kind;
        index.keys = keys;
        index.idsPerKey = idsPerKey;
        index.setUp();
        try {
            IndexReaderThread reader = new IndexReaderThread();
            reader.open(index, thread(0));
            DupLookupBenchmark benchmark = new DupLookupBenchmark();
            for (int i = 0; i < 300; i++) {
                long sum = benchmark.allIdsOfKey(index, reader);
                assertEquals(index.data.idSum(reader.lastKeyIndex), sum);
            }
            byte[] absent = index.data.key(3);
            absent[0] ^= 1;
            assertEquals(0, index.openReader().lookup(absent, new Checksum()));
        } finally {
            index.tearDown();
        }
    }

    private static LoadedStore loaded(StoreKind kind, LoadedStore store) {
        store.store = kind;
        store.entries = ENTRIES;
        store.setUp();
        return store;
    }

    private static ReaderThread readerOf(LoadedStore store, int thread) {
        ReaderThread reader = new ReaderThread();
        reader.open(store, thread(thread));
        return reader;
    }

    private static ThreadParams thread(int index) {
        return new ThreadParams(index, 2, 0, 1, 0, 1, index, 2, index, 2);
    }

    private static int readAndCheck(LoadedStore store, ReaderThread reader, RandomReadBenchmark benchmark, int reads) {
        int checked = 0;
        for (int i = 0; i < reads; i++) {
            long checksum = benchmark.twoThreads(store, reader);
            assertEquals(Checksum.of(store.data.value(reader.lastIndex)), checksum, "value of key " + reader.lastIndex);
            checked++;
        }
        return checked;
    }

    private static long checksumOfAll(Dataset data) {
        long sum = 0;
        for (int i = 0; i < data.size(); i++) {
            sum += Checksum.of(data.key(i)) + Checksum.of(data.value(i));
        }
        return sum;
    }

    /** The store holds exactly {@code data}: a scan of the right total, and every key's own value. */
    private static void assertHoldsExactly(KvStore kv, Dataset data) {
        try (KvReader reader = kv.openReader()) {
            Checksum all = new Checksum();
            assertEquals(data.size(), reader.scan(all));
            assertEquals(checksumOfAll(data), all.value());
            for (int i = 0; i < data.size(); i += 97) {
                Checksum one = new Checksum();
                assertTrue(reader.get(data.key(i), one), "key " + i);
                assertEquals(Checksum.of(data.value(i)), one.value(), "value of key " + i);
            }
        }
    }

    /** Every key of {@code batch} now holds its new value (not its own). */
    private static void assertStored(KvStore kv, Batch batch) {
        Dataset data = batch.data();
        try (KvReader reader = kv.openReader()) {
            for (int i = 0; i < batch.count(); i++) {
                Checksum one = new Checksum();
                assertTrue(reader.get(data.key(batch.keyIndex(i)), one));
                assertNotEquals(batch.keyIndex(i), batch.valueIndex(i));
                assertEquals(Checksum.of(data.value(batch.valueIndex(i))), one.value());
            }
            assertEquals(data.size(), reader.scan(new Checksum()));
        }
    }
}
