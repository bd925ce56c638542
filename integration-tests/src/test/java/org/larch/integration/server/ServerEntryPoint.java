package org.larch.integration.server;

import java.nio.file.Path;
import org.larch.conf.ConfigFile;
import org.larch.server.LarchServer;

/**
 * The one call that starts a server in this JVM: {@code LarchServer.start(ConfigFile.parse(file))},
 * the path {@code larch serve -f FILE} takes.
 */
final class ServerEntryPoint {
    private ServerEntryPoint() {}

    static AutoCloseable start(Path configFile) {
        return LarchServer.start(ConfigFile.parse(configFile));
    }
}
