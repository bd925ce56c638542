package org.larch.backend.csn;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The {@code YYYYmmddHHMMSS} text of a UTC second, both ways, remembering the last second formatted
 * and the last one parsed: the CSNs and timestamps of many changes in a row (an import writes
 * thousands per second) share their second, so the date formatter runs about once a second.
 */
public final class UtcSeconds {
    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("uuuuMMddHHmmss").withZone(ZoneOffset.UTC);

    /** One second and its text; replaced whole, so a reader never sees half of one. */
    private record Known(long epochSecond, String text) {
    }

    private static volatile Known lastFormatted = new Known(0, SECONDS.format(Instant.EPOCH));
    private static volatile Known lastParsed = lastFormatted;

    private UtcSeconds() {}

    /** {@code YYYYmmddHHMMSS} of the second {@code epochSecond}. */
    public static String format(long epochSecond) {
        Known known = lastFormatted;
        if (known.epochSecond() != epochSecond) {
            known = new Known(epochSecond, SECONDS.format(Instant.ofEpochSecond(epochSecond)));
            lastFormatted = known;
        }
        return known.text();
    }

    /**
     * The epoch second of the 14 characters of {@code text} from {@code start}
     * ({@code YYYYmmddHHMMSS}); a {@link java.time.format.DateTimeParseException} if they are not one.
     */
    public static long parse(String text, int start) {
        Known known = lastParsed;
        if (!text.regionMatches(start, known.text(), 0, 14)) {
            String seconds = text.substring(start, start + 14);
            known = new Known(SECONDS.parse(seconds, Instant::from).getEpochSecond(), seconds);
            lastParsed = known;
        }
        return known.epochSecond();
    }
}
