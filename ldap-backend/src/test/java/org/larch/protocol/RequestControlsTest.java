package org.larch.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.Control;
import com.unboundid.ldap.sdk.DeleteRequest;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPResult;
import com.unboundid.ldap.sdk.LDAPSearchException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ModifyRequest;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.AssertionRequestControl;
import com.unboundid.ldap.sdk.controls.ManageDsaITRequestControl;
import com.unboundid.ldap.sdk.controls.MatchedValuesFilter;
import com.unboundid.ldap.sdk.controls.MatchedValuesRequestControl;
import com.unboundid.ldap.sdk.controls.PostReadRequestControl;
import com.unboundid.ldap.sdk.controls.PostReadResponseControl;
import com.unboundid.ldap.sdk.controls.PreReadRequestControl;
import com.unboundid.ldap.sdk.controls.PreReadResponseControl;
import com.unboundid.ldap.sdk.controls.ServerSideSortRequestControl;
import com.unboundid.ldap.sdk.controls.ServerSideSortResponseControl;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import com.unboundid.ldap.sdk.controls.SortKey;
import com.unboundid.ldap.sdk.controls.SubtreeDeleteRequestControl;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each supported control over the wire: what the directory receives, what the client gets back. */
class RequestControlsTest extends ServerTest {
    private static final String ALICE = "uid=alice,ou=people,dc=example,dc=com";
    private static final int ASSERTION_FAILED = 122;

    @Test
    void pagedResultsWalkTheWholeResultPageByPage() throws Exception {
        try (LDAPConnection connection = server.connect()) {
            List<String> seen = new ArrayList<>();
            ASN1OctetString cookie = null;
            int pages = 0;
            do {
                SearchRequest request = new SearchRequest("dc=example,dc=com", SearchScope.SUB, "(objectClass=*)");
                request.addControl(new SimplePagedResultsControl(3, cookie, true));
                SearchResult result = connection.search(request);
                result.getSearchEntries().forEach(entry -> seen.add(entry.getDN()));
                SimplePagedResultsControl response = SimplePagedResultsControl.get(result);
                assertNotNull(response, "paged response control");
                assertEquals(4, response.getSize());
                cookie = response.getCookie();
                pages++;
            } while (cookie.getValueLength() > 0);
            assertEquals(2, pages);
            assertEquals(4, seen.size());
            assertEquals(3, directory.lastSearch.paged().size());
        }
    }

    @Test
    void serverSideSortKeysReachTheDirectoryAndTheResultComesBack() throws Exception {
        try (LDAPConnection connection = server.connect()) {
            SearchRequest request = new SearchRequest("ou=people,dc=example,dc=com", SearchScope.ONE, "(objectClass=*)");
            request.addControl(new ServerSideSortRequestControl(true, new SortKey("cn", "caseIgnoreOrderingMatch", true)));
            SearchResult result = connection.search(request);
            ServerSideSortResponseControl response = ServerSideSortResponseControl.get(result);
            assertEquals(ResultCode.SUCCESS, response.getResultCode());
            var key = directory.lastSearch.sortKeys().getFirst();
            assertEquals("cn", key.attribute());
            assertEquals("caseIgnoreOrderingMatch", key.orderingRule());
            assertTrue(key.reverseOrder());
            assertTrue(directory.lastSearch.sortCritical());
        }
    }

    @Test
    void manageDsaItIsPassedToSearchesAndUpdates() throws Exception {
        try (LDAPConnection connection = server.connectAsRoot()) {
            SearchRequest search = new SearchRequest(ALICE, SearchScope.BASE, "(objectClass=*)");
            search.addControl(new ManageDsaITRequestControl(true));
            connection.search(search);
            assertTrue(directory.lastSearch.manageDsaIT());
            connection.delete(new DeleteRequest(ALICE, new Control[] {new ManageDsaITRequestControl(true)}));
            assertTrue(directory.lastControls.manageDsaIT());
        }
    }

    @Test
    void assertionControlDecidesWhetherTheUpdateHappens() throws Exception {
        try (LDAPConnection connection = server.connectAsRoot()) {
            ModifyRequest failing = new ModifyRequest(ALICE, new Modification(ModificationType.REPLACE, "sn", "X"));
            failing.addControl(new AssertionRequestControl("(sn=nobody)", true));
            LDAPException failure = assertThrows(LDAPException.class, () -> connection.modify(failing));
            assertEquals(ASSERTION_FAILED, failure.getResultCode().intValue());
            assertEquals("(sn=nobody)", directory.lastControls.assertion().toString());

            ModifyRequest passing = new ModifyRequest(ALICE, new Modification(ModificationType.REPLACE, "sn", "X"));
            passing.addControl(new AssertionRequestControl("(&(sn=liddell)(uid=al*))", true));
            assertEquals(ResultCode.SUCCESS, connection.modify(passing).getResultCode());
        }
    }

    @Test
    void preReadAndPostReadReturnTheEntryBeforeAndAfter() throws Exception {
        try (LDAPConnection connection = server.connectAsRoot()) {
            ModifyRequest request = new ModifyRequest(ALICE, new Modification(ModificationType.REPLACE, "sn", "After"));
            request.addControl(new PreReadRequestControl(true, "sn"));
            request.addControl(new PostReadRequestControl(true, "sn", "uid"));
            LDAPResult result = connection.modify(request);
            assertEquals(List.of("sn"), directory.lastControls.preRead());
            assertEquals(List.of("sn", "uid"), directory.lastControls.postRead());
            var before = PreReadResponseControl.get(result).getEntry();
            var after = PostReadResponseControl.get(result).getEntry();
            assertEquals(ALICE, before.getDN());
            assertEquals("Liddell", before.getAttributeValue("sn"));
            assertEquals("After", after.getAttributeValue("sn"));
            assertEquals("alice", after.getAttributeValue("uid"));
        }
    }

    @Test
    void valuesReturnFilterItemsAreDecoded() throws Exception {
        try (LDAPConnection connection = server.connect()) {
            SearchRequest request = new SearchRequest(ALICE, SearchScope.BASE, "(objectClass=*)");
            request.addControl(new MatchedValuesRequestControl(true,
                    MatchedValuesFilter.createEqualityFilter("cn", "Alice Liddell"),
                    MatchedValuesFilter.createPresentFilter("mail")));
            connection.search(request);
            List<String> items = directory.lastSearch.valuesReturnFilter().stream().map(Object::toString).toList();
            assertEquals(List.of("(cn=Alice Liddell)", "(mail=*)"), items);
        }
    }

    @Test
    void subtreeDeleteIsPassedToDelete() throws Exception {
        try (LDAPConnection connection = server.connectAsRoot()) {
            LDAPResult result = connection.delete(new DeleteRequest("ou=people,dc=example,dc=com",
                    new Control[] {new SubtreeDeleteRequestControl(true)}));
            assertEquals(ResultCode.SUCCESS, result.getResultCode());
            assertTrue(directory.lastControls.subtreeDelete());
            assertNull(directory.get(ALICE));
        }
    }

    @Test
    void unknownCriticalControlIsUnavailableCriticalExtension() throws Exception {
        try (LDAPConnection connection = server.connect()) {
            SearchRequest request = new SearchRequest(ALICE, SearchScope.BASE, "(objectClass=*)");
            request.addControl(new Control("1.2.3.4.5", true));
            LDAPSearchException failure = assertThrows(LDAPSearchException.class, () -> connection.search(request));
            assertEquals(ResultCode.UNAVAILABLE_CRITICAL_EXTENSION, failure.getResultCode());
            assertTrue(failure.getDiagnosticMessage().contains("1.2.3.4.5"), failure.getDiagnosticMessage());
        }
    }

    @Test
    void unknownNonCriticalControlIsIgnored() throws Exception {
        try (LDAPConnection connection = server.connect()) {
            SearchRequest request = new SearchRequest(ALICE, SearchScope.BASE, "(objectClass=*)");
            request.addControl(new Control("1.2.3.4.5", false, new ASN1OctetString("x")));
            assertEquals(1, connection.search(request).getEntryCount());
        }
    }

    @Test
    void criticalControlOfAnotherOperationIsRefused() throws Exception {
        try (LDAPConnection connection = server.connectAsRoot()) {
            ModifyRequest request = new ModifyRequest(ALICE, new Modification(ModificationType.REPLACE, "sn", "X"));
            request.addControl(new SimplePagedResultsControl(10, true));
            LDAPException failure = assertThrows(LDAPException.class, () -> connection.modify(request));
            assertEquals(ResultCode.UNAVAILABLE_CRITICAL_EXTENSION, failure.getResultCode());
        }
    }

    @Test
    void malformedAssertionValueIsProtocolError() throws Exception {
        try (LDAPConnection connection = server.connectAsRoot()) {
            ModifyRequest request = new ModifyRequest(ALICE, new Modification(ModificationType.REPLACE, "sn", "X"));
            request.addControl(new Control("1.3.6.1.1.12", true, new ASN1OctetString(new byte[] {0x01, 0x02, 0x03})));
            LDAPException failure = assertThrows(LDAPException.class, () -> connection.modify(request));
            assertEquals(ResultCode.PROTOCOL_ERROR, failure.getResultCode());
            assertTrue(failure.getDiagnosticMessage().contains("assertion"), failure.getDiagnosticMessage());
        }
    }
}
