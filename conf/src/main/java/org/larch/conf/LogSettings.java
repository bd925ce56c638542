package org.larch.conf;

/**
 * What a {@code loglevel} directive asks for, in logger levels: the access log (one line per
 * operation, slapd's {@code stats}) and Larch's own loggers ({@code org.larch}).
 *
 * @param accessLevel level of the access logger {@link #ACCESS_LOGGER}
 * @param larchLevel level of the {@code org.larch} loggers
 */
public record LogSettings(Level accessLevel, Level larchLevel) {
    /** The logger the front end writes the per-operation access log to. */
    public static final String ACCESS_LOGGER = "org.larch.access";

    /** slapd's default, {@code loglevel stats}: the access log on, everything else at INFO. */
    public static final LogSettings DEFAULT = new LogSettings(Level.INFO, Level.INFO);

    /** Logger levels, as logback names them. */
    public enum Level {
        OFF,
        ERROR,
        WARN,
        INFO,
        DEBUG,
        TRACE
    }
}
