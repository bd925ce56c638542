package org.larch.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchScope;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Listening, limits and closing. */
class LdapServerTest {
    private static final int CONCURRENT_CONNECTIONS = 200;

    @TempDir
    Path directory;

    @Test
    void aPortInUseIsAnErrorNamingTheUrl() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            URI url = URI.create("ldap://127.0.0.1:" + taken.getLocalPort());
            IllegalStateException failure = assertThrows(IllegalStateException.class,
                    () -> new RunningServer(RunningServer.settings(List.of(url), null, null, 10, 0)));
            assertTrue(failure.getMessage().contains(url.toString()), failure.getMessage());
        }
    }

    @Test
    void ldapsWithoutCertificateIsAnErrorNamingTheUrl() {
        URI url = URI.create("ldaps://127.0.0.1:0");
        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> new RunningServer(RunningServer.settings(List.of(url), null, null, 10, 0)));
        assertTrue(failure.getMessage().contains("ldaps://127.0.0.1:0"), failure.getMessage());
    }

    @Test
    void aBadCertificateFileIsAnErrorNamingTheFile() throws Exception {
        Path certificate = Files.writeString(directory.resolve("bad.crt"), "not a certificate");
        Path key = Files.writeString(directory.resolve("bad.key"), "not a key");
        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> new RunningServer(
                RunningServer.settings(List.of(URI.create("ldaps://127.0.0.1:0")), certificate, key, 10, 0)));
        assertTrue(failure.getMessage().contains("bad.crt"), failure.getMessage());
    }

    @Test
    void closeReleasesThePort() throws Exception {
        int port;
        try (RunningServer first = new RunningServer()) {
            port = first.port();
        }
        URI samePort = URI.create("ldap://127.0.0.1:" + port);
        try (RunningServer second = new RunningServer(RunningServer.settings(List.of(samePort), null, null, 10, 0))) {
            assertEquals(port, second.port());
            try (LDAPConnection connection = second.connect()) {
                assertEquals(1, connection.search("dc=example,dc=com", SearchScope.BASE, "(objectClass=*)").getEntryCount());
            }
        }
    }

    @Test
    void twoHundredConcurrentConnectionsAreServed() throws Exception {
        try (RunningServer server = new RunningServer();
                ExecutorService clients = Executors.newFixedThreadPool(50)) {
            List<LDAPConnection> open = new ArrayList<>();
            try {
                for (int i = 0; i < CONCURRENT_CONNECTIONS; i++) {
                    open.add(server.connect());
                }
                List<Future<Integer>> searches = new ArrayList<>();
                for (LDAPConnection connection : open) {
                    searches.add(clients.submit(() -> {
                        connection.bind("uid=bob,ou=people,dc=example,dc=com", "bobpw");
                        return connection.search("dc=example,dc=com", SearchScope.SUB, "(uid=*)").getEntryCount();
                    }));
                }
                for (Future<Integer> search : searches) {
                    assertEquals(2, search.get());
                }
            } finally {
                open.forEach(LDAPConnection::close);
            }
        }
    }

    @Test
    void connectionsBeyondTheLimitAreRefused() throws Exception {
        try (RunningServer server = new RunningServer(
                RunningServer.settings(List.of(URI.create("ldap://127.0.0.1:0")), null, null, 2, 0));
                LDAPConnection first = server.connect();
                LDAPConnection second = server.connect()) {
            // a connect returns once TCP is up; the server takes a slot when its I/O thread sees the
            // session, so both are used first (on two I/O threads the third could otherwise come first)
            for (LDAPConnection connection : List.of(first, second)) {
                assertEquals(1, connection.search("dc=example,dc=com", SearchScope.BASE, "(objectClass=*)").getEntryCount());
            }
            LDAPException refused = assertThrows(LDAPException.class, () -> {
                try (LDAPConnection third = server.connect()) {
                    third.search("dc=example,dc=com", SearchScope.BASE, "(objectClass=*)");
                }
            });
            assertTrue(refused.getResultCode().isConnectionUsable() == false, refused.toString());
            assertEquals(1, first.search("dc=example,dc=com", SearchScope.BASE, "(objectClass=*)").getEntryCount());
        }
    }

    @Test
    void anIdleConnectionIsClosed() throws Exception {
        try (RunningServer server = new RunningServer(
                RunningServer.settings(List.of(URI.create("ldap://127.0.0.1:0")), null, null, 10, 1));
                LDAPConnection connection = server.connect()) {
            Thread.sleep(3000);
            assertThrows(LDAPException.class,
                    () -> connection.search("dc=example,dc=com", SearchScope.BASE, "(objectClass=*)"));
        }
    }
}
