package org.larch.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.sdk.ExtendedRequest;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.extensions.PasswordModifyExtendedRequest;
import com.unboundid.ldap.sdk.extensions.PasswordModifyExtendedResult;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** WhoAmI, Password Modify and unknown extended operations over the wire. */
class ExtendedHandlerTest extends ServerTest {
    private static final String ALICE = "uid=alice,ou=people,dc=example,dc=com";

    @Test
    void whoAmIIsEmptyForAnonymousAndTheDnOnceBound() throws Exception {
        try (LDAPConnection connection = server.connect()) {
            assertEquals("", BindHandlerTest.whoAmI(connection));
            connection.bind(ALICE, "alicepw");
            assertEquals("dn:" + ALICE, BindHandlerTest.whoAmI(connection));
        }
    }

    @Test
    void passwordModifyOfTheBoundUserChangesThePassword() throws Exception {
        try (LDAPConnection connection = server.connect()) {
            connection.bind(ALICE, "alicepw");
            PasswordModifyExtendedResult result = (PasswordModifyExtendedResult) connection.processExtendedOperation(
                    new PasswordModifyExtendedRequest(null, "alicepw", "newpw"));
            assertEquals(ResultCode.SUCCESS, result.getResultCode());
            assertNull(result.getGeneratedPassword());
        }
        try (LDAPConnection connection = server.connect()) {
            connection.bind(ALICE, "newpw");
        }
    }

    @Test
    void passwordModifyWithoutNewPasswordReturnsTheGeneratedOne() throws Exception {
        try (LDAPConnection connection = server.connectAsRoot()) {
            PasswordModifyExtendedResult result = (PasswordModifyExtendedResult) connection.processExtendedOperation(
                    new PasswordModifyExtendedRequest("dn:" + ALICE, (String) null, (String) null));
            assertEquals("generated-42", result.getGeneratedPassword());
        }
        String stored = new String(directory.get(ALICE).get("userPassword").values().getFirst(), StandardCharsets.UTF_8);
        assertEquals("generated-42", stored);
    }

    @Test
    void passwordModifyOfSomeoneElseIsInsufficientAccess() throws Exception {
        try (LDAPConnection connection = server.connect()) {
            connection.bind("uid=bob,ou=people,dc=example,dc=com", "bobpw");
            var result = connection.processExtendedOperation(new PasswordModifyExtendedRequest(ALICE, null, "stolen"));
            assertEquals(ResultCode.INSUFFICIENT_ACCESS_RIGHTS, result.getResultCode());
        }
    }

    @Test
    void unknownExtendedOperationIsProtocolErrorNamingTheOid() throws Exception {
        try (LDAPConnection connection = server.connect()) {
            LDAPException result = assertThrows(LDAPException.class,
                    () -> connection.processExtendedOperation(new ExtendedRequest("1.2.3.4.99")));
            assertEquals(ResultCode.PROTOCOL_ERROR, result.getResultCode());
            assertTrue(result.getDiagnosticMessage().contains("1.2.3.4.99"), result.getDiagnosticMessage());
        }
    }
}
