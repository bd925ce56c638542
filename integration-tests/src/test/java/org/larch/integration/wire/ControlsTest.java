package org.larch.integration.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.AddRequest;
import com.unboundid.ldap.sdk.Control;
import com.unboundid.ldap.sdk.DeleteRequest;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPResult;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ModifyRequest;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
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
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.larch.integration.data.DirectoryDataGenerator;
import org.larch.integration.server.LarchServerExtension;

/**
 * Every request control the server announces: paged results, server-side sort, ManageDsaIT, assertion,
 * pre-read and post-read, values return filter, subtree delete, and criticality of unknown controls.
 */
class ControlsTest {
    private static final int PEOPLE = 300;

    @RegisterExtension
    static final LarchServerExtension LARCH = LarchServerExtension.withPeople(PEOPLE);

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
    void pagedResultsDeliverEveryEntryOnceAcrossPages() throws Exception {
        Set<String> seen = new HashSet<>();
        ASN1OctetString cookie = null;
        int pages = 0;
        do {
            SearchRequest request = new SearchRequest(DirectoryDataGenerator.PEOPLE, SearchScope.SUB, "(objectClass=inetOrgPerson)", "uid");
            request.addControl(new SimplePagedResultsControl(40, cookie, true));
            SearchResult result = connection.search(request);
            assertTrue(result.getEntryCount() <= 40, "page of " + result.getEntryCount());
            for (SearchResultEntry entry : result.getSearchEntries()) {
                assertTrue(seen.add(entry.getDN().toLowerCase()), "sent twice: " + entry.getDN());
            }
            SimplePagedResultsControl response = SimplePagedResultsControl.get(result);
            assertNotNull(response, "every page carries the paged results response control");
            cookie = response.getCookie();
            pages++;
        } while (cookie != null && cookie.getValueLength() > 0);
        assertEquals(PEOPLE, seen.size());
        assertEquals((PEOPLE + 39) / 40, pages);
    }

    @Test
    void serverSideSortOrdersBySeveralKeys() throws Exception {
        SearchRequest request = new SearchRequest(DirectoryDataGenerator.PEOPLE, SearchScope.SUB, "(objectClass=inetOrgPerson)", "sn", "uid");
        request.addControl(new ServerSideSortRequestControl(true, new SortKey("sn"), new SortKey("uid", true)));
        SearchResult result = connection.search(request);
        assertEquals(PEOPLE, result.getEntryCount());
        ServerSideSortResponseControl response = ServerSideSortResponseControl.get(result);
        assertNotNull(response);
        assertEquals(ResultCode.SUCCESS, response.getResultCode());
        List<SearchResultEntry> expected = new ArrayList<>(result.getSearchEntries());
        expected.sort(Comparator.comparing((SearchResultEntry e) -> e.getAttributeValue("sn").toLowerCase())
                .thenComparing(e -> e.getAttributeValue("uid").toLowerCase(), Comparator.reverseOrder()));
        assertEquals(expected.stream().map(SearchResultEntry::getDN).toList(),
                result.getSearchEntries().stream().map(SearchResultEntry::getDN).toList());
    }

    @Test
    void sortAndPagingTogetherGiveOneSortedSequence() throws Exception {
        List<String> uids = new ArrayList<>();
        ASN1OctetString cookie = null;
        do {
            SearchRequest request = new SearchRequest(DirectoryDataGenerator.PEOPLE, SearchScope.SUB, "(uid=*)", "uid");
            request.addControl(new ServerSideSortRequestControl(new SortKey("uid")));
            request.addControl(new SimplePagedResultsControl(70, cookie));
            SearchResult result = connection.search(request);
            result.getSearchEntries().forEach(e -> uids.add(e.getAttributeValue("uid")));
            cookie = SimplePagedResultsControl.get(result).getCookie();
        } while (cookie != null && cookie.getValueLength() > 0);
        List<String> sorted = new ArrayList<>(uids);
        sorted.sort(Comparator.comparing(String::toLowerCase));
        assertEquals(PEOPLE, uids.size());
        assertEquals(sorted, uids);
    }

    @Test
    void manageDsaItIsAcceptedOnSearchAndUpdate() throws Exception {
        SearchRequest search = new SearchRequest(DirectoryDataGenerator.SUFFIX, SearchScope.BASE, "(objectClass=*)");
        search.addControl(new ManageDsaITRequestControl(true));
        assertEquals(1, connection.search(search).getEntryCount());
        ModifyRequest modify = new ModifyRequest(DirectoryDataGenerator.personDn(1),
                new Modification(ModificationType.REPLACE, "description", "managed"));
        modify.addControl(new ManageDsaITRequestControl(true));
        assertEquals(ResultCode.SUCCESS, connection.modify(modify).getResultCode());
    }

    @Test
    void assertionLetsTheUpdateThroughOnlyWhenTheEntryMatches() throws Exception {
        String dn = DirectoryDataGenerator.personDn(2);
        String sn = connection.getEntry(dn).getAttributeValue("sn");
        ModifyRequest passing = new ModifyRequest(dn, new Modification(ModificationType.REPLACE, "description", "asserted"));
        passing.addControl(new AssertionRequestControl("(sn=" + sn + ")"));
        assertEquals(ResultCode.SUCCESS, connection.modify(passing).getResultCode());

        ModifyRequest failing = new ModifyRequest(dn, new Modification(ModificationType.REPLACE, "description", "must not happen"));
        failing.addControl(new AssertionRequestControl("(sn=NotThe" + sn + ")"));
        LDAPException failure = assertThrows(LDAPException.class, () -> connection.modify(failing));
        assertEquals(ResultCode.ASSERTION_FAILED, failure.getResultCode());
        assertEquals("asserted", connection.getEntry(dn).getAttributeValue("description"));

        SearchRequest search = new SearchRequest(dn, SearchScope.BASE, "(objectClass=*)");
        search.addControl(new AssertionRequestControl("(sn=NotThe" + sn + ")"));
        LDAPException searchFailure = assertThrows(LDAPException.class, () -> connection.search(search));
        assertEquals(ResultCode.ASSERTION_FAILED, searchFailure.getResultCode());
    }

    @Test
    void preReadAndPostReadReturnTheEntryBeforeAndAfter() throws Exception {
        String dn = DirectoryDataGenerator.personDn(3);
        connection.modify(dn, new Modification(ModificationType.REPLACE, "description", "before"));
        ModifyRequest modify = new ModifyRequest(dn, new Modification(ModificationType.REPLACE, "description", "after"));
        modify.addControl(new PreReadRequestControl("description"));
        modify.addControl(new PostReadRequestControl("description", "entryCSN"));
        LDAPResult result = connection.modify(modify);
        PreReadResponseControl pre = PreReadResponseControl.get(result);
        PostReadResponseControl post = PostReadResponseControl.get(result);
        assertNotNull(pre);
        assertNotNull(post);
        assertEquals("before", pre.getEntry().getAttributeValue("description"));
        assertEquals("after", post.getEntry().getAttributeValue("description"));
        assertNotNull(post.getEntry().getAttributeValue("entryCSN"), "post-read sees operational attributes asked for");
        assertNull(pre.getEntry().getAttribute("sn"), "only the requested attributes");
    }

    @Test
    void postReadOnAddReturnsTheGeneratedEntryUuid() throws Exception {
        AddRequest add = new AddRequest(new Entry("dn: ou=post-read," + DirectoryDataGenerator.SUFFIX,
                "objectClass: organizationalUnit", "ou: post-read"));
        add.addControl(new PostReadRequestControl("entryUUID"));
        PostReadResponseControl post = PostReadResponseControl.get(connection.add(add));
        assertNotNull(post);
        assertTrue(post.getEntry().getAttributeValue("entryUUID").matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"));
    }

    @Test
    void valuesReturnFilterReturnsOnlyTheMatchingValues() throws Exception {
        Entry multi = LARCH.entries().stream()
                .filter(e -> e.hasAttribute("description") && e.getAttribute("description").size() > 1 && e.hasAttribute("sn"))
                .filter(e -> !e.getDN().equals(DirectoryDataGenerator.personDn(1)) && !e.getDN().equals(DirectoryDataGenerator.personDn(2))
                        && !e.getDN().equals(DirectoryDataGenerator.personDn(3)))
                .findFirst().orElseThrow();
        String wanted = multi.getAttribute("description").getValues()[1];
        SearchRequest request = new SearchRequest(multi.getDN(), SearchScope.BASE, "(objectClass=*)", "description", "sn");
        request.addControl(new MatchedValuesRequestControl(MatchedValuesFilter.createEqualityFilter("description", wanted)));
        SearchResultEntry entry = connection.search(request).getSearchEntries().getFirst();
        assertEquals(List.of(wanted), List.of(entry.getAttributeValues("description")));
    }

    @Test
    void subtreeDeleteRemovesANonLeafWithEverythingUnderIt() throws Exception {
        String unit = "ou=doomed," + DirectoryDataGenerator.SUFFIX;
        connection.add("dn: " + unit, "objectClass: organizationalUnit", "ou: doomed");
        connection.add("dn: ou=inner," + unit, "objectClass: organizationalUnit", "ou: inner");
        connection.add("dn: ou=deeper,ou=inner," + unit, "objectClass: organizationalUnit", "ou: deeper");
        LDAPException refused = assertThrows(LDAPException.class, () -> connection.delete(unit));
        assertEquals(ResultCode.NOT_ALLOWED_ON_NONLEAF, refused.getResultCode());

        DeleteRequest delete = new DeleteRequest(unit);
        delete.addControl(new SubtreeDeleteRequestControl(true));
        assertEquals(ResultCode.SUCCESS, connection.delete(delete).getResultCode());
        assertNull(connection.getEntry(unit));
        assertNull(connection.getEntry("ou=deeper,ou=inner," + unit));
    }

    @Test
    void unknownCriticalControlIsRefusedAndUnknownNonCriticalIgnored() throws Exception {
        SearchRequest critical = new SearchRequest(DirectoryDataGenerator.SUFFIX, SearchScope.BASE, "(objectClass=*)");
        critical.addControl(new Control("1.3.6.1.4.1.99999.1.2.3", true));
        LDAPException failure = assertThrows(LDAPException.class, () -> connection.search(critical));
        assertEquals(ResultCode.UNAVAILABLE_CRITICAL_EXTENSION, failure.getResultCode());

        ModifyRequest criticalModify = new ModifyRequest(DirectoryDataGenerator.personDn(4),
                new Modification(ModificationType.REPLACE, "description", "must not happen"));
        criticalModify.addControl(new Control("1.3.6.1.4.1.99999.1.2.3", true));
        assertEquals(ResultCode.UNAVAILABLE_CRITICAL_EXTENSION,
                assertThrows(LDAPException.class, () -> connection.modify(criticalModify)).getResultCode());
        assertTrue(!"must not happen".equals(connection.getEntry(DirectoryDataGenerator.personDn(4)).getAttributeValue("description")));

        SearchRequest nonCritical = new SearchRequest(DirectoryDataGenerator.SUFFIX, SearchScope.BASE, "(objectClass=*)");
        nonCritical.addControl(new Control("1.3.6.1.4.1.99999.1.2.3", false));
        assertEquals(1, connection.search(nonCritical).getEntryCount());
    }
}
