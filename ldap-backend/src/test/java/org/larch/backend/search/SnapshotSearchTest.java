package org.larch.backend.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.larch.backend.search.SearchFixture.SUFFIX;
import static org.larch.backend.store.StoreFixture.entry;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.directory.api.ldap.model.message.ResultCodeEnum;
import org.apache.directory.api.ldap.model.message.SearchScope;
import org.larch.backend.Identity;
import org.larch.backend.entry.DirectoryEntry;
import org.larch.backend.request.SearchOutcome;
import org.larch.backend.store.DirectoryStore;
import org.larch.backend.store.StoreReader;
import org.larch.backend.store.StoreWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a search sees while writers change the directory under it. */
class SnapshotSearchTest {
    private static final String PEOPLE = "ou=People," + SUFFIX;

    @TempDir
    Path directory;

    @Test
    void aSearchStartedBeforeAModifySeesTheOldEntry() {
        try (SearchFixture fixture = SearchFixture.populated(directory, new SearchSettings(0, 0, 1000))) {
            CollectingSink sink = new CollectingSink() {
                @Override
                public boolean entry(DirectoryEntry entry) {
                    if (entries.isEmpty()) {
                        changeDescription(fixture.store, "uid=user.5," + PEOPLE, "changed");
                    }
                    return super.entry(entry);
                }
            };
            fixture.search.search(Identity.anonymous(), Specs.search(PEOPLE, SearchScope.ONELEVEL,
                    "(uid=user.5)").build(), new CollectingSink());
            fixture.search.search(Identity.anonymous(), Specs.search(PEOPLE, SearchScope.ONELEVEL, "(objectClass=person)")
                    .attributes("description").build(), sink);
            assertEquals("odd", description(sink, "uid=user.5"));

            CollectingSink after = new CollectingSink();
            fixture.search.search(Identity.anonymous(), Specs.search(PEOPLE, SearchScope.ONELEVEL, "(uid=user.5)")
                    .attributes("description").build(), after);
            assertEquals(List.of("changed"), after.values("description"));
        }
    }

    @Test
    void aLongSearchRenewsItsSnapshotAndSendsEachEntryOnce() {
        int count = 10_000;
        try (SearchFixture fixture = SearchFixture.open(directory, new SearchSettings(0, 0, 100), IndexLookup.NONE)) {
            List<Long> ids = addPeople(fixture.store, count);
            Set<String> deletedUnsent = new HashSet<>();
            List<String> received = new ArrayList<>();
            CollectingSink sink = new CollectingSink() {
                private int added;

                @Override
                public boolean entry(DirectoryEntry entry) {
                    received.add(entry.dn().getName());
                    if (received.size() % 100 == 0) {
                        added += writeMeanwhile(fixture.store, ids, received.size(), added, deletedUnsent);
                    }
                    return true;
                }
            };
            SearchOutcome outcome = fixture.search.search(Identity.anonymous(),
                    Specs.search(PEOPLE, SearchScope.ONELEVEL, "(objectClass=person)").attributes("1.1").build(), sink);

            assertEquals(ResultCodeEnum.SUCCESS, outcome.resultCode());
            assertEquals(received.size(), new HashSet<>(received).size(), "an entry was sent twice");
            assertEquals(count - deletedUnsent.size(), received.size());
            assertTrue(deletedUnsent.size() > 50, "the writer deleted entries ahead of the search");
            for (String gone : deletedUnsent) {
                assertTrue(!received.contains(gone), gone + " was deleted before it was reached");
            }
        }
    }

    /** Adds two new entries and deletes one entry far ahead of the search and one already sent. */
    private static int writeMeanwhile(DirectoryStore store, List<Long> ids, int sent, int added, Set<String> deletedUnsent) {
        try (StoreWriter writer = store.beginWrite()) {
            for (int i = 0; i < 2; i++) {
                SearchFixture.add(writer, person("new." + (added + i)));
            }
            long ahead = ids.get(ids.size() - 1 - sent / 100);
            deletedUnsent.add(writer.dnOf(ahead).getName());
            writer.delete(ahead);
            long behind = ids.get(sent / 100);
            if (writer.entry(behind) != null) {
                writer.delete(behind);
            }
            writer.commit();
        }
        return 2;
    }

    private static List<Long> addPeople(DirectoryStore store, int count) {
        List<Long> ids = new ArrayList<>();
        try (StoreWriter writer = store.beginWrite()) {
            SearchFixture.add(writer, entry(PEOPLE, "objectClass", "organizationalUnit", "ou", "People"));
            for (int i = 0; i < count; i++) {
                ids.add(SearchFixture.add(writer, person("user." + i)));
            }
            writer.commit();
        }
        return ids;
    }

    private static DirectoryEntry person(String uid) {
        return entry("uid=" + uid + "," + PEOPLE, "objectClass", "person", "uid", uid, "cn", uid, "sn", uid);
    }

    private static void changeDescription(DirectoryStore store, String dn, String value) {
        try (StoreWriter writer = store.beginWrite()) {
            long id = writer.requireId(org.larch.backend.store.DnNames.parse(store.schema().schemaManager(), dn));
            DirectoryEntry entry = writer.entry(id).copy();
            entry.get("description").values().set(0, value.getBytes(StandardCharsets.UTF_8));
            writer.replace(id, entry);
            writer.commit();
        }
    }

    private static String description(CollectingSink sink, String rdn) {
        for (DirectoryEntry entry : sink.entries) {
            if (entry.dn().getName().startsWith(rdn + ",")) {
                return new String(entry.get("description").values().getFirst(), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError(rdn + " not found");
    }

    @Test
    void anIndexedSearchReadsOnlyItsCandidates() {
        try (SearchFixture fixture = SearchFixture.open(directory, new SearchSettings(0, 0, 1000), (txn, filter) -> null)) {
            fixture.populate();
        }
        long[] candidates = new long[1];
        try (SearchFixture fixture = SearchFixture.open(directory, new SearchSettings(0, 0, 1000),
                (txn, filter) -> filter.toString().contains("user.3") ? candidates
                        : filter.toString().contains("referral") ? new long[0] : null)) {
            try (StoreReader reader = fixture.store.beginRead()) {
                candidates[0] = reader.idOf(org.larch.backend.store.DnNames.parse(
                        fixture.store.schema().schemaManager(), "uid=user.3," + PEOPLE));
            }
            long before = fixture.search.entriesRead();
            CollectingSink sink = new CollectingSink();
            fixture.search.search(Identity.anonymous(), Specs.search(SUFFIX, SearchScope.SUBTREE, "(uid=user.3)").build(), sink);
            assertEquals(1, sink.entries.size());
            assertEquals(1, fixture.search.entriesRead() - before);

            long unindexed = fixture.search.entriesRead();
            fixture.search.search(Identity.anonymous(), Specs.search(SUFFIX, SearchScope.SUBTREE, "(uid=user.4)").build(),
                    new CollectingSink());
            assertEquals(1 + 3 + SearchFixture.PEOPLE + 1, fixture.search.entriesRead() - unindexed);
        }
    }
}
