package org.larch.integration.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.larch.integration.data.DirectoryDataGenerator;
import org.larch.integration.server.LarchConfigFile;
import org.larch.integration.server.LarchServerExtension;

/**
 * The same generated directory loaded over the wire into Larch and into UnboundID's
 * {@code InMemoryDirectoryServer}; seeded random searches (filters of every type the reference
 * evaluates per RFC 4511, every scope, several bases, attribute lists) must return the same result
 * code, matched DN, entries and values on both. Both are searched as the rootdn, so that size limits
 * and password visibility do not differ.
 *
 * <p>Sizes: {@code -Dlarch.differential.people=} (default 1500) and
 * {@code -Dlarch.differential.searches=} (default 2000); the slow variant runs
 * {@code -Dlarch.differential.slowSearches=} (default 30000) more with another seed.
 */
class DifferentialSearchTest {
    private static final int PEOPLE = Integer.getInteger("larch.differential.people", 1500);
    private static final int SEARCHES = Integer.getInteger("larch.differential.searches", 2000);
    private static final int SLOW_SEARCHES = Integer.getInteger("larch.differential.slowSearches", 30000);
    private static final int EXAMPLES_PER_KIND = 4;

    @RegisterExtension
    static final LarchServerExtension LARCH = LarchServerExtension.withPeople(PEOPLE);

    private static ReferenceServer reference;
    private static LDAPConnection larchConnection;
    private static LDAPConnection referenceConnection;

    /** Loads the generated entries into the reference; the suffix entry as Larch holds it (it creates it on first start). */
    @BeforeAll
    static void loadTheReference() throws Exception {
        reference = ReferenceServer.start();
        referenceConnection = new LDAPConnection("127.0.0.1", reference.port(), LarchConfigFile.ROOT_DN, LarchConfigFile.ROOT_PASSWORD);
        larchConnection = LARCH.connectAsRoot();
        List<Entry> entries = new ArrayList<>(LARCH.entries());
        entries.set(0, larchConnection.getEntry(DirectoryDataGenerator.SUFFIX));
        LarchServerExtension.load(referenceConnection, entries);
    }

    @AfterAll
    static void stopTheReference() {
        if (larchConnection != null) {
            larchConnection.close();
        }
        if (referenceConnection != null) {
            referenceConnection.close();
        }
        if (reference != null) {
            reference.close();
        }
    }

    @Test
    void bothServersHoldTheSameEntries() throws Exception {
        SearchRequest everything = new SearchRequest(DirectoryDataGenerator.SUFFIX, SearchScope.SUB, "(objectClass=*)", "*");
        SearchSnapshot ours = SearchSnapshot.of(larchConnection(), everything);
        SearchSnapshot theirs = SearchSnapshot.of(referenceConnection, everything);
        assertEquals(LARCH.entries().size(), theirs.entries().size());
        assertEquals(null, ours.differenceFrom(theirs));
    }

    @Test
    void randomSearchesReturnTheSameEntriesAndValues() throws Exception {
        compare(new RandomSearches(LarchServerExtension.SEED, LARCH.entries()), SEARCHES);
    }

    @Test
    @Tag("slow")
    void manyMoreRandomSearchesReturnTheSameEntriesAndValues() throws Exception {
        compare(new RandomSearches(LarchServerExtension.SEED + 1, LARCH.entries()), SLOW_SEARCHES);
    }

    private static void compare(RandomSearches searches, int count) throws Exception {
        Map<String, List<String>> differencesByKind = new TreeMap<>();
        int differing = 0;
        int nonEmpty = 0;
        for (int index = 0; index < count; index++) {
            SearchRequest request = searches.next();
            SearchSnapshot theirs = SearchSnapshot.of(referenceConnection, request);
            SearchSnapshot ours = SearchSnapshot.of(larchConnection(), request);
            String difference = ours.differenceFrom(theirs);
            nonEmpty += theirs.entries().isEmpty() ? 0 : 1;
            if (difference != null) {
                differing++;
                List<String> examples = differencesByKind.computeIfAbsent(kind(ours, theirs), key -> new ArrayList<>());
                examples.add("#" + index + " " + describe(request) + ": " + difference);
            }
        }
        assertTrue(nonEmpty > count / 4, "the random searches find something often enough: " + nonEmpty + " of " + count);
        assertEquals(0, differing, differing + " of " + count + " searches differ from the reference:\n" + report(differencesByKind));
    }

    /** What kind of difference: by the two result codes, else entries or values. */
    private static String kind(SearchSnapshot ours, SearchSnapshot theirs) {
        if (ours.resultCode() != theirs.resultCode()) {
            return "larch " + ours.resultCode() + " where the reference says " + theirs.resultCode();
        }
        return ours.entries().keySet().equals(theirs.entries().keySet()) ? "same entries, other values" : "other entries";
    }

    /** Per kind: how many, and the first few examples. */
    private static String report(Map<String, List<String>> differencesByKind) {
        StringBuilder report = new StringBuilder();
        differencesByKind.forEach((kind, examples) -> {
            report.append("- ").append(examples.size()).append(" x ").append(kind).append(", e.g.\n");
            examples.stream().limit(EXAMPLES_PER_KIND).forEach(example -> report.append("    ").append(example).append('\n'));
        });
        return report.toString();
    }

    /** The rootdn connection to Larch, opened again when a failed search closed it (counted as a difference). */
    private static LDAPConnection larchConnection() {
        if (!larchConnection.isConnected()) {
            larchConnection.close();
            larchConnection = LARCH.connectAsRoot();
        }
        return larchConnection;
    }

    private static String describe(SearchRequest request) {
        return "base '" + request.getBaseDN() + "' scope " + request.getScope().getName() + " filter " + request.getFilter()
                + " attributes " + List.of(request.getAttributes());
    }
}
