package org.larch.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.sdk.ExtendedResult;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.extensions.StartTLSExtendedRequest;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustAllTrustManager;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** LDAPS and StartTLS with a PEM certificate and key generated for the test. */
class TlsTest {
    @TempDir
    static Path directory;
    private static RunningServer server;
    private static final SSLUtil CLIENT_TLS = new SSLUtil(new TrustAllTrustManager());

    @BeforeAll
    static void start() throws Exception {
        TestCertificate certificate = TestCertificate.create(directory);
        server = new RunningServer(RunningServer.settings(
                List.of(URI.create("ldap://127.0.0.1:0"), URI.create("ldaps://127.0.0.1:0")),
                certificate.certificateFile(), certificate.keyFile(), 100, 0));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void ldapsServesOperationsOverTls() throws Exception {
        int ldapsPort = server.server.boundAddresses().get(1).getPort();
        try (LDAPConnection connection = new LDAPConnection(CLIENT_TLS.createSSLSocketFactory(), "127.0.0.1", ldapsPort)) {
            connection.bind(InMemoryDirectory.ROOT_DN, InMemoryDirectory.ROOT_PASSWORD);
            assertTrue(connection.getSSLSession() != null);
            assertEquals("dn:" + InMemoryDirectory.ROOT_DN, BindHandlerTest.whoAmI(connection));
        }
    }

    @Test
    void startTlsSwitchesThePlainConnectionToTls() throws Exception {
        try (LDAPConnection connection = server.connect()) {
            ExtendedResult result = connection.processExtendedOperation(
                    new StartTLSExtendedRequest(CLIENT_TLS.createSSLContext()));
            assertEquals(ResultCode.SUCCESS, result.getResultCode());
            assertTrue(connection.getSSLSession() != null, "TLS session after StartTLS");
            assertEquals(1, connection.getEntry("uid=alice,ou=people,dc=example,dc=com") == null ? 0 : 1);
            connection.bind("uid=alice,ou=people,dc=example,dc=com", "alicepw");
            assertEquals("dn:uid=alice,ou=people,dc=example,dc=com", BindHandlerTest.whoAmI(connection));
        }
    }

    @Test
    void startTlsOnATlsConnectionIsOperationsError() throws Exception {
        int ldapsPort = server.server.boundAddresses().get(1).getPort();
        try (LDAPConnection connection = new LDAPConnection(CLIENT_TLS.createSSLSocketFactory(), "127.0.0.1", ldapsPort)) {
            LDAPException failure = assertThrows(LDAPException.class, () -> connection.processExtendedOperation(
                    new StartTLSExtendedRequest(CLIENT_TLS.createSSLContext())));
            assertEquals(ResultCode.OPERATIONS_ERROR, failure.getResultCode());
            assertEquals("", BindHandlerTest.whoAmI(connection), "the TLS connection still serves");
        }
    }

    @Test
    void startTlsWhileAnOperationIsOutstandingIsOperationsError() throws Exception {
        server.directory.delayPerEntryMillis = 300;
        try (LDAPConnection connection = server.connect()) {
            var search = connection.asyncSearch(new com.unboundid.ldap.sdk.SearchRequest(
                    new IgnoringListener(), "dc=example,dc=com",
                    com.unboundid.ldap.sdk.SearchScope.SUB, "(objectClass=*)"));
            LDAPException failure = assertThrows(LDAPException.class, () -> connection.processExtendedOperation(
                    new StartTLSExtendedRequest(CLIENT_TLS.createSSLContext())));
            assertEquals(ResultCode.OPERATIONS_ERROR, failure.getResultCode());
            assertTrue(failure.getDiagnosticMessage().contains("outstanding"), failure.getDiagnosticMessage());
            connection.abandon(search);
        } finally {
            server.directory.delayPerEntryMillis = 0;
        }
    }

    @Test
    void startTlsWithoutCertificateIsUnavailable() throws Exception {
        try (RunningServer plain = new RunningServer();
                LDAPConnection connection = plain.connect()) {
            LDAPException failure = assertThrows(LDAPException.class, () -> connection.processExtendedOperation(
                    new StartTLSExtendedRequest(CLIENT_TLS.createSSLContext())));
            assertEquals(ResultCode.UNAVAILABLE, failure.getResultCode());
            assertTrue(failure.getDiagnosticMessage().contains("TLSCertificateFile"), failure.getDiagnosticMessage());
        }
    }

    /** An asynchronous search whose results nobody reads. */
    private static final class IgnoringListener implements com.unboundid.ldap.sdk.AsyncSearchResultListener {
        @Override
        public void searchEntryReturned(com.unboundid.ldap.sdk.SearchResultEntry entry) {}

        @Override
        public void searchReferenceReturned(com.unboundid.ldap.sdk.SearchResultReference reference) {}

        @Override
        public void searchResultReceived(com.unboundid.ldap.sdk.AsyncRequestID id, com.unboundid.ldap.sdk.SearchResult result) {}
    }
}
