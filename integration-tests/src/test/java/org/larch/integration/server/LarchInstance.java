package org.larch.integration.server;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;
import java.nio.file.Path;

/**
 * A Larch server started in this JVM exactly as {@code larch serve -f FILE} starts it: the
 * configuration file is written, parsed with {@code ConfigFile.parse} and handed to
 * {@code LarchServer.start}. {@link #close()} stops it; the data directory stays for the test to
 * inspect or to start the server again on.
 */
public final class LarchInstance implements AutoCloseable {
    private final LarchConfigFile config;
    private final AutoCloseable server;

    private LarchInstance(LarchConfigFile config, AutoCloseable server) {
        this.config = config;
        this.server = server;
    }

    public static LarchInstance start(LarchConfigFile config) {
        Path file = config.write();
        return new LarchInstance(config, ServerEntryPoint.start(file));
    }

    public LarchConfigFile config() {
        return config;
    }

    public int port() {
        return config.ldapPort();
    }

    /** An unauthenticated connection (anonymous until it binds). */
    public LDAPConnection connect() {
        try {
            return new LDAPConnection(connectionOptions(), "127.0.0.1", port());
        } catch (LDAPException e) {
            throw new IllegalStateException("cannot connect to Larch on port " + port() + ": " + e.getMessage(), e);
        }
    }

    /** A connection bound as the rootdn. */
    public LDAPConnection connectAsRoot() {
        LDAPConnection connection = connect();
        try {
            connection.bind(LarchConfigFile.ROOT_DN, LarchConfigFile.ROOT_PASSWORD);
        } catch (LDAPException e) {
            connection.close();
            throw new IllegalStateException("cannot bind as the rootdn: " + e.getMessage(), e);
        }
        return connection;
    }

    static LDAPConnectionOptions connectionOptions() {
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        options.setConnectTimeoutMillis(10_000);
        options.setResponseTimeoutMillis(60_000);
        options.setUseSynchronousMode(false);
        return options;
    }

    @Override
    public void close() throws Exception {
        server.close();
    }
}
