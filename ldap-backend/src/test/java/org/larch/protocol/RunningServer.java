package org.larch.protocol;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/** Test fixture: an {@link LdapServer} on a loopback port over an {@link InMemoryDirectory}. */
final class RunningServer implements AutoCloseable {
    static final int MAX_PDU_BYTES = 64 * 1024;

    final InMemoryDirectory directory = new InMemoryDirectory();
    final LdapServer server;

    RunningServer() {
        this(settings(List.of(URI.create("ldap://127.0.0.1:0")), null, null, 1000, 0));
    }

    RunningServer(ProtocolSettings settings) {
        server = new LdapServer(directory, settings);
        server.start();
    }

    static ProtocolSettings settings(List<URI> listen, Path certificate, Path key, int maxConnections, int idleSeconds) {
        return new ProtocolSettings(listen, certificate, key, MAX_PDU_BYTES, maxConnections, idleSeconds);
    }

    int port() {
        return server.boundAddresses().getFirst().getPort();
    }

    LDAPConnection connect() throws LDAPException {
        return new LDAPConnection("127.0.0.1", port());
    }

    LDAPConnection connectAsRoot() throws LDAPException {
        return new LDAPConnection("127.0.0.1", port(), InMemoryDirectory.ROOT_DN, InMemoryDirectory.ROOT_PASSWORD);
    }

    @Override
    public void close() {
        server.close();
    }
}
