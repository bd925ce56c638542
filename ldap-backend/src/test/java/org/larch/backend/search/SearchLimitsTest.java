package org.larch.backend.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.larch.backend.search.SearchFixture.SUFFIX;

import java.nio.file.Path;
import org.apache.directory.api.ldap.model.message.ResultCodeEnum;
import org.apache.directory.api.ldap.model.message.SearchScope;
import org.apache.directory.api.ldap.model.name.Dn;
import org.larch.backend.Identity;
import org.larch.backend.entry.DirectoryEntry;
import org.larch.backend.request.SearchOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchLimitsTest {
    private static final String PEOPLE = "ou=People," + SUFFIX;

    @TempDir
    Path directory;

    @Test
    void theClientsSizeLimitStopsTheSearchAfterTheEntriesSent() {
        try (SearchFixture fixture = SearchFixture.populated(directory, new SearchSettings(0, 0, 1000))) {
            CollectingSink sink = new CollectingSink();
            SearchOutcome outcome = fixture.search.search(Identity.anonymous(),
                    Specs.search(PEOPLE, SearchScope.ONELEVEL, "(objectClass=person)").sizeLimit(3).build(), sink);
            assertEquals(ResultCodeEnum.SIZE_LIMIT_EXCEEDED, outcome.resultCode());
            assertEquals(3, sink.entries.size());
            assertEquals(3, outcome.entriesSent());
        }
    }

    @Test
    void aLimitEqualToTheResultIsNotExceeded() {
        try (SearchFixture fixture = SearchFixture.populated(directory, new SearchSettings(0, 0, 1000))) {
            SearchOutcome outcome = fixture.search.search(Identity.anonymous(), Specs.search(PEOPLE,
                    SearchScope.ONELEVEL, "(objectClass=person)").sizeLimit(SearchFixture.PEOPLE).build(), new CollectingSink());
            assertEquals(ResultCodeEnum.SUCCESS, outcome.resultCode());
        }
    }

    @Test
    void theServersSizeLimitBindsEveryoneButTheRootDn() throws Exception {
        try (SearchFixture fixture = SearchFixture.populated(directory, new SearchSettings(4, 0, 1000))) {
            CollectingSink anonymous = new CollectingSink();
            SearchOutcome limited = fixture.search.search(Identity.anonymous(),
                    Specs.search(PEOPLE, SearchScope.ONELEVEL, "(objectClass=person)").sizeLimit(50).build(), anonymous);
            assertEquals(ResultCodeEnum.SIZE_LIMIT_EXCEEDED, limited.resultCode());
            assertEquals(4, anonymous.entries.size());
            CollectingSink root = new CollectingSink();
            SearchOutcome unlimited = fixture.search.search(new Identity(new Dn("cn=admin," + SUFFIX), true),
                    Specs.search(PEOPLE, SearchScope.ONELEVEL, "(objectClass=person)").build(), root);
            assertEquals(ResultCodeEnum.SUCCESS, unlimited.resultCode());
            assertEquals(SearchFixture.PEOPLE, root.entries.size());
        }
    }

    @Test
    void theTimeLimitEndsTheSearchAfterTheEntriesSent() {
        try (SearchFixture fixture = SearchFixture.populated(directory, new SearchSettings(0, 0, 1))) {
            CollectingSink slow = new CollectingSink() {
                @Override
                public boolean entry(DirectoryEntry entry) {
                    sleep(1100);
                    return super.entry(entry);
                }
            };
            SearchOutcome outcome = fixture.search.search(Identity.anonymous(),
                    Specs.search(PEOPLE, SearchScope.ONELEVEL, "(objectClass=person)").timeLimit(1).build(), slow);
            assertEquals(ResultCodeEnum.TIME_LIMIT_EXCEEDED, outcome.resultCode());
            assertEquals(1, slow.entries.size());
        }
    }

    @Test
    void aSinkThatStopsEndsTheSearch() {
        try (SearchFixture fixture = SearchFixture.populated(directory, new SearchSettings(0, 0, 2))) {
            CollectingSink stopping = new CollectingSink() {
                @Override
                public boolean entry(DirectoryEntry entry) {
                    super.entry(entry);
                    return entries.size() < 3;
                }
            };
            SearchOutcome outcome = fixture.search.search(Identity.anonymous(),
                    Specs.search(PEOPLE, SearchScope.ONELEVEL, "(objectClass=person)").build(), stopping);
            assertEquals(3, stopping.entries.size());
            assertEquals(ResultCodeEnum.CANCELED, outcome.resultCode());
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
