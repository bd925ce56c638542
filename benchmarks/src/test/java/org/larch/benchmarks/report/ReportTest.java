package org.larch.benchmarks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The report over results in the shape JMH 1.37 writes them (-rf json). */
class ReportTest {
    private static final String ROUND = """
            [
                {
                    "jmhVersion" : "1.37",
                    "benchmark" : "org.larch.benchmarks.engine.RandomReadBenchmark.oneThread",
                    "mode" : "thrpt",
                    "threads" : 1,
                    "params" : { "entries" : "1000000", "store" : "LARCH" },
                    "primaryMetric" : { "score" : 1500000.0, "scoreError" : 150000.0, "scoreUnit" : "ops/s",
                        "scorePercentiles" : { "0.0" : 1.0 }, "rawData" : [ [ 1.0, 2.0 ] ] },
                    "secondaryMetrics" : { }
                },
                {
                    "benchmark" : "org.larch.benchmarks.engine.RandomReadBenchmark.oneThread",
                    "mode" : "thrpt",
                    "params" : { "entries" : "1000000", "store" : "LMDB" },
                    "primaryMetric" : { "score" : 1000.0, "scoreError" : "NaN", "scoreUnit" : "ops/ms" }
                },
                {
                    "benchmark" : "org.larch.benchmarks.engine.LoadBenchmark.sorted",
                    "mode" : "ss",
                    "params" : { "entries" : "1000000", "store" : "LARCH" },
                    "primaryMetric" : { "score" : 0.25, "scoreError" : 0.05, "scoreUnit" : "s/op" }
                },
                {
                    "benchmark" : "org.larch.benchmarks.engine.LoadBenchmark.sorted",
                    "mode" : "ss",
                    "params" : { "entries" : "1000000", "store" : "LMDB" },
                    "primaryMetric" : { "score" : 200.0, "scoreError" : 10.0, "scoreUnit" : "ms/op" }
                },
                {
                    "benchmark" : "org.example.SomethingElse.run",
                    "params" : { "store" : "LMDB" },
                    "primaryMetric" : { "score" : 1.0, "scoreError" : 0.0, "scoreUnit" : "ops/s" }
                }
            ]
            """;

    @Test
    void scoresBecomeWorkPerSecondAndLoadsCountEntries() {
        List<Measurement> round = Measurement.fromJmhJson(ROUND);
        assertEquals(4, round.size(), "the unknown benchmark is left out");
        assertEquals(new Measurement(Workload.RANDOM_GET_ONE_THREAD, "larch", 1_500_000, 0.1), round.get(0));
        assertEquals(1_000_000, round.get(1).rate(), 1e-6);
        assertTrue(Double.isNaN(round.get(1).relativeError()));
        assertEquals(4_000_000, round.get(2).rate(), 1e-6);
        assertEquals(5_000_000, round.get(3).rate(), 1e-6);
    }

    @Test
    void theTableHasARowPerWorkloadWithTheRatioAndTarget() {
        String table = new ResultTable(List.of(Measurement.fromJmhJson(ROUND))).render();
        List<String> lines = table.lines().toList();
        assertEquals("| workload | unit | larch | lmdb | larch/lmdb | target |", lines.get(0));
        assertEquals("| random get, 1 thread | gets/s | 1.50 M ±10% | 1.00 M | 1.50× | ≥ 1.2× met |", lines.get(2));
        assertEquals("| sorted bulk load (append), 1 txn | entries/s | 4.00 M ±20% | 5.00 M ±5% | 0.80× "
                + "| ≥ 1.0× **missed** |", lines.get(3));
        assertEquals(4, lines.size());
    }

    @Test
    void severalRoundsGiveMediansAndTheRangeOfTheRatio() {
        String faster = ROUND.replace("\"score\" : 1500000.0", "\"score\" : 3000000.0");
        String slower = ROUND.replace("\"score\" : 1500000.0", "\"score\" : 900000.0");
        List<List<Measurement>> rounds = List.of(Measurement.fromJmhJson(ROUND), Measurement.fromJmhJson(faster),
                Measurement.fromJmhJson(slower));
        String row = new ResultTable(rounds).render().lines().toList().get(2);
        assertEquals("| random get, 1 thread | gets/s | 1.50 M | 1.00 M | 1.50× (0.90×–3.00×) | ≥ 1.2× met |", row);
    }

    @Test
    void jsonValuesKeepTheirTypesAndEscapes() {
        Object parsed = Json.parse("{\"a\": [1, -2.5e3, true, false, null, \"x\\\"\\u00e9\\n\"], \"b\": {}}");
        Map<?, ?> object = (Map<?, ?>) parsed;
        List<?> array = (List<?>) object.get("a");
        assertEquals(1.0, array.get(0));
        assertEquals(-2500.0, array.get(1));
        assertEquals(Boolean.TRUE, array.get(2));
        assertEquals(Boolean.FALSE, array.get(3));
        assertEquals(null, array.get(4));
        assertEquals("x\"é\n", array.get(5));
        assertEquals(Map.of(), object.get("b"));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("[1, 2"));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("{} x"));
    }

    @Test
    void unknownUnitsAreRefused() {
        assertEquals(2.0, Measurement.perSecond(0.5, "s/op"), 1e-12);
        assertEquals(3000.0, Measurement.perSecond(3, "ops/ms"), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> Measurement.perSecond(1, "furlongs"));
    }
}
