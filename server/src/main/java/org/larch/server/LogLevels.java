package org.larch.server;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.larch.conf.LogSettings;
import org.slf4j.LoggerFactory;

/** Applies a {@code loglevel} directive's levels to logback's loggers. */
final class LogLevels {
    static final String LARCH_LOGGER = "org.larch";

    private LogLevels() {}

    static void apply(LogSettings settings) {
        set(LogSettings.ACCESS_LOGGER, settings.accessLevel());
        set(LARCH_LOGGER, settings.larchLevel());
    }

    private static void set(String loggerName, LogSettings.Level level) {
        if (LoggerFactory.getLogger(loggerName) instanceof Logger logger) {
            logger.setLevel(Level.toLevel(level.name()));
        }
    }
}
