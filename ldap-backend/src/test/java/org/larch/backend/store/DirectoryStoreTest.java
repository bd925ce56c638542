package org.larch.backend.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.larch.backend.store.StoreFixture.add;
import static org.larch.backend.store.StoreFixture.entry;
import static org.larch.backend.store.StoreFixture.text;

import java.nio.file.Path;
import java.util.List;
import org.apache.directory.api.ldap.model.message.ResultCodeEnum;
import org.apache.directory.api.ldap.model.name.Dn;
import org.larch.backend.LdapOperationException;
import org.larch.backend.entry.DirectoryEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryStoreTest {
    private static final String SUFFIX = "dc=example,dc=com";

    @TempDir
    Path directory;

    @Test
    void entriesComeBackAsStoredWithTheirDn() throws Exception {
        try (DirectoryStore store = StoreFixture.openWithSuffix(directory, SUFFIX)) {
            long id;
            try (StoreWriter writer = store.beginWrite()) {
                add(writer, entry("ou=People,dc=example,dc=com", "objectClass", "organizationalUnit", "ou", "People"));
                id = add(writer, entry("CN=John Doe,ou=People,dc=example,dc=com", "objectClass", "person",
                        "CN", "John Doe", "sn", "Doe", "cn;lang-en", "John", "objectClass", "top"));
                writer.commit();
            }
            try (StoreReader reader = store.beginRead()) {
                DirectoryEntry entry = reader.entry(id);
                assertEquals("CN=John Doe,ou=People,dc=example,dc=com", entry.dn().getName());
                assertEquals(List.of("objectClass", "CN", "sn", "cn;lang-en"),
                        entry.attributes().stream().map(a -> a.description().text()).toList());
                assertEquals(List.of("person", "top"), entry.get("objectClass").values().stream().map(StoreFixture::text).toList());
                assertEquals("2.5.4.3", entry.get("CN").type().getOid());
                assertEquals(id, reader.idOf(new Dn("cn=JOHN   DOE,ou=people,DC=example,dc=com")));
            }
        }
    }

    @Test
    void lookupOfAMissingEntryGivesTheDeepestAncestor() {
        try (DirectoryStore store = StoreFixture.openWithSuffix(directory, SUFFIX)) {
            long people;
            try (StoreWriter writer = store.beginWrite()) {
                people = add(writer, entry("ou=People,dc=example,dc=com", "objectClass", "organizationalUnit", "ou", "People"));
                writer.commit();
            }
            try (StoreReader reader = store.beginRead()) {
                DnLookup lookup = reader.lookup(dn("cn=x,cn=y,ou=people,dc=example,dc=com"));
                assertEquals(0, lookup.id());
                assertEquals(people, lookup.matchedId());
                LdapOperationException missing = assertThrows(LdapOperationException.class,
                        () -> reader.requireId(dn("cn=x,ou=people,dc=example,dc=com")));
                assertEquals(ResultCodeEnum.NO_SUCH_OBJECT, missing.resultCode());
                assertEquals("ou=People,dc=example,dc=com", missing.matchedDn().getName());
                assertEquals(new DnLookup(0, 0), reader.lookup(dn("dc=other,dc=com")));
            }
        }
    }

    @Test
    void addOfAnExistingNameIsRefused() {
        try (DirectoryStore store = StoreFixture.openWithSuffix(directory, SUFFIX);
                StoreWriter writer = store.beginWrite()) {
            add(writer, entry("ou=People,dc=example,dc=com", "ou", "People"));
            LdapOperationException exists = assertThrows(LdapOperationException.class,
                    () -> add(writer, entry("OU=people,dc=example,dc=com", "ou", "people")));
            assertEquals(ResultCodeEnum.ENTRY_ALREADY_EXISTS, exists.resultCode());
        }
    }

    @Test
    void subtreeSizesFollowAddsDeletesAndMoves() throws Exception {
        try (DirectoryStore store = StoreFixture.openWithSuffix(directory, SUFFIX);
                StoreWriter writer = store.beginWrite()) {
            long suffix = writer.suffixId();
            long a = add(writer, entry("ou=a,dc=example,dc=com", "ou", "a"));
            long b = add(writer, entry("ou=b,dc=example,dc=com", "ou", "b"));
            long a1 = add(writer, entry("cn=1,ou=a,dc=example,dc=com", "cn", "1"));
            long a2 = add(writer, entry("cn=2,ou=a,dc=example,dc=com", "cn", "2"));
            assertEquals(5, writer.subtreeSize(suffix));
            assertEquals(3, writer.subtreeSize(a));
            assertEquals(2, writer.childCount(a));

            writer.move(a, b, new org.apache.directory.api.ldap.model.name.Rdn("ou=A2"));
            assertEquals(4, writer.subtreeSize(b));
            assertEquals("cn=1,ou=A2,ou=b,dc=example,dc=com", writer.dnOf(a1).getName());
            assertEquals(a2, writer.idOf(dn("cn=2,ou=a2,ou=b,dc=example,dc=com")));
            assertEquals(0, writer.idOf(dn("cn=2,ou=a,dc=example,dc=com")));
            assertArrayEquals(new long[] {a, b, a1, a2}, writer.subtree(b, true));

            LdapOperationException underItself = assertThrows(LdapOperationException.class,
                    () -> writer.move(b, a1, new org.apache.directory.api.ldap.model.name.Rdn("ou=b")));
            assertEquals(ResultCodeEnum.UNWILLING_TO_PERFORM, underItself.resultCode());
            LdapOperationException nonLeaf = assertThrows(LdapOperationException.class, () -> writer.delete(a));
            assertEquals(ResultCodeEnum.NOT_ALLOWED_ON_NON_LEAF, nonLeaf.resultCode());

            writer.delete(a1);
            assertEquals(3, writer.subtreeSize(b));
            assertEquals(4, writer.subtreeSize(suffix));
            assertNull(writer.entry(a1));
        }
    }

    @Test
    void everythingSurvivesCloseAndOpen() {
        long id;
        byte[] uuid = EntryUuids.toBytes("0b1a2c3d-0000-4000-8000-000000000001");
        try (DirectoryStore store = StoreFixture.openWithSuffix(directory, SUFFIX);
                StoreWriter writer = store.beginWrite()) {
            id = add(writer, entry("uid=jd,dc=example,dc=com", "uid", "jd", "x-unknown-attr", "kept",
                    "entryUUID", "0b1a2c3d-0000-4000-8000-000000000001"));
            writer.commit();
        }
        try (DirectoryStore store = StoreFixture.openWithSuffix(directory, SUFFIX);
                StoreReader reader = store.beginRead()) {
            DirectoryEntry entry = reader.entry(id);
            assertEquals("uid=jd,dc=example,dc=com", entry.dn().getName());
            assertEquals("kept", text(entry.get("x-unknown-attr").values().getFirst()));
            assertNull(entry.get("x-unknown-attr").type());
            assertEquals(id, reader.idOfUuid(uuid));
            assertTrue(reader.nextId() > id);
        }
    }

    @Test
    void idsAscendAcrossCommitsAndAnAbortedWriterTakesNone() {
        try (DirectoryStore store = StoreFixture.openWithSuffix(directory, SUFFIX)) {
            long first;
            long second;
            try (StoreWriter writer = store.beginWrite()) {
                first = add(writer, entry("cn=one,dc=example,dc=com", "cn", "one"));
                second = add(writer, entry("cn=two,dc=example,dc=com", "cn", "two"));
                assertEquals(second + 1, writer.nextId());
                writer.commit();
            }
            assertEquals(first + 1, second);
            try (StoreWriter aborted = store.beginWrite()) {
                assertEquals(second + 1, add(aborted, entry("cn=gone,dc=example,dc=com", "cn", "gone")));
            }
            try (StoreReader reader = store.beginRead()) {
                assertEquals(second + 1, reader.nextId());
            }
            try (StoreWriter writer = store.beginWrite()) {
                assertEquals(second + 1, writer.nextId());
                assertEquals(second + 1, add(writer, entry("cn=three,dc=example,dc=com", "cn", "three")));
                writer.commit();
            }
            try (StoreReader reader = store.beginRead()) {
                assertEquals(second + 2, reader.nextId());
            }
        }
    }

    @Test
    void uuidsAscendingAndNotAreAllFoundAcrossTransactions() {
        String[] uuids = {"00000000-0000-7000-8000-000000000005", "00000000-0000-7000-8000-000000000009",
            "00000000-0000-7000-8000-000000000002", "00000000-0000-7000-8000-00000000000a",
            "00000000-0000-7000-8000-000000000007", "00000000-0000-7000-8000-000000000001"};
        try (DirectoryStore store = StoreFixture.openWithSuffix(directory, SUFFIX)) {
            long[] ids = new long[uuids.length];
            for (int part = 0; part < 2; part++) {
                try (StoreWriter writer = store.beginWrite()) {
                    for (int i = part * 3; i < part * 3 + 3; i++) {
                        ids[i] = add(writer, entry("cn=e" + i + ",dc=example,dc=com", "cn", "e" + i, "entryUUID", uuids[i]));
                    }
                    writer.commit();
                }
            }
            try (StoreWriter writer = store.beginWrite()) {
                writer.delete(ids[3]);
                add(writer, entry("cn=f,dc=example,dc=com", "cn", "f", "entryUUID", "00000000-0000-7000-8000-00000000000b"));
                writer.commit();
            }
            try (StoreReader reader = store.beginRead()) {
                for (int i = 0; i < uuids.length; i++) {
                    assertEquals(i == 3 ? 0 : ids[i], reader.idOfUuid(EntryUuids.toBytes(uuids[i])), uuids[i]);
                }
                assertEquals(reader.idOf(dn("cn=f,dc=example,dc=com")),
                        reader.idOfUuid(EntryUuids.toBytes("00000000-0000-7000-8000-00000000000b")));
            }
        }
    }

    @Test
    void anAbortedWriterLeavesNoDictionaryEntries() {
        try (DirectoryStore store = StoreFixture.openWithSuffix(directory, SUFFIX)) {
            try (StoreWriter writer = store.beginWrite()) {
                add(writer, entry("cn=gone,dc=example,dc=com", "cn", "gone", "description;lang-fr", "x"));
            }
            long id;
            try (StoreWriter writer = store.beginWrite()) {
                id = add(writer, entry("cn=kept,dc=example,dc=com", "cn", "kept", "sn", "y"));
                writer.commit();
            }
            try (StoreReader reader = store.beginRead()) {
                DirectoryEntry entry = reader.entry(id);
                assertEquals(List.of("cn", "sn"), entry.attributes().stream().map(a -> a.description().text()).toList());
                assertEquals(0, reader.idOf(dn("cn=gone,dc=example,dc=com")));
            }
        }
    }

    @Test
    void aDirectoryForAnotherSuffixIsRefused() {
        StoreFixture.openWithSuffix(directory, SUFFIX).close();
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> StoreFixture.openWithSuffix(directory, "dc=other,dc=org"));
        assertTrue(refused.getMessage().contains("suffix"), refused.getMessage());
        assertNotEquals(null, refused.getMessage());
    }

    private static Dn dn(String text) {
        return DnNames.parse(TestSchema.get().schemaManager(), text);
    }
}
