package org.larch.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.larch.conf.LogSettings;
import org.slf4j.LoggerFactory;

class LogLevelsTest {

    @AfterEach
    void restore() {
        LogLevels.apply(LogSettings.DEFAULT);
    }

    @Test
    void accessAndLarchLoggersGetTheConfiguredLevels() {
        LogLevels.apply(new LogSettings(LogSettings.Level.OFF, LogSettings.Level.DEBUG));
        assertEquals(Level.OFF, logger(LogSettings.ACCESS_LOGGER).getLevel());
        assertEquals(Level.DEBUG, logger("org.larch").getLevel());
        assertEquals(Level.DEBUG, logger("org.larch.backend.Something").getEffectiveLevel());

        LogLevels.apply(new LogSettings(LogSettings.Level.INFO, LogSettings.Level.WARN));
        assertEquals(Level.INFO, logger(LogSettings.ACCESS_LOGGER).getEffectiveLevel());
        assertEquals(Level.WARN, logger("org.larch.protocol.LdapServer").getEffectiveLevel());
    }

    private static Logger logger(String name) {
        return (Logger) LoggerFactory.getLogger(name);
    }
}
