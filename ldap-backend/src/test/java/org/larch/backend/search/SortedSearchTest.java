package org.larch.backend.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.larch.backend.search.SearchFixture.SUFFIX;

import java.nio.file.Path;
import java.util.List;
import org.apache.directory.api.ldap.model.message.ResultCodeEnum;
import org.apache.directory.api.ldap.model.message.SearchScope;
import org.larch.backend.Identity;
import org.larch.backend.LdapOperationException;
import org.larch.backend.request.SearchOutcome;
import org.larch.backend.request.SearchSpec.SortKey;
import org.larch.backend.store.StoreWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SortedSearchTest {
    private static final String PEOPLE = "ou=People," + SUFFIX;

    @TempDir
    Path directory;

    private SearchFixture fixture;

    @BeforeEach
    void open() {
        fixture = SearchFixture.populated(directory, new SearchSettings(0, 0, 3));
        try (StoreWriter writer = fixture.store.beginWrite()) {
            SearchFixture.add(writer, SearchFixture.person(10));
            SearchFixture.add(writer, SearchFixture.person(100));
            writer.commit();
        }
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void integersSortAsNumbersAscendingAndDescending() {
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "100"),
                sorted(new SortKey("uidNumber", null, false)).values("uidNumber"));
        assertEquals(List.of("100", "10", "9", "8", "7", "6", "5", "4", "3", "2", "1", "0"),
                sorted(new SortKey("uidNumber", null, true)).values("uidNumber"));
    }

    @Test
    void tiesFallToTheNextKey() {
        CollectingSink sink = sorted(new SortKey("sn", null, false), new SortKey("uidNumber", "integerOrderingMatch", true));
        assertEquals(List.of("9", "6", "3", "0", "100", "10", "7", "4", "1", "8", "5", "2"), sink.values("uidNumber"));
    }

    @Test
    void anUnknownAttributeReturnsUnsortedResultsWithTheReason() {
        CollectingSink sink = new CollectingSink();
        SearchOutcome outcome = fixture.search.search(Identity.anonymous(), Specs.search(PEOPLE, SearchScope.ONELEVEL,
                "(objectClass=person)").sort(false, new SortKey("noSuchType", null, false)).build(), sink);
        assertEquals(ResultCodeEnum.SUCCESS, outcome.resultCode());
        assertEquals(ResultCodeEnum.NO_SUCH_ATTRIBUTE, outcome.sortResult());
        assertEquals("noSuchType", outcome.sortAttribute());
        assertEquals(12, sink.entries.size());
    }

    @Test
    void anInappropriateRuleIsReported() {
        SearchOutcome outcome = fixture.search.search(Identity.anonymous(), Specs.search(PEOPLE, SearchScope.ONELEVEL,
                "(objectClass=person)").sort(false, new SortKey("cn", "integerOrderingMatch", false)).build(),
                new CollectingSink());
        assertEquals(ResultCodeEnum.INAPPROPRIATE_MATCHING, outcome.sortResult());
    }

    @Test
    void aCriticalSortThatCannotBeDoneFailsTheSearch() {
        CollectingSink sink = new CollectingSink();
        LdapOperationException failed = assertThrows(LdapOperationException.class, () -> fixture.search.search(
                Identity.anonymous(), Specs.search(PEOPLE, SearchScope.ONELEVEL, "(objectClass=person)")
                        .sort(true, new SortKey("noSuchType", null, false)).build(), sink));
        assertEquals(ResultCodeEnum.UNAVAILABLE_CRITICAL_EXTENSION, failed.resultCode());
        assertEquals(0, sink.entries.size());
    }

    @Test
    void aSuccessfulSortReportsSuccess() {
        CollectingSink sink = new CollectingSink();
        SearchOutcome outcome = fixture.search.search(Identity.anonymous(), Specs.search(PEOPLE, SearchScope.ONELEVEL,
                "(objectClass=person)").sort(true, new SortKey("cn", null, false)).build(), sink);
        assertEquals(ResultCodeEnum.SUCCESS, outcome.sortResult());
        assertNull(outcome.sortAttribute());
    }

    private CollectingSink sorted(SortKey... keys) {
        CollectingSink sink = new CollectingSink();
        SearchOutcome outcome = fixture.search.search(Identity.anonymous(), Specs.search(PEOPLE, SearchScope.ONELEVEL,
                "(objectClass=person)").attributes("uidNumber").sort(true, keys).build(), sink);
        assertEquals(ResultCodeEnum.SUCCESS, outcome.sortResult());
        return sink;
    }
}
