package org.larch.backend.csn;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HexFormat;

/**
 * A change sequence number as OpenLDAP writes it into {@code entryCSN} and {@code contextCSN}:
 *
 * <pre>
 * YYYYmmddHHMMSS.uuuuuuZ#count#sid#mod     e.g. 20261122001500.123456Z#000000#000#000000
 * </pre>
 *
 * | offset | size | field | meaning |
 * |---|---|---|---|
 * | 0 | 14 | time | UTC date and time to the second, {@code YYYYmmddHHMMSS} |
 * | 14 | 1 | '.' | |
 * | 15 | 6 | microseconds | decimal fraction of the second |
 * | 21 | 1 | 'Z' | UTC |
 * | 22 | 1 | '#' | |
 * | 23 | 6 | count | hex, orders changes made in the same microsecond |
 * | 29 | 1 | '#' | |
 * | 30 | 3 | sid | hex, the serverID of the server that made the change (0..fff) |
 * | 33 | 1 | '#' | |
 * | 34 | 6 | mod | hex, the modification number inside one operation (0 for us) |
 *
 * <p>CSNs order by time, then count, then sid, then mod; since every field has a fixed width, this is
 * also the order of their text, which is what OpenLDAP's {@code CSNOrderingMatch} compares.
 */
public record Csn(long epochMicros, int count, int serverId, int modification) implements Comparable<Csn> {
    public static final int TEXT_LENGTH = 40;
    public static final int MAX_COUNT = 0xFFFFFF;
    public static final int MAX_SERVER_ID = 0xFFF;
    public static final int MAX_MODIFICATION = 0xFFFFFF;
    private static final HexFormat HEX = HexFormat.of();

    private static final Comparator<Csn> ORDER = Comparator.comparingLong(Csn::epochMicros)
            .thenComparingInt(Csn::count)
            .thenComparingInt(Csn::serverId)
            .thenComparingInt(Csn::modification);

    public Csn {
        requireRange("count", count, MAX_COUNT);
        requireRange("sid", serverId, MAX_SERVER_ID);
        requireRange("mod", modification, MAX_MODIFICATION);
        if (epochMicros < 0) {
            throw new IllegalArgumentException("CSN time before 1970: " + epochMicros + " microseconds");
        }
    }

    /** Parses the text form; throws IllegalArgumentException naming the text and the fault. */
    public static Csn parse(String text) {
        if (text.length() != TEXT_LENGTH || !hasSeparators(text)) {
            throw new IllegalArgumentException(
                    "not a CSN (expected YYYYmmddHHMMSS.uuuuuuZ#count#sid#mod): '" + text + "'");
        }
        try {
            long seconds = UtcSeconds.parse(text, 0);
            long micros = Long.parseLong(text, 15, 21, 10);
            return new Csn(
                    seconds * 1_000_000 + micros,
                    HexFormat.fromHexDigits(text, 23, 29),
                    HexFormat.fromHexDigits(text, 30, 33),
                    HexFormat.fromHexDigits(text, 34, 40));
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException("not a CSN: '" + text + "': " + e.getMessage(), e);
        }
    }

    /** The time of the change. */
    public Instant time() {
        return Instant.EPOCH.plus(epochMicros, ChronoUnit.MICROS);
    }

    /** The text form, 40 characters, lowercase hex as OpenLDAP writes it. */
    public String format() {
        StringBuilder text = new StringBuilder(TEXT_LENGTH);
        text.append(UtcSeconds.format(Math.floorDiv(epochMicros, 1_000_000))).append('.');
        appendDecimal(text, epochMicros % 1_000_000, 6);
        text.append("Z#").append(hex(count, 6))
                .append('#').append(hex(serverId, 3))
                .append('#').append(hex(modification, 6));
        return text.toString();
    }

    private static void appendDecimal(StringBuilder text, long value, int digits) {
        String decimal = Long.toString(value);
        text.repeat('0', digits - decimal.length()).append(decimal);
    }

    @Override
    public int compareTo(Csn other) {
        return ORDER.compare(this, other);
    }

    public boolean isAfter(Csn other) {
        return compareTo(other) > 0;
    }

    @Override
    public String toString() {
        return format();
    }

    private static boolean hasSeparators(String text) {
        return text.charAt(14) == '.'
                && text.charAt(21) == 'Z'
                && text.charAt(22) == '#'
                && text.charAt(29) == '#'
                && text.charAt(33) == '#';
    }

    private static String hex(int value, int digits) {
        return HEX.toHexDigits(value).substring(8 - digits);
    }

    private static void requireRange(String field, int value, int max) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(
                    "CSN " + field + " " + value + " outside 0.." + Integer.toHexString(max) + " (hex)");
        }
    }
}
