package org.larch.backend.operational;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The GeneralizedTime form slapd writes into createTimestamp and modifyTimestamp: {@code YYYYmmddHHMMSSZ}. */
public final class GeneralizedTime {
    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("uuuuMMddHHmmss'Z'").withZone(ZoneOffset.UTC);

    private GeneralizedTime() {}

    /** The instant in UTC to the second, e.g. {@code 20261122001500Z}. */
    public static String ofSeconds(Instant instant) {
        return SECONDS.format(instant);
    }
}
