package org.larch.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPSearchException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.AssertionRequestControl;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import java.util.List;
import org.apache.directory.api.ldap.model.filter.AndNode;
import org.apache.directory.api.ldap.model.filter.ExtensibleNode;
import org.apache.directory.api.ldap.model.filter.OrNode;
import org.larch.backend.request.SearchSpec;
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

    @Test
    void emptyAndIsTrueAndEmptyOrIsFalse() throws Exception {
        try (LDAPConnection connection = server.connect()) {
            assertEquals(4, connection.search("dc=example,dc=com", SearchScope.SUB, Filter.create("(&)")).getEntryCount());
            assertTrue(directory.lastSearch.filter() instanceof AndNode and && and.getChildren().isEmpty());
            assertEquals(0, connection.search("dc=example,dc=com", SearchScope.SUB, Filter.create("(|)")).getEntryCount());
            assertTrue(directory.lastSearch.filter() instanceof OrNode or && or.getChildren().isEmpty());
        }
    }

    @Test
    void subordinatesScopeIsSubtreeWithoutTheBaseAndKeepsTheControls() throws Exception {
        try (LDAPConnection connection = server.connect()) {
            SearchRequest request = new SearchRequest("dc=example,dc=com", SearchScope.SUBORDINATE_SUBTREE, "(objectClass=*)");
            request.addControl(new SimplePagedResultsControl(10));
            SearchResult result = connection.search(request);
            assertEquals(3, result.getEntryCount());
            assertTrue(result.getSearchEntries().stream().noneMatch(entry -> entry.getDN().equals("dc=example,dc=com")));
            SearchSpec spec = directory.lastSearch;
            assertTrue(spec.subordinatesScope());
            assertEquals(org.apache.directory.api.ldap.model.message.SearchScope.SUBTREE, spec.scope());
            assertEquals(10, spec.paged().size());
            connection.search("dc=example,dc=com", SearchScope.SUB, "(objectClass=*)");
            assertFalse(directory.lastSearch.subordinatesScope());
        }
    }

    @Test
    void filtersTheLdapApiDecoderRefusedReachTheDirectory() throws Exception {
        try (LDAPConnection connection = server.connect()) {
            assertExtensible(connection, "(cn:caseExactMatch:=x)", "cn", "caseExactMatch", "x", false);
            assertExtensible(connection, "(ou:=sales)", "ou", null, "sales", false);
            assertExtensible(connection, "(:dn:2.5.13.5:=people)", null, "2.5.13.5", "people", true);
            assertEquals(List.of("uid=bob,ou=people,dc=example,dc=com"), connection.search("ou=people,dc=example,dc=com",
                    SearchScope.ONE, "(!(uid<=b))").getSearchEntries().stream().map(SearchResultEntry::getDN).toList());
            assertEquals("(!(uid<=b))", directory.lastSearch.filter().toString());
        }
    }

    private void assertExtensible(LDAPConnection connection, String filter, String type, String rule, String value,
            boolean dnAttributes) throws Exception {
        assertEquals(ResultCode.SUCCESS, connection.search("dc=example,dc=com", SearchScope.SUB, filter).getResultCode(), filter);
        ExtensibleNode node = (ExtensibleNode) directory.lastSearch.filter();
        assertEquals(type, node.getAttribute(), filter);
        assertEquals(rule, node.getMatchingRuleId(), filter);
        assertEquals(value, node.getValue().getString(), filter);
        assertEquals(dnAttributes, node.hasDnAttributes(), filter);
    }

    @Test
    void assertionControlOnSearchIsPassedAndTheBaseMustMatch() throws Exception {
        try (LDAPConnection connection = server.connect()) {
            SearchRequest matching = new SearchRequest("ou=people,dc=example,dc=com", SearchScope.ONE, "(objectClass=*)");
            matching.addControl(new AssertionRequestControl("(ou=people)", true));
            assertEquals(2, connection.search(matching).getEntryCount());
            assertEquals("(ou=people)", directory.lastSearch.assertion().toString());
            SearchRequest failing = new SearchRequest("ou=people,dc=example,dc=com", SearchScope.ONE, "(objectClass=*)");
            failing.addControl(new AssertionRequestControl("(!(ou=people))", true));
            LDAPSearchException failure = assertThrows(LDAPSearchException.class, () -> connection.search(failing));
            assertEquals(ResultCode.ASSERTION_FAILED, failure.getResultCode());
        }
    }
}
