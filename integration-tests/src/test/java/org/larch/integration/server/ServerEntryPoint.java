package org.larch.integration.server;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The one call that starts a server in this JVM: {@code LarchServer.start(ConfigFile.parse(file))},
 * the path {@code larch serve -f FILE} takes.
 *
 * <p>Reached by reflection only while {@code org.larch.server.LarchServer} and
 * {@code org.larch.conf.ConfigFile} are still being written on their own branch, so that this module
 * compiles without them; tests are skipped (not passed) until they are on the class path.
 */
final class ServerEntryPoint {
    private static final String CONFIG_FILE = "org.larch.conf.ConfigFile";
    private static final String LARCH_SERVER = "org.larch.server.LarchServer";

    private ServerEntryPoint() {}

    static AutoCloseable start(Path configFile) {
        try {
            Class<?> configFileClass = Class.forName(CONFIG_FILE);
            Class<?> serverClass = Class.forName(LARCH_SERVER);
            Object config = configFileClass.getMethod("parse", Path.class).invoke(null, configFile);
            Method start = findStart(serverClass, config.getClass());
            Object server = start.invoke(null, config);
            return () -> serverClass.getMethod("close").invoke(server);
        } catch (ClassNotFoundException e) {
            Assumptions.abort("the server is not on the class path yet: " + e.getMessage());
            throw new AssertionError("unreachable");
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("Larch did not start from " + configFile + ": " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("LarchServer.start(ConfigFile.parse(file)) is not callable: " + e, e);
        }
    }

    private static Method findStart(Class<?> serverClass, Class<?> configClass) throws NoSuchMethodException {
        for (Method method : serverClass.getMethods()) {
            if (method.getName().equals("start") && method.getParameterCount() == 1
                    && method.getParameterTypes()[0].isAssignableFrom(configClass)) {
                return method;
            }
        }
        throw new NoSuchMethodException("LarchServer.start(" + configClass.getName() + ")");
    }
}
