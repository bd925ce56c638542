package org.larch.conf;

import java.util.Locale;
import java.util.Map;

/**
 * Reads a {@code loglevel} directive with slapd's names and numbers and maps it to logger levels.
 *
 * <table>
 * <caption>slapd log levels and what they turn on</caption>
 * <tr><th>slapd</th><th>bit</th><th>here</th></tr>
 * <tr><td>{@code stats}</td><td>256</td><td>access log at INFO (one line per operation)</td></tr>
 * <tr><td>{@code stats2}</td><td>512</td><td>access log at DEBUG (one line per entry sent too)</td></tr>
 * <tr><td>{@code trace}</td><td>1</td><td>{@code org.larch} at TRACE</td></tr>
 * <tr><td>{@code packets args conns BER filter config ACL shell parse sync}</td><td>2..16384</td>
 *     <td>{@code org.larch} at DEBUG</td></tr>
 * <tr><td>{@code none}</td><td>32768</td><td>access log off, {@code org.larch} at WARN</td></tr>
 * <tr><td>{@code any}</td><td>-1</td><td>access log at DEBUG, {@code org.larch} at TRACE</td></tr>
 * </table>
 *
 * Several words (or numbers, decimal or {@code 0x} hex) add up, as in slapd. Without any
 * {@code loglevel} directive the level is slapd's default, {@code stats}.
 */
final class SlapdLogLevel {
    static final int TRACE = 1;
    static final int STATS = 256;
    static final int STATS2 = 512;
    static final int NONE = 32768;
    static final int ANY = -1;
    private static final int DEBUG_BITS = 2 | 4 | 8 | 16 | 32 | 64 | 128 | 1024 | 2048 | 16384;

    private static final Map<String, Integer> NAMES = Map.ofEntries(
            Map.entry("trace", TRACE), Map.entry("packets", 2), Map.entry("args", 4),
            Map.entry("conns", 8), Map.entry("ber", 16), Map.entry("filter", 32),
            Map.entry("config", 64), Map.entry("acl", 128), Map.entry("stats", STATS),
            Map.entry("stats2", STATS2), Map.entry("shell", 1024), Map.entry("parse", 2048),
            Map.entry("sync", 16384), Map.entry("none", NONE), Map.entry("any", ANY));

    private SlapdLogLevel() {}

    static LogSettings parse(Directive directive) {
        int bits = 0;
        for (String word : directive.someArguments()) {
            bits |= bits(directive, word);
        }
        return settings(bits);
    }

    static LogSettings settings(int bits) {
        if (bits == ANY) {
            return new LogSettings(LogSettings.Level.DEBUG, LogSettings.Level.TRACE);
        }
        LogSettings.Level access = (bits & STATS2) != 0 ? LogSettings.Level.DEBUG
                : (bits & STATS) != 0 ? LogSettings.Level.INFO : LogSettings.Level.OFF;
        LogSettings.Level larch = (bits & TRACE) != 0 ? LogSettings.Level.TRACE
                : (bits & DEBUG_BITS) != 0 ? LogSettings.Level.DEBUG
                : bits == NONE || bits == 0 ? LogSettings.Level.WARN : LogSettings.Level.INFO;
        return new LogSettings(access, larch);
    }

    private static int bits(Directive directive, String word) {
        Integer named = NAMES.get(word.toLowerCase(Locale.ROOT));
        if (named != null) {
            return named;
        }
        try {
            return word.toLowerCase(Locale.ROOT).startsWith("0x")
                    ? Integer.parseUnsignedInt(word.substring(2), 16)
                    : Integer.parseInt(word);
        } catch (NumberFormatException e) {
            throw directive.error("loglevel: unknown level \"" + word
                    + "\" (known: " + String.join(", ", NAMES.keySet().stream().sorted().toList()) + ", or a number)");
        }
    }
}
