package org.larch.integration.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchScope;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.larch.integration.data.DirectoryDataGenerator;
import org.larch.integration.server.LarchConfigFile;
import org.larch.integration.server.LarchServerExtension;

/** The differential machinery itself: two equal reference servers agree, one changed value is caught. */
class SearchSnapshotTest {

    @Test
    void twoReferenceServersWithTheSameDataAgreeAndOneChangedValueIsCaught() throws Exception {
        List<Entry> entries = new DirectoryDataGenerator(3, 300).entries();
        try (ReferenceServer first = ReferenceServer.start(); ReferenceServer second = ReferenceServer.start();
                LDAPConnection one = connect(first); LDAPConnection two = connect(second)) {
            LarchServerExtension.load(one, entries);
            LarchServerExtension.load(two, entries);
            RandomSearches searches = new RandomSearches(5, entries);
            int nonEmpty = 0;
            for (int index = 0; index < 300; index++) {
                SearchRequest request = searches.next();
                SearchSnapshot theirs = SearchSnapshot.of(two, request);
                assertNull(SearchSnapshot.of(one, request).differenceFrom(theirs), request.toString());
                nonEmpty += theirs.entries().isEmpty() ? 0 : 1;
            }
            assertTrue(nonEmpty > 75, "searches that find entries: " + nonEmpty);

            two.modify(DirectoryDataGenerator.personDn(7), new Modification(ModificationType.ADD, "description", "only here"));
            SearchRequest people = new SearchRequest(DirectoryDataGenerator.PEOPLE, SearchScope.SUB, "(uid=user.7)", "description");
            String difference = SearchSnapshot.of(one, people).differenceFrom(SearchSnapshot.of(two, people));
            assertNotNull(difference);
            assertTrue(difference.contains("only here"), difference);
            SearchRequest missing = new SearchRequest("uid=x,ou=nowhere," + DirectoryDataGenerator.PEOPLE, SearchScope.BASE, "(objectClass=*)");
            assertEquals("ou=people,dc=example,dc=com", SearchSnapshot.of(one, missing).matchedDn());
        }
    }

    private static LDAPConnection connect(ReferenceServer server) throws Exception {
        return new LDAPConnection("127.0.0.1", server.port(), LarchConfigFile.ROOT_DN, LarchConfigFile.ROOT_PASSWORD);
    }
}
