package org.larch.integration.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.larch.integration.data.DirectoryDataGenerator;
import org.larch.integration.server.LarchServerExtension;

/** Searches over the generated directory: every scope, every filter type, attribute selection. */
class SearchTest {
    @RegisterExtension
    static final LarchServerExtension LARCH = LarchServerExtension.withPeople(120);
    private static final String SUFFIX = DirectoryDataGenerator.SUFFIX;
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

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3})
    void eachScopeReturnsExactlyTheEntriesInIt(int scopeValue) throws Exception {
        SearchScope scope = SearchScope.valueOf(scopeValue);
        for (String base : List.of(SUFFIX, DirectoryDataGenerator.PEOPLE, SALES, DirectoryDataGenerator.personDn(0))) {
            SearchResult result = connection.search(base, scope, "(objectClass=*)", "1.1");
            assertEquals(Expected.dns(LARCH.entries(), base, scope, "(objectClass=*)"), Expected.dns(result),
                    "scope " + scope + " under " + base);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "(uid=user.7)", "(UID=USER.7)", "(cn=Anna Adler)", "(sn=schmidt)", "(mail=*)", "(roomNumber=*)",
        "(cn=An*)", "(cn=*er)", "(cn=*n*m*)", "(cn=A*a *r)", "(mail=*.1*@example.com)", "(telephoneNumber=+1555*)",
        "(uidNumber>=10030)", "(uidNumber<=10009)", "(&(uidNumber>=10003)(uidNumber<=10060))",
        "(&(objectClass=person)(|(sn=Koch)(sn=Wolf)))", "(&(objectClass=inetOrgPerson)(!(givenName=Anna)))",
        "(|(uid=user.1)(uid=user.2)(cn=group-1))", "(!(objectClass=person))", "(&)", "(!(|))",
        "(description=*ocean*)", "(member=" + "uid=user.5,ou=sales,ou=people,dc=example,dc=com" + ")",
        "(cn;lang-de=*)", "(objectClass=posixAccount)", "(employeeNumber=1010)",
    })
    void filterSelectsTheMatchingEntries(String filter) throws Exception {
        SearchResult result = connection.search(SUFFIX, SearchScope.SUB, filter, "1.1");
        assertEquals(Expected.dns(LARCH.entries(), SUFFIX, SearchScope.SUB, filter), Expected.dns(result), filter);
    }

    @Test
    void filterOnATypeMatchesValuesOfItsLanguageTaggedSubtypes() throws Exception {
        Entry tagged = LARCH.entries().stream().filter(e -> e.hasAttribute("cn;lang-de")
                && !e.getAttribute("cn;lang-de").getValue().equals(e.getAttributeValue("cn"))).findFirst().orElseThrow();
        String germanName = tagged.getAttribute("cn;lang-de").getValue();
        SearchResult result = connection.search(SUFFIX, SearchScope.SUB, "(cn=" + germanName + ")", "1.1");
        assertTrue(Expected.dns(result).contains(Expected.normalized(tagged.getParsedDN())),
                "RFC 4512 2.5: (cn=" + germanName + ") matches cn;lang-de of " + tagged.getDN());
    }

    @Test
    void approximateMatchFindsAtLeastTheEqualValues() throws Exception {
        SearchResult result = connection.search(SUFFIX, SearchScope.SUB, "(sn~=Schmidt)", "1.1");
        Set<String> equal = Expected.dns(LARCH.entries(), SUFFIX, SearchScope.SUB, "(sn=Schmidt)");
        assertFalse(equal.isEmpty());
        assertTrue(Expected.dns(result).containsAll(equal), "approx includes equality matches");
        assertTrue(Expected.dns(result).stream().noneMatch(dn -> dn.contains("cn=group")), "no group has an sn");
    }

    @Test
    void extensibleMatchWithAMatchingRuleIsExact() throws Exception {
        Entry person = LARCH.entries().get(10);
        String cn = person.getAttributeValue("cn");
        Set<String> exact = Expected.dns(LARCH.entries(), e -> e.hasAttributeValue("cn", cn));
        assertEquals(exact, Expected.dns(connection.search(SUFFIX, SearchScope.SUB, "(cn:caseExactMatch:=" + cn + ")", "1.1")));
        assertEquals(Set.of(), Expected.dns(connection.search(SUFFIX, SearchScope.SUB,
                "(cn:caseExactMatch:=" + cn.toUpperCase() + ")", "1.1")));
        assertEquals(exact, Expected.dns(connection.search(SUFFIX, SearchScope.SUB, "(cn:2.5.13.2:=" + cn.toUpperCase() + ")", "1.1")),
                "2.5.13.2 is caseIgnoreMatch");
    }

    @Test
    void extensibleMatchWithDnAttributesMatchesDnComponents() throws Exception {
        Set<String> inSales = Expected.dns(LARCH.entries(), e -> {
            try {
                return e.getParsedDN().isDescendantOf(new DN(SALES), true);
            } catch (Exception failure) {
                throw new IllegalStateException(failure);
            }
        });
        assertEquals(inSales, Expected.dns(connection.search(SUFFIX, SearchScope.SUB, "(ou:dn:=sales)", "1.1")));
        Set<String> ownOuSales = Expected.dns(LARCH.entries(), e -> e.hasAttributeValue("ou", "sales")
                || e.hasAttributeValue("ou", "Sales"));
        assertEquals(ownOuSales, Expected.dns(connection.search(SUFFIX, SearchScope.SUB, "(ou:=sales)", "1.1")),
                "without :dn: only the entries' own ou values count: the sales department itself, no person");
        assertTrue(ownOuSales.size() < inSales.size(), "the :dn: form must match more than the entries' own values");
    }

    @Test
    void orderingFilterOnATypeWithoutOrderingRuleIsUndefined() throws Exception {
        assertEquals(0, connection.search(SUFFIX, SearchScope.SUB, "(employeeNumber>=1000)", "1.1").getEntryCount(),
                "employeeNumber has no ORDERING rule: the filter is Undefined for every entry");
    }

    @Test
    void undefinedAttributeTypeIsUndefinedNotAnErrorEvenUnderNot() throws Exception {
        assertEquals(0, connection.search(SUFFIX, SearchScope.SUB, "(noSuchAttribute=x)", "1.1").getEntryCount());
        assertEquals(0, connection.search(SUFFIX, SearchScope.SUB, "(!(noSuchAttribute=x))", "1.1").getEntryCount(),
                "NOT of Undefined is Undefined (RFC 4511 4.5.1.7)");
    }

    @Test
    void entriesComeBackAsStoredWithValuesAndAttributeOrderKept() throws Exception {
        Entry stored = LARCH.entries().stream().filter(e -> e.hasAttribute("cn;lang-de")).findFirst().orElseThrow();
        SearchResultEntry returned = connection.getEntry(stored.getDN());
        assertNotNull(returned);
        List<String> storedNames = stored.getAttributes().stream().map(Attribute::getName).toList();
        List<String> returnedNames = returned.getAttributes().stream().map(Attribute::getName).toList();
        assertEquals(storedNames, returnedNames, "attribute order and the client's spelling, no operational attributes");
        for (Attribute attribute : stored.getAttributes()) {
            assertArrayEquals(attribute.getValues(), returned.getAttribute(attribute.getName()).getValues(),
                    attribute.getName() + " values in stored order");
        }
        assertEquals(List.of("top", "person", "organizationalPerson", "inetOrgPerson"),
                List.of(stored.getObjectClassValues()).subList(0, 4), "no superclasses added");
    }

    @Test
    void attributeListSelectsByNameWithOptionsAndSpecialNames() throws Exception {
        Entry stored = LARCH.entries().stream().filter(e -> e.hasAttribute("cn;lang-de")).findFirst().orElseThrow();
        SearchResultEntry cnOnly = connection.searchForEntry(stored.getDN(), SearchScope.BASE, "(objectClass=*)", "cn");
        assertEquals(Set.of("cn", "cn;lang-de"), names(cnOnly), "cn includes its tagged subtypes");
        SearchResultEntry taggedOnly = connection.searchForEntry(stored.getDN(), SearchScope.BASE, "(objectClass=*)", "cn;lang-de");
        assertEquals(Set.of("cn;lang-de"), names(taggedOnly));
        SearchResultEntry none = connection.searchForEntry(stored.getDN(), SearchScope.BASE, "(objectClass=*)", "1.1");
        assertEquals(Set.of(), names(none));
        SearchResultEntry operational = connection.searchForEntry(stored.getDN(), SearchScope.BASE, "(objectClass=*)", "+");
        assertTrue(operational.hasAttribute("entryUUID") && !operational.hasAttribute("sn"), names(operational).toString());
        SearchResultEntry both = connection.searchForEntry(stored.getDN(), SearchScope.BASE, "(objectClass=*)", "*", "+");
        assertTrue(both.hasAttribute("entryUUID") && both.hasAttribute("sn"));
        SearchResultEntry userAndOne = connection.searchForEntry(stored.getDN(), SearchScope.BASE, "(objectClass=*)", "*", "entryCSN");
        assertTrue(userAndOne.hasAttribute("entryCSN") && !userAndOne.hasAttribute("entryUUID"));
    }

    @Test
    void typesOnlyReturnsNamesWithoutValues() throws Exception {
        SearchRequest request = new SearchRequest(DirectoryDataGenerator.personDn(1), SearchScope.BASE, "(objectClass=*)", "sn", "mail");
        request.setTypesOnly(true);
        SearchResultEntry entry = connection.search(request).getSearchEntries().getFirst();
        assertEquals(Set.of("sn", "mail"), names(entry));
        assertEquals(0, entry.getAttribute("sn").size());
    }

    @Test
    void baseSearchOfAMissingEntryNamesTheDeepestExistingAncestor() throws Exception {
        var failure = org.junit.jupiter.api.Assertions.assertThrows(com.unboundid.ldap.sdk.LDAPSearchException.class, () ->
                connection.search("uid=ghost,ou=nowhere," + SALES, SearchScope.BASE, "(objectClass=*)"));
        assertEquals(com.unboundid.ldap.sdk.ResultCode.NO_SUCH_OBJECT, failure.getResultCode());
        assertEquals(new DN(SALES), new DN(failure.getMatchedDN()));
        assertNull(connection.getEntry("uid=ghost," + SALES));
    }

    static Set<String> names(Entry entry) {
        return entry.getAttributes().stream().map(a -> a.getName().toLowerCase()).collect(java.util.stream.Collectors.toSet());
    }
}
