package org.larch.integration.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPSearchException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchScope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.larch.integration.data.DirectoryDataGenerator;
import org.larch.integration.server.LarchConfigFile;
import org.larch.integration.server.LarchServerExtension;

/** The result codes of failures, with matchedDN and a diagnostic message. */
class ErrorCodesTest {
    private static final int SIZE_LIMIT = 25;

    @RegisterExtension
    static final LarchServerExtension LARCH = LarchServerExtension.withPeople(60)
            .configuredBy(directory -> LarchConfigFile.plain(directory).withSizeLimit(SIZE_LIMIT));
    private static final String SALES = "ou=sales," + DirectoryDataGenerator.PEOPLE;

    /** A fresh rootdn connection per test: a test that breaks its connection breaks no other. */
    private LDAPConnection connection;

    @BeforeEach
    void connect() {
        connection = LARCH.connectAsRoot();
    }

    @AfterEach
    void disconnect() {
        if (connection != null) {
            connection.close();
        }
    }

    @Test
    void noSuchObjectNamesTheDeepestExistingAncestor() throws Exception {
        LDAPException failure = failure(ResultCode.NO_SUCH_OBJECT, () -> connection.modify("uid=ghost,ou=lost," + SALES,
                new Modification(ModificationType.REPLACE, "description", "x")));
        assertEquals(new DN(SALES), new DN(failure.getMatchedDN()));
        LDAPException delete = failure(ResultCode.NO_SUCH_OBJECT, () -> connection.delete("uid=ghost," + SALES));
        assertEquals(new DN(SALES), new DN(delete.getMatchedDN()));
    }

    @Test
    void addUnderAMissingParentIsNoSuchObjectWithMatchedDn() throws Exception {
        LDAPException failure = failure(ResultCode.NO_SUCH_OBJECT, () -> connection.add(
                "dn: ou=child,ou=missing," + SALES, "objectClass: organizationalUnit", "ou: child"));
        assertEquals(new DN(SALES), new DN(failure.getMatchedDN()));
    }

    @Test
    void addingAnExistingEntryIsEntryAlreadyExists() {
        Entry existing = LARCH.entries().get(10);
        failure(ResultCode.ENTRY_ALREADY_EXISTS, () -> connection.add(existing));
    }

    @Test
    void deletingANonLeafIsNotAllowedOnNonLeaf() {
        failure(ResultCode.NOT_ALLOWED_ON_NONLEAF, () -> connection.delete(SALES));
    }

    @Test
    void missingRequiredAttributeIsObjectClassViolation() {
        failure(ResultCode.OBJECT_CLASS_VIOLATION, () -> connection.add(
                "dn: uid=no-sn," + SALES, "objectClass: inetOrgPerson", "uid: no-sn", "cn: No Surname"));
    }

    @Test
    void attributeNotAllowedByTheObjectClassesIsObjectClassViolation() {
        failure(ResultCode.OBJECT_CLASS_VIOLATION, () -> connection.add(
                "dn: ou=bad-unit," + DirectoryDataGenerator.SUFFIX, "objectClass: organizationalUnit", "ou: bad-unit",
                "uid: not-allowed-here"));
    }

    @Test
    void missingStructuralObjectClassIsObjectClassViolation() {
        failure(ResultCode.OBJECT_CLASS_VIOLATION, () -> connection.add(
                "dn: cn=only-top," + DirectoryDataGenerator.SUFFIX, "objectClass: top", "cn: only-top"));
    }

    @Test
    void unknownAttributeTypeIsUndefinedAttributeType() {
        failure(ResultCode.UNDEFINED_ATTRIBUTE_TYPE, () -> connection.add(
                "dn: ou=strange," + DirectoryDataGenerator.SUFFIX, "objectClass: organizationalUnit", "ou: strange",
                "noSuchAttributeType: x"));
        failure(ResultCode.UNDEFINED_ATTRIBUTE_TYPE, () -> connection.modify(DirectoryDataGenerator.personDn(1),
                new Modification(ModificationType.ADD, "noSuchAttributeType", "x")));
    }

    @Test
    void badPasswordIsInvalidCredentials() {
        try (LDAPConnection fresh = LARCH.connect()) {
            failure(ResultCode.INVALID_CREDENTIALS, () -> fresh.bind(DirectoryDataGenerator.personDn(2), "wrong"));
        }
    }

    @Test
    void writesWithoutRightsAreInsufficientAccessRights() throws Exception {
        try (LDAPConnection anonymous = LARCH.connect(); LDAPConnection user = LARCH.connect()) {
            failure(ResultCode.INSUFFICIENT_ACCESS_RIGHTS, () -> anonymous.delete(DirectoryDataGenerator.personDn(3)));
            user.bind(DirectoryDataGenerator.personDn(4), DirectoryDataGenerator.personPassword(4));
            failure(ResultCode.INSUFFICIENT_ACCESS_RIGHTS, () -> user.modify(DirectoryDataGenerator.personDn(5),
                    new Modification(ModificationType.REPLACE, "description", "x")));
            failure(ResultCode.INSUFFICIENT_ACCESS_RIGHTS, () -> user.modifyDN(DirectoryDataGenerator.personDn(5), "uid=moved", true));
        }
    }

    @Test
    void serverSizeLimitStopsNonRootSearchesWithSizeLimitExceeded() throws Exception {
        try (LDAPConnection anonymous = LARCH.connect()) {
            LDAPSearchException failure = assertThrows(LDAPSearchException.class, () ->
                    anonymous.search(DirectoryDataGenerator.PEOPLE, SearchScope.SUB, "(objectClass=inetOrgPerson)", "1.1"));
            assertEquals(ResultCode.SIZE_LIMIT_EXCEEDED, failure.getResultCode());
            assertEquals(SIZE_LIMIT, failure.getEntryCount(), "the entries up to the limit are sent");
        }
        assertEquals(60, connection.search(DirectoryDataGenerator.PEOPLE, SearchScope.SUB, "(objectClass=inetOrgPerson)", "1.1")
                .getEntryCount(), "the rootdn is not limited");
    }

    @Test
    void clientSizeLimitIsHonouredWithSizeLimitExceeded() throws Exception {
        SearchRequest request = new SearchRequest(DirectoryDataGenerator.PEOPLE, SearchScope.SUB, "(objectClass=inetOrgPerson)", "1.1");
        request.setSizeLimit(7);
        LDAPSearchException failure = assertThrows(LDAPSearchException.class, () -> connection.search(request));
        assertEquals(ResultCode.SIZE_LIMIT_EXCEEDED, failure.getResultCode());
        assertEquals(7, failure.getEntryCount());
    }

    @Test
    void invalidDnSyntaxIsInvalidDnSyntax() throws Exception {
        Entry malformed = new Entry("this is not a DN");
        malformed.addAttribute("objectClass", "organizationalUnit");
        malformed.addAttribute("ou", "x");
        failure(ResultCode.INVALID_DN_SYNTAX, () -> connection.add(malformed));
    }

    @Test
    void removingTheRdnValueIsNotAllowedOnRdn() {
        // RFC 4511 appendix A: notAllowedOnRDN. Person 7 is no posixAccount: nothing but the RDN needs its uid.
        failure(ResultCode.NOT_ALLOWED_ON_RDN, () -> connection.modify(DirectoryDataGenerator.personDn(7),
                new Modification(ModificationType.DELETE, "uid", "user.7")));
    }

    private static LDAPException failure(ResultCode expected, Executable operation) {
        LDAPException failure = assertThrows(LDAPException.class, operation);
        assertEquals(expected, failure.getResultCode(), failure.getMessage());
        assertNotNull(failure.getDiagnosticMessage(), "a diagnostic message says what is wrong");
        assertFalse(failure.getDiagnosticMessage().isBlank());
        return failure;
    }
}
