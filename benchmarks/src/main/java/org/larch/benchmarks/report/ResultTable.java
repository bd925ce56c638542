package org.larch.benchmarks.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;
import org.larch.benchmarks.store.StoreKind;

/**
 * The report's table, in Markdown: one row per workload, one column per store (work per second), and
 * the ratio Larch/LMDB beside its target. With several rounds (several JMH result files) each figure
 * is the median over the rounds, and the ratio the median of each round's own ratio, with its range.
 */
final class ResultTable {
    static final String LARCH = "larch";
    static final String LMDB = "lmdb";

    private final List<List<Measurement>> rounds;
    private final List<String> stores;

    ResultTable(List<List<Measurement>> rounds) {
        this.rounds = rounds;
        this.stores = storesIn(rounds);
    }

    String render() {
        StringBuilder out = new StringBuilder();
        out.append(row(header())).append(row(rule()));
        for (Workload workload : Workload.values()) {
            if (measured(workload)) {
                out.append(row(cells(workload)));
            }
        }
        return out.toString();
    }

    private List<String> header() {
        List<String> cells = new ArrayList<>(List.of("workload", "unit"));
        cells.addAll(stores);
        cells.addAll(List.of("larch/lmdb", "target"));
        return cells;
    }

    private List<String> rule() {
        return header().stream().map(cell -> "---").toList();
    }

    private List<String> cells(Workload workload) {
        List<String> cells = new ArrayList<>(List.of(workload.label, workload.unit));
        for (String store : stores) {
            cells.add(rateCell(workload, store));
        }
        double[] ratios = ratios(workload);
        cells.add(ratioCell(ratios));
        cells.add(targetCell(workload, ratios));
        return cells;
    }

    private String rateCell(Workload workload, String store) {
        double[] rates = rounds.stream().map(round -> find(round, workload, store)).filter(m -> m != null)
                .mapToDouble(Measurement::rate).toArray();
        if (rates.length == 0) {
            return "—";
        }
        String rate = Numbers.rate(median(rates));
        if (rounds.size() == 1) {
            double error = find(rounds.get(0), workload, store).relativeError();
            return Double.isNaN(error) ? rate : rate + " ±" + Math.round(error * 100) + "%";
        }
        return rate;
    }

    private double[] ratios(Workload workload) {
        return rounds.stream()
                .filter(round -> find(round, workload, LARCH) != null && find(round, workload, LMDB) != null)
                .mapToDouble(round -> find(round, workload, LARCH).rate() / find(round, workload, LMDB).rate())
                .toArray();
    }

    private static String ratioCell(double[] ratios) {
        if (ratios.length == 0) {
            return "—";
        }
        String median = Numbers.ratio(median(ratios));
        if (ratios.length == 1) {
            return median;
        }
        double[] sorted = ratios.clone();
        Arrays.sort(sorted);
        return median + " (" + Numbers.ratio(sorted[0]) + "–" + Numbers.ratio(sorted[sorted.length - 1]) + ")";
    }

    private static String targetCell(Workload workload, double[] ratios) {
        if (workload.target == 0) {
            return "";
        }
        String target = "≥ " + String.format(Locale.ROOT, "%.1f×", workload.target);
        if (ratios.length == 0) {
            return target;
        }
        return target + (median(ratios) >= workload.target ? " met" : " **missed**");
    }

    private boolean measured(Workload workload) {
        return rounds.stream().flatMap(List::stream).anyMatch(m -> m.workload() == workload);
    }

    private static Measurement find(List<Measurement> round, Workload workload, String store) {
        for (Measurement measurement : round) {
            if (measurement.workload() == workload && measurement.store().equals(store)) {
                return measurement;
            }
        }
        return null;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** The stores measured: those of {@link StoreKind} first, in its order, then any others. */
    private static List<String> storesIn(List<List<Measurement>> rounds) {
        Set<String> found = new LinkedHashSet<>();
        rounds.forEach(round -> round.forEach(m -> found.add(m.store())));
        List<String> ordered = new ArrayList<>();
        for (StoreKind kind : StoreKind.values()) {
            if (found.remove(kind.label())) {
                ordered.add(kind.label());
            }
        }
        ordered.addAll(found);
        return ordered;
    }

    private static String row(List<String> cells) {
        StringJoiner line = new StringJoiner(" | ", "| ", " |\n");
        cells.forEach(line::add);
        return line.toString();
    }
}
