package org.larch.benchmarks.report;

import java.util.Locale;

/** How the report writes figures: rates with three significant digits and k/M, ratios with ×. */
final class Numbers {
    private Numbers() {
    }

    static String rate(double perSecond) {
        if (perSecond >= 1e6) {
            return significant(perSecond / 1e6) + " M";
        }
        if (perSecond >= 1e3) {
            return significant(perSecond / 1e3) + " k";
        }
        return significant(perSecond);
    }

    static String ratio(double ratio) {
        return String.format(Locale.ROOT, "%.2f×", ratio);
    }

    private static String significant(double value) {
        if (value >= 100) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        return String.format(Locale.ROOT, value >= 10 ? "%.1f" : "%.2f", value);
    }
}
