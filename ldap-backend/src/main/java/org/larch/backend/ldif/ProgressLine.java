package org.larch.backend.ldif;

import java.util.Locale;

/**
 * The text of an import's progress line on a terminal: entries so far, entries per second, percent of
 * the file read and the time left, assuming the rest of the file reads as fast as what was read
 * (no percent or ETA when the file's size is unknown, 0).
 */
public final class ProgressLine {
    private ProgressLine() {}

    /**
     * @param entries entries added so far
     * @param elapsedNanos time since the import started
     * @param charactersRead characters of the file read so far
     * @param fileSize the file's size in bytes (its characters, for ASCII LDIF), 0 if unknown
     */
    public static String format(long entries, long elapsedNanos, long charactersRead, long fileSize) {
        double seconds = Math.max(elapsedNanos, 1) / 1e9;
        StringBuilder line = new StringBuilder("larch import: ");
        line.append(String.format(Locale.ROOT, "%,d entries, %,.0f entries/s", entries, entries / seconds));
        if (fileSize > 0 && charactersRead > 0) {
            double done = Math.min(1.0, (double) charactersRead / fileSize);
            long secondsLeft = Math.round(seconds * (1 - done) / done);
            line.append(String.format(Locale.ROOT, ", %.0f%%, ETA %s", done * 100, duration(secondsLeft)));
        }
        return line.toString();
    }

    /** {@code 42s}, {@code 3m05s}, {@code 1h02m}. */
    static String duration(long seconds) {
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, seconds % 3600 / 60);
    }
}
