package org.larch.benchmarks.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One JMH result turned into work per second: {@code rate} in the workload's unit and its relative
 * error (JMH's 99.9 % confidence half-width over the score; NaN with a single iteration).
 */
record Measurement(Workload workload, String store, double rate, double relativeError) {

    /** Reads every result of a JMH JSON file that belongs to a known workload. */
    @SuppressWarnings("unchecked")
    static List<Measurement> fromJmhJson(String json) {
        List<Object> results = (List<Object>) Json.parse(json);
        return results.stream()
                .map(result -> of((Map<String, Object>) result))
                .filter(measurement -> measurement != null)
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static Measurement of(Map<String, Object> result) {
        Workload workload = Workload.of((String) result.get("benchmark"));
        if (workload == null) {
            return null;
        }
        Map<String, Object> params = (Map<String, Object>) result.getOrDefault("params", Map.of());
        Map<String, Object> metric = (Map<String, Object>) result.get("primaryMetric");
        double score = number(metric.get("score"));
        double error = number(metric.get("scoreError"));
        double perSecond = perSecond(score, (String) metric.get("scoreUnit"));
        if (workload.perEntry) {
            perSecond *= Double.parseDouble((String) params.get("entries"));
        }
        String store = ((String) params.get("store")).toLowerCase(Locale.ROOT);
        return new Measurement(workload, store, perSecond, Math.abs(error / score));
    }

    /** Operations per second from a JMH score: "ops/s", "ops/ms", … or the inverse "s/op", "ms/op", …. */
    static double perSecond(double score, String unit) {
        String[] parts = unit.split("/");
        if (parts.length != 2) {
            throw new IllegalArgumentException("unknown JMH unit " + unit);
        }
        if (parts[0].equals("ops")) {
            return score / seconds(parts[1]);
        }
        if (parts[1].equals("op")) {
            return 1 / (score * seconds(parts[0]));
        }
        throw new IllegalArgumentException("unknown JMH unit " + unit);
    }

    private static double seconds(String timeUnit) {
        return switch (timeUnit) {
            case "s" -> 1;
            case "ms" -> 1e-3;
            case "us" -> 1e-6;
            case "ns" -> 1e-9;
            case "min" -> 60;
            default -> throw new IllegalArgumentException("unknown JMH time unit " + timeUnit);
        };
    }

    private static double number(Object value) {
        return value instanceof Double number ? number : Double.NaN;   // JMH writes "NaN" as a string
    }
}
