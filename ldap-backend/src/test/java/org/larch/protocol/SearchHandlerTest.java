package org.larch.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPSearchException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchHandlerTest extends ServerTest {

    @Test
    void subtreeSearchReturnsTheMatchingEntriesWithTheirValues() throws Exception {
        try (LDAPConnection connection = server.connect()) {
            SearchResult result = connection.search("dc=example,dc=com", SearchScope.SUB, "(uid=alice)");
            assertEquals(ResultCode.SUCCESS, result.getResultCode());
            assertEquals(1, result.getEntryCount());
            SearchResultEntry alice = result.getSearchEntries().getFirst();
            assertEquals("uid=alice,ou=people,dc=example,dc=com", alice.getDN());
            assertEquals("Alice Liddell", alice.getAttributeValue("cn"));
        }
    }

    @Test
    void attributeOrderAndDescriptionsAreKeptOnTheWire() throws Exception {
        directory.add(InMemoryDirectory.entry("uid=carol,ou=people,dc=example,dc=com",
                "sn", "Carol", "MAIL", "c@example.com", "cn;lang-en", "Carol", "objectClass", "inetOrgPerson",
                "uid", "carol", "description", "z", "description", "a", "cn", "Carol C"));
        try (LDAPConnection connection = server.connect()) {
            SearchResultEntry carol = connection.getEntry("uid=carol,ou=people,dc=example,dc=com");
            List<String> names = carol.getAttributes().stream().map(Attribute::getName).toList();
            assertEquals(List.of("sn", "MAIL", "cn;lang-en", "objectClass", "uid", "description", "cn"), names);
            assertArrayEquals(new String[] {"z", "a"}, carol.getAttributeValues("description"));
        }
    }

    @Test
    void missingBaseIsNoSuchObjectWithTheMatchedDn() throws Exception {
        try (LDAPConnection connection = server.connect()) {
            LDAPSearchException failure = assertThrows(LDAPSearchException.class,
                    () -> connection.search("ou=missing,ou=people,dc=example,dc=com", SearchScope.SUB, "(objectClass=*)"));
            assertEquals(ResultCode.NO_SUCH_OBJECT, failure.getResultCode());
            assertEquals("ou=people,dc=example,dc=com", failure.getMatchedDN());
            assertTrue(failure.getDiagnosticMessage().contains("ou=missing"), failure.getDiagnosticMessage());
        }
    }

    @Test
    void requestParametersReachTheDirectory() throws Exception {
        try (LDAPConnection connection = server.connect()) {
            SearchRequest request = new SearchRequest("ou=people,dc=example,dc=com", SearchScope.ONE,
                    "(&(objectClass=inetOrgPerson)(cn=B*))", "cn", "mail");
            request.setSizeLimit(7);
            request.setTimeLimitSeconds(9);
            request.setTypesOnly(true);
            SearchResult result = connection.search(request);
            assertEquals(1, result.getEntryCount());
            assertEquals(0, result.getSearchEntries().getFirst().getAttribute("cn").size());
            var spec = directory.lastSearch;
            assertEquals("ou=people,dc=example,dc=com", spec.base().getName());
            assertEquals(7, spec.sizeLimit());
            assertEquals(9, spec.timeLimitSeconds());
            assertTrue(spec.typesOnly());
            assertEquals(List.of("cn", "mail"), spec.attributes());
            assertEquals("(&(objectClass=inetOrgPerson)(cn=B*))", spec.filter().toString());
        }
    }

    @Test
    void sizeLimitExceededKeepsTheEntriesSent() throws Exception {
        try (LDAPConnection connection = server.connect()) {
            SearchRequest request = new SearchRequest("dc=example,dc=com", SearchScope.SUB, "(objectClass=*)");
            request.setSizeLimit(2);
            LDAPSearchException failure = assertThrows(LDAPSearchException.class, () -> connection.search(request));
            assertEquals(ResultCode.SIZE_LIMIT_EXCEEDED, failure.getResultCode());
            assertEquals(2, failure.getEntryCount());
        }
    }

    @Test
    void searchOnAnUnknownAttributeInTheBaseIsInvalidDnSyntax() throws Exception {
        try (LDAPConnection connection = server.connect()) {
            LDAPSearchException failure = assertThrows(LDAPSearchException.class,
                    () -> connection.search("bogusType=x,dc=example,dc=com", SearchScope.BASE, "(objectClass=*)"));
            assertEquals(ResultCode.INVALID_DN_SYNTAX, failure.getResultCode());
            assertNotNull(failure.getDiagnosticMessage());
        }
    }

    @Test
    void referralEntriesComeBackAsReferencesUnlessManageDsaIt() throws Exception {
        directory.add(InMemoryDirectory.entry("ou=remote,dc=example,dc=com", "objectClass", "referral",
                "objectClass", "extensibleObject", "ou", "remote", "ref", "ldap://other.example.com/ou=remote,dc=example,dc=com"));
        try (LDAPConnection connection = server.connect()) {
            SearchResult result = connection.search("dc=example,dc=com", SearchScope.SUB, "(ou=remote)");
            assertEquals(0, result.getEntryCount());
            assertEquals(1, result.getReferenceCount());
            assertArrayEquals(new String[] {"ldap://other.example.com/ou=remote,dc=example,dc=com"},
                    result.getSearchReferences().getFirst().getReferralURLs());
        }
    }

    @Test
    void anUnexpectedFailureIsOtherWithAMessageAndTheConnectionStays() throws Exception {
        try (LDAPConnection connection = server.connect()) {
            LDAPSearchException failure = assertThrows(LDAPSearchException.class,
                    () -> connection.search(InMemoryDirectory.FAILING_BASE, SearchScope.BASE, "(objectClass=*)"));
            assertEquals(ResultCode.OTHER, failure.getResultCode());
            assertTrue(failure.getDiagnosticMessage().contains("the fixture fails"), failure.getDiagnosticMessage());
            assertEquals(1, connection.search("dc=example,dc=com", SearchScope.BASE, "(objectClass=*)").getEntryCount());
        }
    }
}
