package org.larch.backend.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.larch.backend.ops.TestEntries.texts;

import java.util.List;
import org.apache.directory.api.ldap.model.name.Rdn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.larch.backend.entry.DirectoryEntry;
import org.larch.backend.match.MatchingRules;
import org.larch.backend.schema.DirectorySchema;

class RdnChangeTest {
    private static DirectorySchema schema;
    private static TestEntries entries;
    private static RdnChange change;

    @BeforeAll
    static void loadSchema() {
        schema = DirectorySchema.load(List.of());
        entries = new TestEntries(schema);
        change = new RdnChange(schema, new MatchingRules(schema.schemaManager()));
    }

    @Test
    void newValueAddedAndOldKept() throws Exception {
        DirectoryEntry after = change.apply(bob(), rdn("cn=Bob"), rdn("cn=Robert"), false);
        assertEquals(List.of("Bob", "Robert"), texts(after, "cn"));
    }

    @Test
    void deleteOldRdnRemovesTheOldValue() throws Exception {
        DirectoryEntry after = change.apply(bob(), rdn("cn=Bob"), rdn("cn=Robert"), true);
        assertEquals(List.of("Robert"), texts(after, "cn"));
    }

    @Test
    void anotherTypeWithDeleteOldRdnRemovesTheOldAttribute() throws Exception {
        DirectoryEntry entry = entries.entry("uid=bob,dc=example,dc=com",
                "objectClass: account", "uid: bob", "description: x");
        DirectoryEntry after = change.apply(entry, rdn("uid=bob"), rdn("cn=Bob"), true);
        assertNull(after.get("uid"));
        assertEquals(List.of("Bob"), texts(after, "cn"));
    }

    @Test
    void aPresentValueIsNotAddedTwice() throws Exception {
        DirectoryEntry entry = entries.entry("cn=Bob,dc=example,dc=com",
                "objectClass: person", "cn: Bob", "cn: Robert", "sn: B");
        DirectoryEntry after = change.apply(entry, rdn("cn=Bob"), rdn("cn=robert"), false);
        assertEquals(List.of("Bob", "Robert"), texts(after, "cn"));
    }

    @Test
    void caseOnlyRenameRespellsTheValue() throws Exception {
        DirectoryEntry entry = entries.entry("cn=bob,dc=example,dc=com", "objectClass: person", "cn: bob", "sn: B");
        DirectoryEntry after = change.apply(entry, rdn("cn=bob"), rdn("cn=Bob"), true);
        assertEquals(List.of("Bob"), texts(after, "cn"));
    }

    @Test
    void multiValuedRdns() throws Exception {
        DirectoryEntry entry = entries.entry("cn=Bob+uid=bob,dc=example,dc=com",
                "objectClass: inetOrgPerson", "cn: Bob", "uid: bob", "sn: B");
        DirectoryEntry after = change.apply(entry, rdn("cn=Bob+uid=bob"), rdn("cn=Bob+mail=bob@example.com"), true);
        assertEquals(List.of("Bob"), texts(after, "cn"));
        assertNull(after.get("uid"));
        assertEquals(List.of("bob@example.com"), texts(after, "mail"));
    }

    private static DirectoryEntry bob() {
        return entries.entry("cn=Bob,dc=example,dc=com", "objectClass: person", "cn: Bob", "sn: Builder");
    }

    private static Rdn rdn(String text) throws Exception {
        return new Rdn(schema.schemaManager(), text);
    }
}
