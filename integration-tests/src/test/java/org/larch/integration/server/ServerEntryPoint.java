package org.larch.integration.server;

import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.larch.conf.ConfigFile;
import org.larch.conf.LarchConfig;

/**
 * The one call that starts a server in this JVM: {@code LarchServer.start(ConfigFile.parse(file))},
 * the path {@code larch serve -f FILE} takes.
 *
 * <p>{@code LarchServer} is reached by reflection only while it is still being written on its own
 * branch, so that this module compiles without it; tests are skipped (not passed) until it is on the
 * class path.
 */
final class ServerEntryPoint {
    private static final String LARCH_SERVER = "org.larch.server.LarchServer";

    private ServerEntryPoint() {}

    static AutoCloseable start(Path configFile) {
        LarchConfig config = ConfigFile.parse(configFile);
        try {
            Class<?> serverClass = Class.forName(LARCH_SERVER);
            Object server = serverClass.getMethod("start", LarchConfig.class).invoke(null, config);
            return () -> serverClass.getMethod("close").invoke(server);
        } catch (ClassNotFoundException e) {
            Assumptions.abort("the server is not on the class path yet: " + e.getMessage());
            throw new AssertionError("unreachable");
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("Larch did not start from " + configFile + ": " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("LarchServer.start(LarchConfig) is not callable: " + e, e);
        }
    }
}
