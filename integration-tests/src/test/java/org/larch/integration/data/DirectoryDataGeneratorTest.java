package org.larch.integration.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.SearchScope;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.larch.integration.differential.ReferenceServer;
import org.larch.integration.server.LarchConfigFile;
import org.larch.integration.server.LarchServerExtension;

class DirectoryDataGeneratorTest {

    @Test
    void sameSeedGivesTheSameLdifAndAnotherSeedDoesNot() {
        assertEquals(new DirectoryDataGenerator(7, 200).ldif(), new DirectoryDataGenerator(7, 200).ldif());
        assertNotEquals(new DirectoryDataGenerator(7, 200).ldif(), new DirectoryDataGenerator(8, 200).ldif());
    }

    @Test
    void entriesCoverWhatTheTestsSearchFor() throws Exception {
        List<Entry> entries = new DirectoryDataGenerator(7, 200).entries();
        assertEquals(1 + 7 + 200 + 8, entries.size(), "suffix, 7 units, 200 people, 8 groups");
        assertTrue(count(entries, "(cn;lang-de=*)") > 10, "language-tagged values");
        assertTrue(count(entries, "(objectClass=posixAccount)") == 67, "every third person is a posixAccount");
        assertTrue(entries.stream().anyMatch(e -> e.hasAttribute("sn") && e.getAttribute("cn").size() > 1), "multi-valued cn");
        assertTrue(entries.stream().anyMatch(e -> e.hasAttribute("member") && e.getAttribute("member").size() > 10));
    }

    @Test
    void theReferenceServerAcceptsEveryEntryUnderItsSchema() throws Exception {
        List<Entry> entries = new DirectoryDataGenerator(7, 200).entries();
        try (ReferenceServer reference = ReferenceServer.start();
                LDAPConnection connection = new LDAPConnection("127.0.0.1", reference.port(),
                        LarchConfigFile.ROOT_DN, LarchConfigFile.ROOT_PASSWORD)) {
            LarchServerExtension.load(connection, entries);
            assertEquals(entries.size(),
                    connection.search(DirectoryDataGenerator.SUFFIX, SearchScope.SUB, "(objectClass=*)").getEntryCount());
        }
    }

    private static long count(List<Entry> entries, String filter) throws Exception {
        Filter parsed = Filter.create(filter);
        long matching = 0;
        for (Entry entry : entries) {
            if (parsed.matchesEntry(entry, ReferenceServer.schema())) {
                matching++;
            }
        }
        return matching;
    }
}
