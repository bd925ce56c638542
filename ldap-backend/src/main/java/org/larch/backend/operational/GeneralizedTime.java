package org.larch.backend.operational;

import java.time.Instant;
import org.larch.backend.csn.UtcSeconds;

/** The GeneralizedTime form slapd writes into createTimestamp and modifyTimestamp: {@code YYYYmmddHHMMSSZ}. */
public final class GeneralizedTime {
    private GeneralizedTime() {}

    /** The instant in UTC to the second, e.g. {@code 20261122001500Z}. */
    public static String ofSeconds(Instant instant) {
        return UtcSeconds.format(instant.getEpochSecond()) + 'Z';
    }
}
