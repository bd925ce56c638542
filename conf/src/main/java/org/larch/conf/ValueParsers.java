package org.larch.conf;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parsers of the numbers directives take: sizes with unit suffixes, limits, plain integers. */
final class ValueParsers {
    private static final Pattern SIZE = Pattern.compile("([0-9]+)([kmgt]?)(i?b)?", Pattern.CASE_INSENSITIVE);

    private ValueParsers() {}

    /**
     * Bytes: a number, optionally followed by {@code K}, {@code M}, {@code G} or {@code T} (powers of
     * 1024; {@code KB}/{@code KiB} spellings too). Without a suffix the number is bytes, as slapd's
     * {@code maxsize} is.
     */
    static long bytes(Directive directive, String text) {
        Matcher matcher = SIZE.matcher(text);
        if (!matcher.matches()) {
            throw directive.error(directive.keyword() + ": \"" + text
                    + "\" is not a size (bytes, or a number with K, M, G or T)");
        }
        int shift = switch (matcher.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            case "t" -> 40;
            default -> 0;
        };
        long number = parseLong(directive, matcher.group(1));
        if (number > (Long.MAX_VALUE >> shift)) {
            throw directive.error(directive.keyword() + ": " + text + " is too large");
        }
        return number << shift;
    }

    /** A size limit in bytes that must fit an int (e.g. {@code maxpdusize}). */
    static int intBytes(Directive directive, String text) {
        long bytes = bytes(directive, text);
        if (bytes < 1 || bytes > Integer.MAX_VALUE) {
            throw directive.error(directive.keyword() + ": " + text + " is out of range (1 byte to 2G - 1)");
        }
        return (int) bytes;
    }

    /** A limit: a non-negative integer, or {@code unlimited} (also {@code none}, {@code 0}) meaning 0. */
    static int limit(Directive directive, String text) {
        if (text.equalsIgnoreCase("unlimited") || text.equalsIgnoreCase("none")) {
            return 0;
        }
        return integer(directive, text, 0, Integer.MAX_VALUE);
    }

    /** A decimal integer within {@code [minimum, maximum]}. */
    static int integer(Directive directive, String text, int minimum, int maximum) {
        long value = parseLong(directive, text);
        if (value < minimum || value > maximum) {
            throw directive.error(directive.keyword() + ": " + text + " is out of range ("
                    + minimum + " to " + maximum + ")");
        }
        return (int) value;
    }

    private static long parseLong(Directive directive, String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw directive.error(directive.keyword() + ": \"" + text + "\" is not a number");
        }
    }
}
