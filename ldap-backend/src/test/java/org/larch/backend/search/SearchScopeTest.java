package org.larch.backend.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.larch.backend.search.SearchFixture.SUFFIX;

import java.nio.file.Path;
import java.util.List;
import org.apache.directory.api.ldap.model.message.ResultCodeEnum;
import org.apache.directory.api.ldap.model.message.SearchScope;
import org.larch.backend.Identity;
import org.larch.backend.LdapOperationException;
import org.larch.backend.request.SearchOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchScopeTest {
    @TempDir
    Path directory;

    private SearchFixture fixture;

    @BeforeEach
    void open() {
        fixture = SearchFixture.populated(directory, new SearchSettings(0, 0, 1000));
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void baseScopeReturnsTheBaseOnly() {
        CollectingSink sink = run(Specs.search("ou=people," + SUFFIX, SearchScope.OBJECT, "(objectClass=*)"));
        assertEquals(List.of("ou=People,dc=example,dc=com"), sink.dns());
    }

    @Test
    void oneLevelReturnsTheChildren() {
        CollectingSink sink = run(Specs.search(SUFFIX, SearchScope.ONELEVEL, "(objectClass=*)"));
        assertEquals(List.of("ou=People,dc=example,dc=com", "ou=Groups,dc=example,dc=com", "ou=Alias,dc=example,dc=com"),
                sink.dns());
    }

    @Test
    void subtreeReturnsEverythingBelowAndTheBase() {
        CollectingSink sink = run(Specs.search(SUFFIX, SearchScope.SUBTREE, "(objectClass=*)"));
        assertEquals(1 + 3 + SearchFixture.PEOPLE + 1, sink.entries.size());
        assertEquals(SUFFIX, sink.dns().getFirst());
    }

    @Test
    void childrenScopeLeavesOutTheBase() {
        CollectingSink sink = new CollectingSink();
        fixture.search.search(Identity.anonymous(),
                Specs.search("ou=People," + SUFFIX, SearchScope.SUBTREE, "(objectClass=*)").build(), Scope.CHILDREN, sink);
        assertEquals(SearchFixture.PEOPLE, sink.entries.size());
        assertTrue(sink.dns().stream().allMatch(dn -> dn.startsWith("uid=user.")));
    }

    /** Regression: scope 3 from the wire (SUBTREE + subordinatesScope) returned the base too. */
    @Test
    void theSubordinatesScopeOfTheRequestLeavesOutTheBase() {
        CollectingSink sink = run(Specs.search("ou=People," + SUFFIX, SearchScope.SUBTREE, "(objectClass=*)")
                .subordinates());
        assertEquals(SearchFixture.PEOPLE, sink.entries.size());
        assertTrue(sink.dns().stream().allMatch(dn -> dn.startsWith("uid=user.")), String.valueOf(sink.dns()));
        CollectingSink leaf = run(Specs.search("uid=user.3,ou=People," + SUFFIX, SearchScope.SUBTREE,
                "(objectClass=*)").subordinates());
        assertEquals(List.of(), leaf.dns(), "a leaf has no subordinates");
    }

    @Test
    void theFilterDecides() {
        CollectingSink sink = run(Specs.search(SUFFIX, SearchScope.SUBTREE, "(&(description=even)(sn=surname0))"));
        assertEquals(List.of("uid=user.0,ou=People,dc=example,dc=com", "uid=user.6,ou=People,dc=example,dc=com"),
                sink.dns().stream().sorted().toList());
    }

    @Test
    void aDnAttributesMatchSeesTheEntriesDn() {
        CollectingSink sink = run(Specs.search(SUFFIX, SearchScope.SUBTREE, "(ou:dn:=people)"));
        assertEquals(1 + SearchFixture.PEOPLE, sink.entries.size());
        assertEquals(0, run(Specs.search(SUFFIX, SearchScope.SUBTREE, "(&(uid=user.1)(ou:=people))")).entries.size());
        assertEquals(List.of("uid=user.1,ou=People,dc=example,dc=com"),
                run(Specs.search(SUFFIX, SearchScope.SUBTREE, "(&(uid=user.1)(ou:dn:=people))")).dns());
    }

    @Test
    void aMissingBaseIsNoSuchObjectWithTheMatchedDn() {
        LdapOperationException missing = assertThrows(LdapOperationException.class,
                () -> run(Specs.search("uid=nobody,ou=People," + SUFFIX, SearchScope.SUBTREE, "(objectClass=*)")));
        assertEquals(ResultCodeEnum.NO_SUCH_OBJECT, missing.resultCode());
        assertEquals("ou=People,dc=example,dc=com", missing.matchedDn().getName());
    }

    @Test
    void theRootDseAndTheSubschemaEntryAnswerBaseSearches() {
        CollectingSink root = run(Specs.search("", SearchScope.OBJECT, "(objectClass=*)").attributes("+"));
        assertEquals(List.of(SUFFIX), root.values("namingContexts"));
        CollectingSink subschema = run(Specs.search("CN=subschema", SearchScope.OBJECT, "(objectClass=subschema)"));
        assertEquals(List.of("cn=Subschema"), subschema.dns());
        assertThrows(LdapOperationException.class, () -> run(Specs.search("", SearchScope.SUBTREE, "(objectClass=*)")));
    }

    @Test
    void referralEntriesBecomeReferencesUnlessManageDsaIt() {
        try (var writer = fixture.store.beginWrite()) {
            SearchFixture.add(writer, org.larch.backend.store.StoreFixture.entry("ou=Elsewhere," + SUFFIX,
                    "objectClass", "referral", "objectClass", "extensibleObject", "ou", "Elsewhere",
                    "ref", "ldap://other.example.com/ou=Elsewhere,dc=example,dc=com"));
            writer.commit();
        }
        CollectingSink sink = run(Specs.search(SUFFIX, SearchScope.ONELEVEL, "(ou=nothing)"));
        assertEquals(List.of(List.of("ldap://other.example.com/ou=Elsewhere,dc=example,dc=com")), sink.references);
        CollectingSink managed = run(Specs.search(SUFFIX, SearchScope.ONELEVEL, "(ou=Elsewhere)").manageDsaIT());
        assertEquals(List.of("ou=Elsewhere,dc=example,dc=com"), managed.dns());
        LdapOperationException below = assertThrows(LdapOperationException.class,
                () -> run(Specs.search("cn=x,ou=Elsewhere," + SUFFIX, SearchScope.OBJECT, "(objectClass=*)")));
        assertEquals(ResultCodeEnum.REFERRAL, below.resultCode());
        LdapOperationException referral = assertThrows(LdapOperationException.class,
                () -> run(Specs.search("ou=Elsewhere," + SUFFIX, SearchScope.OBJECT, "(objectClass=*)")));
        assertEquals(ResultCodeEnum.REFERRAL, referral.resultCode());
    }

    private CollectingSink run(Specs specs) {
        CollectingSink sink = new CollectingSink();
        SearchOutcome outcome = fixture.search.search(Identity.anonymous(), specs.build(), sink);
        assertEquals(ResultCodeEnum.SUCCESS, outcome.resultCode());
        assertEquals(sink.entries.size(), outcome.entriesSent());
        return sink;
    }
}
