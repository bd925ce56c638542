package org.larch.integration.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.unboundid.ldap.sdk.BindResult;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchScope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.larch.integration.data.DirectoryDataGenerator;
import org.larch.integration.server.LarchConfigFile;
import org.larch.integration.server.LarchServerExtension;

/** Simple binds: the rootdn, a user by its userPassword, anonymous, and the failures. */
class BindTest {
    @RegisterExtension
    static final LarchServerExtension LARCH = LarchServerExtension.withPeople(20);

    @Test
    void rootDnBindsWithRootPassword() throws Exception {
        try (LDAPConnection connection = LARCH.connect()) {
            BindResult result = connection.bind(LarchConfigFile.ROOT_DN, LarchConfigFile.ROOT_PASSWORD);
            assertEquals(ResultCode.SUCCESS, result.getResultCode());
        }
    }

    @Test
    void userBindsWithItsOwnPasswordAndTheBindHolds() throws Exception {
        try (LDAPConnection connection = LARCH.connect()) {
            connection.bind(DirectoryDataGenerator.personDn(3), DirectoryDataGenerator.personPassword(3));
            SearchResult result = connection.search(DirectoryDataGenerator.personDn(3), SearchScope.BASE, "(objectClass=*)");
            assertEquals(1, result.getEntryCount());
        }
    }

    @Test
    void userBindIsCaseInsensitiveInTheDnButNotInThePassword() throws Exception {
        try (LDAPConnection connection = LARCH.connect()) {
            connection.bind(DirectoryDataGenerator.personDn(4).toUpperCase(), DirectoryDataGenerator.personPassword(4));
            LDAPException failure = assertThrows(LDAPException.class, () ->
                    connection.bind(DirectoryDataGenerator.personDn(4), DirectoryDataGenerator.personPassword(4).toUpperCase()));
            assertEquals(ResultCode.INVALID_CREDENTIALS, failure.getResultCode());
        }
    }

    @Test
    void anonymousBindSucceedsAndMaySearch() throws Exception {
        try (LDAPConnection connection = LARCH.connect()) {
            assertEquals(ResultCode.SUCCESS, connection.bind("", "").getResultCode());
            assertEquals(1, connection.search(DirectoryDataGenerator.SUFFIX, SearchScope.BASE, "(objectClass=*)").getEntryCount());
        }
    }

    @Test
    void wrongPasswordIsInvalidCredentials() {
        try (LDAPConnection connection = LARCH.connect()) {
            LDAPException failure = assertThrows(LDAPException.class, () ->
                    connection.bind(DirectoryDataGenerator.personDn(5), "not-the-password"));
            assertEquals(ResultCode.INVALID_CREDENTIALS, failure.getResultCode());
        }
    }

    @Test
    void wrongRootPasswordIsInvalidCredentials() {
        try (LDAPConnection connection = LARCH.connect()) {
            LDAPException failure = assertThrows(LDAPException.class, () ->
                    connection.bind(LarchConfigFile.ROOT_DN, "wrong"));
            assertEquals(ResultCode.INVALID_CREDENTIALS, failure.getResultCode());
        }
    }

    @Test
    void unknownDnIsInvalidCredentialsNotNoSuchObject() {
        try (LDAPConnection connection = LARCH.connect()) {
            LDAPException failure = assertThrows(LDAPException.class, () ->
                    connection.bind("uid=nobody," + DirectoryDataGenerator.PEOPLE, "whatever"));
            assertEquals(ResultCode.INVALID_CREDENTIALS, failure.getResultCode());
        }
    }

    @Test
    void entryWithoutPasswordCannotBind() {
        try (LDAPConnection connection = LARCH.connect()) {
            LDAPException failure = assertThrows(LDAPException.class, () ->
                    connection.bind(DirectoryDataGenerator.PEOPLE, "anything"));
            assertEquals(ResultCode.INVALID_CREDENTIALS, failure.getResultCode());
        }
    }

    @Test
    void failedBindLeavesTheConnectionAnonymousAndUsable() throws Exception {
        try (LDAPConnection connection = LARCH.connect()) {
            connection.bind(LarchConfigFile.ROOT_DN, LarchConfigFile.ROOT_PASSWORD);
            assertThrows(LDAPException.class, () -> connection.bind(LarchConfigFile.ROOT_DN, "wrong"));
            LDAPException denied = assertThrows(LDAPException.class, () ->
                    connection.delete("cn=group-0," + DirectoryDataGenerator.GROUPS));
            assertEquals(ResultCode.INSUFFICIENT_ACCESS_RIGHTS, denied.getResultCode());
        }
    }
}
