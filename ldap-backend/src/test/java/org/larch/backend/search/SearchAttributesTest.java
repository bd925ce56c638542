package org.larch.backend.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.larch.backend.search.SearchFixture.SUFFIX;

import java.nio.file.Path;
import java.util.List;
import org.apache.directory.api.ldap.model.message.SearchScope;
import org.apache.directory.api.ldap.model.name.Dn;
import org.larch.backend.Identity;
import org.larch.backend.entry.DirectoryEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchAttributesTest {
    private static final String USER_3 = "uid=user.3,ou=People," + SUFFIX;

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
    void noListMeansEveryUserAttributeInStoredOrderButThePassword() {
        DirectoryEntry entry = readUser3(Identity.anonymous());
        assertEquals(List.of("objectClass", "uid", "cn", "cn;lang-en", "sn", "employeeNumber", "uidNumber", "description"),
                descriptions(entry));
        assertEquals(4, entry.get("objectClass").values().size());
    }

    @Test
    void theRootDnSeesThePassword() throws Exception {
        DirectoryEntry entry = readUser3(new Identity(new Dn("cn=admin," + SUFFIX), true), "userPassword");
        assertEquals(List.of("userPassword"), descriptions(entry));
    }

    @Test
    void aNameSelectsItsOptionsAndSubtypes() {
        assertEquals(List.of("cn", "cn;lang-en"), descriptions(readUser3(Identity.anonymous(), "CN")));
        assertEquals(List.of("cn;lang-en"), descriptions(readUser3(Identity.anonymous(), "cn;lang-en")));
        assertEquals(List.of("cn", "cn;lang-en", "sn"), descriptions(readUser3(Identity.anonymous(), "name")));
    }

    @Test
    void oneDotOneSelectsNothingAndStarWithPlusSelectsAll() {
        assertEquals(List.of(), descriptions(readUser3(Identity.anonymous(), "1.1")));
        DirectoryEntry all = readUser3(Identity.anonymous(), "*", "+");
        assertTrue(descriptions(all).containsAll(List.of("uid", "hasSubordinates", "subschemaSubentry", "entryDN")),
                descriptions(all).toString());
    }

    @Test
    void computedOperationalAttributesComeOnlyWhenAsked() {
        CollectingSink sink = new CollectingSink();
        fixture.search.search(Identity.anonymous(), Specs.search("ou=People," + SUFFIX, SearchScope.OBJECT,
                "(objectClass=*)").attributes("hasSubordinates", "numSubordinates").build(), sink);
        assertEquals(List.of("TRUE"), sink.values("hasSubordinates"));
        DirectoryEntry plain = readUser3(Identity.anonymous());
        assertNull(plain.get("hasSubordinates"));
    }

    @Test
    void typesOnlySendsNoValues() {
        CollectingSink sink = new CollectingSink();
        fixture.search.search(Identity.anonymous(), Specs.search(USER_3, SearchScope.OBJECT, "(objectClass=*)")
                .attributes("cn", "sn").typesOnly().build(), sink);
        DirectoryEntry entry = sink.entries.getFirst();
        assertEquals(List.of("cn", "cn;lang-en", "sn"), descriptions(entry));
        assertTrue(entry.attributes().stream().allMatch(a -> a.values().isEmpty()));
    }

    @Test
    void theValuesReturnFilterKeepsMatchingValues() {
        CollectingSink sink = new CollectingSink();
        fixture.search.search(Identity.anonymous(), Specs.search(USER_3, SearchScope.OBJECT, "(objectClass=*)")
                .attributes("cn", "sn").valuesReturn("(cn=user 3)").build(), sink);
        assertEquals(List.of("User 3"), sink.values("cn"));
        assertNull(sink.entries.getFirst().get("sn"));
    }

    private DirectoryEntry readUser3(Identity who, String... attributes) {
        CollectingSink sink = new CollectingSink();
        fixture.search.search(who, Specs.search(USER_3, SearchScope.OBJECT, "(objectClass=*)")
                .attributes(attributes).build(), sink);
        assertEquals(1, sink.entries.size());
        return sink.entries.getFirst();
    }

    private static List<String> descriptions(DirectoryEntry entry) {
        return entry.attributes().stream().map(a -> a.description().text()).toList();
    }
}
