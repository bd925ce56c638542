package org.larch.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.sdk.BindResult;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.extensions.WhoAmIExtendedRequest;
import com.unboundid.ldap.sdk.extensions.WhoAmIExtendedResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BindHandlerTest {
    private static RunningServer server;

    @BeforeAll
    static void start() {
        server = new RunningServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void rootdnBindsWithItsPassword() throws Exception {
        try (LDAPConnection connection = server.connect()) {
            BindResult result = connection.bind(InMemoryDirectory.ROOT_DN, InMemoryDirectory.ROOT_PASSWORD);
            assertEquals(ResultCode.SUCCESS, result.getResultCode());
            assertEquals("dn:" + InMemoryDirectory.ROOT_DN, whoAmI(connection));
        }
    }

    @Test
    void wrongPasswordIsInvalidCredentialsAndLeavesTheConnectionAnonymous() throws Exception {
        try (LDAPConnection connection = server.connect()) {
            connection.bind("uid=alice,ou=people,dc=example,dc=com", "alicepw");
            LDAPException failure = assertThrows(LDAPException.class,
                    () -> connection.bind("uid=alice,ou=people,dc=example,dc=com", "wrong"));
            assertEquals(ResultCode.INVALID_CREDENTIALS, failure.getResultCode());
            assertEquals("", whoAmI(connection));
        }
    }

    @Test
    void invalidDnIsInvalidDnSyntaxWithAMessage() throws Exception {
        try (LDAPConnection connection = server.connect()) {
            LDAPException failure = assertThrows(LDAPException.class, () -> connection.bind("not a dn", "x"));
            assertEquals(ResultCode.INVALID_DN_SYNTAX, failure.getResultCode());
            assertTrue(failure.getDiagnosticMessage().contains("not a dn"), failure.getDiagnosticMessage());
        }
    }

    @Test
    void saslMechanismsAreNotSupported() throws Exception {
        try (LDAPConnection connection = server.connect()) {
            LDAPException failure = assertThrows(LDAPException.class,
                    () -> connection.bind(new com.unboundid.ldap.sdk.PLAINBindRequest("u:alice", "alicepw")));
            assertEquals(ResultCode.AUTH_METHOD_NOT_SUPPORTED, failure.getResultCode());
        }
    }

    static String whoAmI(LDAPConnection connection) throws LDAPException {
        WhoAmIExtendedResult result = (WhoAmIExtendedResult) connection.processExtendedOperation(new WhoAmIExtendedRequest());
        assertEquals(ResultCode.SUCCESS, result.getResultCode());
        // anonymous: the LDAP API's encoder leaves an empty authzId out of the response
        return result.getAuthorizationID() == null ? "" : result.getAuthorizationID();
    }
}
