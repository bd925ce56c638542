package org.larch.backend.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.larch.backend.search.SearchFixture.SUFFIX;
import static org.larch.backend.store.StoreFixture.entry;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import org.apache.directory.api.ldap.model.message.AliasDerefMode;
import org.apache.directory.api.ldap.model.message.ResultCodeEnum;
import org.apache.directory.api.ldap.model.message.SearchScope;
import org.larch.backend.Identity;
import org.larch.backend.LdapOperationException;
import org.larch.backend.store.StoreWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AliasSearchTest {
    @TempDir
    Path directory;

    private SearchFixture fixture;

    @BeforeEach
    void open() {
        fixture = SearchFixture.populated(directory, new SearchSettings(0, 0, 4));
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void neverDereferencingReturnsTheAliasEntryItself() {
        CollectingSink sink = run(Specs.search(SUFFIX, SearchScope.ONELEVEL, "(objectClass=*)"));
        assertTrue(sink.dns().contains("ou=Alias,dc=example,dc=com"));
    }

    @Test
    void dereferencingWhileSearchingVisitsTheTargetOnce() {
        CollectingSink sink = run(Specs.search(SUFFIX, SearchScope.SUBTREE, "(objectClass=person)")
                .deref(AliasDerefMode.DEREF_IN_SEARCHING));
        assertEquals(SearchFixture.PEOPLE, sink.entries.size());
        assertEquals(SearchFixture.PEOPLE, new HashSet<>(sink.dns()).size());
        CollectingSink oneLevel = run(Specs.search(SUFFIX, SearchScope.ONELEVEL, "(objectClass=*)")
                .deref(AliasDerefMode.DEREF_ALWAYS));
        assertEquals(List.of("ou=People,dc=example,dc=com", "ou=Groups,dc=example,dc=com"), oneLevel.dns());
    }

    @Test
    void findingTheBaseFollowsTheAlias() {
        CollectingSink sink = run(Specs.search("ou=Alias," + SUFFIX, SearchScope.ONELEVEL, "(objectClass=person)")
                .deref(AliasDerefMode.DEREF_FINDING_BASE_OBJ));
        assertEquals(SearchFixture.PEOPLE, sink.entries.size());
        CollectingSink notFollowed = run(Specs.search("ou=Alias," + SUFFIX, SearchScope.ONELEVEL, "(objectClass=person)")
                .deref(AliasDerefMode.DEREF_IN_SEARCHING));
        assertEquals(0, notFollowed.entries.size());
    }

    @Test
    void aLoopOfAliasesIsAnAliasProblem() {
        try (StoreWriter writer = fixture.store.beginWrite()) {
            SearchFixture.add(writer, entry("ou=LoopA," + SUFFIX, "objectClass", "alias", "objectClass", "extensibleObject",
                    "ou", "LoopA", "aliasedObjectName", "ou=LoopB," + SUFFIX));
            SearchFixture.add(writer, entry("ou=LoopB," + SUFFIX, "objectClass", "alias", "objectClass", "extensibleObject",
                    "ou", "LoopB", "aliasedObjectName", "ou=LoopA," + SUFFIX));
            writer.commit();
        }
        LdapOperationException loop = assertThrows(LdapOperationException.class, () -> run(Specs.search(
                "ou=LoopA," + SUFFIX, SearchScope.OBJECT, "(objectClass=*)").deref(AliasDerefMode.DEREF_ALWAYS)));
        assertEquals(ResultCodeEnum.ALIAS_PROBLEM, loop.resultCode());
        CollectingSink searching = run(Specs.search(SUFFIX, SearchScope.SUBTREE, "(objectClass=person)")
                .deref(AliasDerefMode.DEREF_IN_SEARCHING));
        assertEquals(SearchFixture.PEOPLE, searching.entries.size());
    }

    private CollectingSink run(Specs specs) {
        CollectingSink sink = new CollectingSink();
        assertEquals(ResultCodeEnum.SUCCESS, fixture.search.search(Identity.anonymous(), specs.build(), sink).resultCode());
        return sink;
    }
}
