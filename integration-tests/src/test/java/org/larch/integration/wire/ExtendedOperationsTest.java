package org.larch.integration.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.sdk.ExtendedResult;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.extensions.PasswordModifyExtendedRequest;
import com.unboundid.ldap.sdk.extensions.PasswordModifyExtendedResult;
import com.unboundid.ldap.sdk.extensions.StartTLSExtendedRequest;
import com.unboundid.ldap.sdk.extensions.WhoAmIExtendedRequest;
import com.unboundid.ldap.sdk.extensions.WhoAmIExtendedResult;
import com.unboundid.util.ssl.SSLUtil;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.larch.integration.data.DirectoryDataGenerator;
import org.larch.integration.server.LarchConfigFile;
import org.larch.integration.server.LarchServerExtension;
import org.larch.integration.server.TestCertificate;

/** WhoAmI (RFC 4532), StartTLS (RFC 4511 4.14) and LDAPS with a generated certificate, Password Modify (RFC 3062). */
class ExtendedOperationsTest {
    @RegisterExtension
    static final LarchServerExtension LARCH = LarchServerExtension.withPeopleAndTls(10);

    @Test
    void whoAmIAnswersForAnonymousRootAndUser() throws Exception {
        try (LDAPConnection connection = LARCH.connect()) {
            assertEquals("", whoAmI(connection));
            connection.bind(LarchConfigFile.ROOT_DN, LarchConfigFile.ROOT_PASSWORD);
            assertEquals("dn:" + LarchConfigFile.ROOT_DN, whoAmI(connection).toLowerCase());
            connection.bind(DirectoryDataGenerator.personDn(1), DirectoryDataGenerator.personPassword(1));
            assertEquals("dn:" + DirectoryDataGenerator.personDn(1), whoAmI(connection).toLowerCase());
        }
    }

    @Test
    void startTlsUpgradesTheConnectionAndBindWorksOverIt() throws Exception {
        try (LDAPConnection connection = LARCH.connect()) {
            ExtendedResult result = connection.processExtendedOperation(new StartTLSExtendedRequest(trustingContext()));
            assertEquals(ResultCode.SUCCESS, result.getResultCode());
            assertTrue(connection.getSSLSession() != null, "the connection now speaks TLS");
            connection.bind(DirectoryDataGenerator.personDn(2), DirectoryDataGenerator.personPassword(2));
            assertEquals(1, connection.search(DirectoryDataGenerator.personDn(2), SearchScope.BASE, "(objectClass=*)").getEntryCount());
        }
    }

    @Test
    void ldapsPortSpeaksTlsFromTheFirstByte() throws Exception {
        try (LDAPConnection connection = new LDAPConnection(trustingContext().getSocketFactory(),
                "127.0.0.1", LARCH.instance().config().ldapsPort())) {
            assertNotNull(connection.getSSLSession(), "LDAPS connection has a TLS session");
            connection.bind(LarchConfigFile.ROOT_DN, LarchConfigFile.ROOT_PASSWORD);
            assertEquals("dn:" + LarchConfigFile.ROOT_DN, whoAmI(connection).toLowerCase());
        }
    }

    @Test
    void passwordModifyByTheUserThenBindWithTheNewPassword() throws Exception {
        String dn = DirectoryDataGenerator.personDn(3);
        try (LDAPConnection user = LARCH.connect()) {
            user.bind(dn, DirectoryDataGenerator.personPassword(3));
            ExtendedResult result = user.processExtendedOperation(
                    new PasswordModifyExtendedRequest(null, DirectoryDataGenerator.personPassword(3), "brand-new"));
            assertEquals(ResultCode.SUCCESS, result.getResultCode());
        }
        try (LDAPConnection again = LARCH.connect()) {
            assertEquals(ResultCode.SUCCESS, again.bind(dn, "brand-new").getResultCode());
            assertEquals(ResultCode.INVALID_CREDENTIALS,
                    assertThrows(LDAPException.class, () -> again.bind(dn, DirectoryDataGenerator.personPassword(3))).getResultCode());
        }
        try (LDAPConnection root = LARCH.connectAsRoot()) {
            String stored = root.getEntry(dn, "userPassword").getAttributeValue("userPassword");
            assertTrue(stored.startsWith("{SSHA}"), "stored hashed: " + stored);
        }
    }

    @Test
    void passwordModifyByTheRootWithAGeneratedPassword() throws Exception {
        String dn = DirectoryDataGenerator.personDn(4);
        String generated;
        try (LDAPConnection root = LARCH.connectAsRoot()) {
            PasswordModifyExtendedResult result = (PasswordModifyExtendedResult)
                    root.processExtendedOperation(new PasswordModifyExtendedRequest(dn, (String) null, (String) null));
            assertEquals(ResultCode.SUCCESS, result.getResultCode());
            generated = result.getGeneratedPassword();
            assertNotNull(generated);
        }
        try (LDAPConnection user = LARCH.connect()) {
            assertEquals(ResultCode.SUCCESS, user.bind(dn, generated).getResultCode());
        }
    }

    @Test
    void passwordModifyOfAnotherUsersPasswordIsRefused() throws Exception {
        try (LDAPConnection user = LARCH.connect()) {
            user.bind(DirectoryDataGenerator.personDn(5), DirectoryDataGenerator.personPassword(5));
            ExtendedResult result = user.processExtendedOperation(
                    new PasswordModifyExtendedRequest(DirectoryDataGenerator.personDn(6), null, "stolen"));
            assertEquals(ResultCode.INSUFFICIENT_ACCESS_RIGHTS, result.getResultCode(), "extended results come back, not thrown");
        }
        try (LDAPConnection victim = LARCH.connect()) {
            assertEquals(ResultCode.SUCCESS,
                    victim.bind(DirectoryDataGenerator.personDn(6), DirectoryDataGenerator.personPassword(6)).getResultCode());
        }
    }

    private static String whoAmI(LDAPConnection connection) throws LDAPException {
        WhoAmIExtendedResult result = (WhoAmIExtendedResult) connection.processExtendedOperation(new WhoAmIExtendedRequest());
        assertEquals(ResultCode.SUCCESS, result.getResultCode());
        String id = result.getAuthorizationID();
        return id == null ? "" : id;
    }

    /** An SSL context that trusts exactly the test server's self-signed certificate. */
    private static SSLContext trustingContext() throws Exception {
        TestCertificate certificate = LARCH.instance().config().certificate();
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        try (InputStream in = Files.newInputStream(certificate.certificateFile())) {
            trusted.setCertificateEntry("larch", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trusted);
        return new SSLUtil(factory.getTrustManagers()).createSSLContext();
    }
}
