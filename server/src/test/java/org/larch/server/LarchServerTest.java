package org.larch.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustAllTrustManager;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.larch.conf.ConfigFile;
import org.larch.conf.LarchConfig;

class LarchServerTest {

    @TempDir
    Path temp;

    @Test
    void servesTheSuffixFromAConfigFileOnAFreePort() throws Exception {
        try (LarchServer server = LarchServer.start(ConfigFile.parse(TestConfigs.write(temp)))) {
            URI url = server.urls().getFirst();
            assertEquals("ldap", url.getScheme());
            assertTrue(url.getPort() > 0, url.toString());
            try (LDAPConnection connection = connect(server)) {
                SearchResultEntry suffix = connection.getEntry(TestConfigs.SUFFIX);
                assertNotNull(suffix, "the suffix entry is created on first start");
                assertTrue(suffix.hasAttributeValue("objectClass", "dcObject"), suffix.toLDIFString());
                SearchResult result = connection.search(TestConfigs.SUFFIX, SearchScope.SUB, "(objectClass=*)");
                assertEquals(ResultCode.SUCCESS, result.getResultCode());
                assertEquals(1, result.getEntryCount());
            }
        }
    }

    @Test
    void rootdnBindsWithRootpwAndWhatItAddsSurvivesARestart() throws Exception {
        LarchConfig config = ConfigFile.parse(TestConfigs.write(temp));
        try (LarchServer server = LarchServer.start(config); LDAPConnection connection = connect(server)) {
            connection.bind(TestConfigs.ROOT_DN, TestConfigs.ROOT_PASSWORD);
            connection.add("dn: cn=kept,dc=example,dc=com", "objectClass: person", "cn: kept", "sn: Kept");
        }
        try (LarchServer server = LarchServer.start(config); LDAPConnection connection = connect(server)) {
            SearchResultEntry entry = connection.getEntry("cn=kept,dc=example,dc=com");
            assertNotNull(entry);
            assertEquals("Kept", entry.getAttributeValue("sn"));
        }
    }

    @Test
    void wrongRootPasswordIsInvalidCredentials() throws Exception {
        try (LarchServer server = LarchServer.start(ConfigFile.parse(TestConfigs.write(temp)));
                LDAPConnection connection = connect(server)) {
            LDAPException e = assertThrows(LDAPException.class, () -> connection.bind(TestConfigs.ROOT_DN, "wrong"));
            assertEquals(ResultCode.INVALID_CREDENTIALS, e.getResultCode());
        }
    }

    @Test
    void aPortInUseFailsNamingTheUrlAndLeavesNothingOpen() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            LarchConfig config = ConfigFile.withListen(ConfigFile.parse(TestConfigs.write(temp)),
                    List.of("ldap://127.0.0.1:" + taken.getLocalPort()));
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> LarchServer.start(config));
            assertTrue(e.getMessage().contains("ldap://127.0.0.1:" + taken.getLocalPort()), e.getMessage());
        }
        try (LarchServer server = LarchServer.start(ConfigFile.parse(TestConfigs.write(temp)));
                LDAPConnection connection = connect(server)) {
            assertNotNull(connection.getEntry(TestConfigs.SUFFIX), "the data directory opens again");
        }
    }

    @Test
    void generatedRootPasswordIsShownOnceAndKeptHashed() throws Exception {
        LarchConfig config = ConfigFile.withListen(ConfigFile.embeddedDefault(temp, Map.of()), List.of("ldap://127.0.0.1:0"));
        String password;
        try (LarchServer server = LarchServer.start(config)) {
            password = server.generatedRootPassword().orElseThrow();
            assertEquals(20, password.length());
            try (LDAPConnection connection = connect(server)) {
                connection.bind("cn=admin,dc=example,dc=com", password);
            }
        }
        Path kept = temp.resolve("larch-data").resolve(RootPassword.FILE_NAME);
        String stored = Files.readString(kept);
        assertTrue(stored.startsWith("{SSHA}"), stored);
        assertFalse(stored.contains(password));
        try (LarchServer server = LarchServer.start(config); LDAPConnection connection = connect(server)) {
            assertTrue(server.generatedRootPassword().isEmpty(), "shown only on the first start");
            connection.bind("cn=admin,dc=example,dc=com", password);
        }
    }

    @Test
    void servesLdapsWithTheConfiguredCertificateAndKey() throws Exception {
        Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                "-keyout", temp.resolve("key.pem").toString(), "-out", temp.resolve("cert.pem").toString(),
                "-days", "2", "-subj", "/CN=localhost").redirectErrorStream(true).start();
        openssl.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        org.junit.jupiter.api.Assumptions.assumeTrue(openssl.waitFor() == 0, "openssl is needed to make a test certificate");
        LarchConfig config = ConfigFile.parse(TestConfigs.write(temp, "listen ldaps://127.0.0.1:0",
                "TLSCertificateFile cert.pem", "TLSCertificateKeyFile key.pem"));
        try (LarchServer server = LarchServer.start(config)) {
            URI ldaps = server.urls().get(1);
            assertEquals("ldaps", ldaps.getScheme());
            SSLUtil trustAll = new SSLUtil(new TrustAllTrustManager());
            try (LDAPConnection connection = new LDAPConnection(trustAll.createSSLSocketFactory(), ldaps.getHost(), ldaps.getPort())) {
                connection.bind(TestConfigs.ROOT_DN, TestConfigs.ROOT_PASSWORD);
                assertNotNull(connection.getEntry(TestConfigs.SUFFIX));
            }
        }
    }

    @Test
    void closeStopsListeningAndIsIdempotent() throws Exception {
        LarchServer server = LarchServer.start(ConfigFile.parse(TestConfigs.write(temp)));
        int port = server.urls().getFirst().getPort();
        server.close();
        server.close();
        assertThrows(LDAPException.class, () -> new LDAPConnection("127.0.0.1", port).close());
    }

    private static LDAPConnection connect(LarchServer server) throws LDAPException {
        URI url = server.urls().getFirst();
        return new LDAPConnection(url.getHost(), url.getPort());
    }
}
