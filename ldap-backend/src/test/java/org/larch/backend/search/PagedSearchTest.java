package org.larch.backend.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.larch.backend.search.SearchFixture.SUFFIX;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
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

class PagedSearchTest {
    @TempDir
    Path directory;

    private SearchFixture fixture;

    @BeforeEach
    void open() {
        fixture = SearchFixture.populated(directory, new SearchSettings(0, 0, 2));
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void allPagesTogetherAreTheFullResultWithoutDuplicates() {
        List<String> whole = fullResult(Specs.search(SUFFIX, SearchScope.SUBTREE, "(objectClass=*)"));
        List<String> paged = allPages(() -> Specs.search(SUFFIX, SearchScope.SUBTREE, "(objectClass=*)"), 3, 0);
        assertEquals(whole, paged);
        assertEquals(new HashSet<>(paged).size(), paged.size());
    }

    @Test
    void sortedPagesFollowTheSortOrder() {
        List<String> paged = allPages(() -> Specs.search("ou=People," + SUFFIX, SearchScope.ONELEVEL, "(objectClass=person)")
                .sort(false, new SortKey("uidNumber", null, true)), 4, 0);
        assertEquals(List.of("9", "8", "7", "6", "5", "4", "3", "2", "1", "0"),
                paged.stream().map(dn -> dn.substring("uid=user.".length(), "uid=user.".length() + 1)).toList());
    }

    @Test
    void entriesAddedBetweenPagesDoNotShiftTheNextPage() {
        List<String> seen = new ArrayList<>();
        CollectingSink first = new CollectingSink();
        SearchOutcome outcome = fixture.search.search(Identity.anonymous(), Specs.search("ou=People," + SUFFIX,
                SearchScope.ONELEVEL, "(objectClass=person)").paged(4, new byte[0]).build(), first);
        seen.addAll(first.dns());
        try (StoreWriter writer = fixture.store.beginWrite()) {
            SearchFixture.add(writer, SearchFixture.person(42));
            writer.commit();
        }
        byte[] cookie = outcome.pagedCookie();
        while (cookie.length > 0) {
            CollectingSink page = new CollectingSink();
            cookie = fixture.search.search(Identity.anonymous(), Specs.search("ou=People," + SUFFIX,
                    SearchScope.ONELEVEL, "(objectClass=person)").paged(4, cookie).build(), page).pagedCookie();
            seen.addAll(page.dns());
        }
        assertEquals(SearchFixture.PEOPLE + 1, seen.size());
        assertEquals(seen.size(), new HashSet<>(seen).size());
    }

    @Test
    void aMalformedCookieIsAProtocolErrorAndAForeignOneIsRefused() {
        LdapOperationException malformed = assertThrows(LdapOperationException.class, () -> fixture.search.search(
                Identity.anonymous(), Specs.search(SUFFIX, SearchScope.SUBTREE, "(objectClass=*)")
                        .paged(3, new byte[] {1, 2, 3}).build(), new CollectingSink()));
        assertEquals(ResultCodeEnum.PROTOCOL_ERROR, malformed.resultCode());

        byte[] cookie = fixture.search.search(Identity.anonymous(), Specs.search(SUFFIX, SearchScope.SUBTREE,
                "(objectClass=*)").paged(3, new byte[0]).build(), new CollectingSink()).pagedCookie();
        LdapOperationException foreign = assertThrows(LdapOperationException.class, () -> fixture.search.search(
                Identity.anonymous(), Specs.search(SUFFIX, SearchScope.SUBTREE, "(cn=*)").paged(3, cookie).build(),
                new CollectingSink()));
        assertEquals(ResultCodeEnum.UNWILLING_TO_PERFORM, foreign.resultCode());
    }

    @Test
    void pageSizeZeroEndsThePagedSearch() {
        SearchOutcome outcome = fixture.search.search(Identity.anonymous(), Specs.search(SUFFIX, SearchScope.SUBTREE,
                "(objectClass=*)").paged(0, new byte[0]).build(), new CollectingSink());
        assertEquals(0, outcome.entriesSent());
        assertEquals(0, outcome.pagedCookie().length);
    }

    private List<String> fullResult(Specs specs) {
        CollectingSink sink = new CollectingSink();
        fixture.search.search(Identity.anonymous(), specs.build(), sink);
        return sink.dns();
    }

    private List<String> allPages(java.util.function.Supplier<Specs> specs, int pageSize, int unused) {
        List<String> all = new ArrayList<>();
        byte[] cookie = new byte[0];
        int pages = 0;
        do {
            CollectingSink sink = new CollectingSink();
            SearchOutcome outcome = fixture.search.search(Identity.anonymous(),
                    specs.get().paged(pageSize, cookie).build(), sink);
            assertEquals(ResultCodeEnum.SUCCESS, outcome.resultCode());
            assertTrue(sink.entries.size() <= pageSize);
            all.addAll(sink.dns());
            cookie = outcome.pagedCookie();
            pages++;
        } while (cookie.length > 0 && pages < 100);
        return all;
    }
}
