package org.larch.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.directory.api.ldap.model.entry.ModificationOperation;
import org.apache.directory.api.ldap.model.filter.FilterParser;
import org.apache.directory.api.ldap.model.message.AliasDerefMode;
import org.apache.directory.api.ldap.model.message.ResultCodeEnum;
import org.apache.directory.api.ldap.model.message.SearchScope;
import org.apache.directory.api.ldap.model.name.Dn;
import org.larch.backend.entry.AttributeDescription;
import org.larch.backend.entry.DirectoryEntry;
import org.larch.backend.entry.EntryAttribute;
import org.larch.backend.request.EntryModification;
import org.larch.backend.request.SearchOutcome;
import org.larch.backend.request.SearchSink;
import org.larch.backend.request.SearchSpec;
import org.larch.backend.request.UpdateControls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The directory opened from settings over a real environment: suffix creation, operations, reopen. */
class LarchDirectoryTest {
    private static final String SUFFIX = "dc=example,dc=com";
    private static final String ROOT_DN = "cn=admin," + SUFFIX;
    private static final org.larch.backend.schema.DirectorySchema SCHEMA =
            org.larch.backend.store.TestSchema.get();

    @TempDir
    Path directory;

    @Test
    void theFirstOpenCreatesTheSuffixEntryWithItsOperationalAttributes() throws Exception {
        try (LarchDirectory larch = LarchDirectory.open(settings(SUFFIX))) {
            List<DirectoryEntry> found = search(larch, SUFFIX, SearchScope.OBJECT, "(objectClass=*)", "*", "+");
            DirectoryEntry suffix = found.getFirst();
            assertEquals(List.of("top", "dcObject", "organization"), values(suffix, "objectClass"));
            assertEquals(List.of("example"), values(suffix, "o"));
            assertEquals(List.of("organization"), values(suffix, "structuralObjectClass"));
            assertEquals(1, values(suffix, "entryUUID").size());
            assertEquals(List.of("FALSE"), values(suffix, "hasSubordinates"));
        }
    }

    @Test
    void otherSuffixTypesGetTheirObjectClasses() throws Exception {
        try (LarchDirectory larch = LarchDirectory.open(settings("ou=Directory"))) {
            DirectoryEntry suffix = search(larch, "ou=Directory", SearchScope.OBJECT, "(objectClass=*)").getFirst();
            assertEquals(List.of("top", "organizationalUnit"), values(suffix, "objectClass"));
        }
    }

    @Test
    void entriesAndTheSuffixSurviveCloseAndOpen() throws Exception {
        String uuid;
        try (LarchDirectory larch = LarchDirectory.open(settings(SUFFIX))) {
            larch.add(root(), person("alice"), UpdateControls.NONE);
            larch.modify(root(), new Dn("uid=alice," + SUFFIX), List.of(new EntryModification(
                    ModificationOperation.REPLACE_ATTRIBUTE, AttributeDescription.parse("sn"),
                    List.of("Changed".getBytes(StandardCharsets.UTF_8)))), UpdateControls.NONE);
            uuid = values(search(larch, SUFFIX, SearchScope.OBJECT, "(objectClass=*)", "entryUUID").getFirst(),
                    "entryUUID").getFirst();
        }
        try (LarchDirectory larch = LarchDirectory.open(settings(SUFFIX))) {
            List<DirectoryEntry> people = search(larch, SUFFIX, SearchScope.SUBTREE, "(uid=alice)");
            assertEquals(List.of("Changed"), values(people.getFirst(), "sn"));
            assertEquals(List.of(uuid), values(search(larch, SUFFIX, SearchScope.OBJECT, "(objectClass=*)",
                    "entryUUID").getFirst(), "entryUUID"));
            assertTrue(larch.compare(Identity.anonymous(), new Dn("uid=alice," + SUFFIX), "cn", bytes("alice"),
                    UpdateControls.NONE));
        }
    }

    @Test
    void theRootDseAndTheSubschemaAreReadable() throws Exception {
        try (LarchDirectory larch = LarchDirectory.open(settings(SUFFIX))) {
            DirectoryEntry rootDse = search(larch, "", SearchScope.OBJECT, "(objectClass=*)", "+").getFirst();
            assertEquals(List.of(SUFFIX), values(rootDse, "namingContexts"));
            DirectoryEntry subschema = search(larch, "cn=Subschema", SearchScope.OBJECT, "(objectClass=subschema)",
                    "attributeTypes").getFirst();
            assertTrue(values(subschema, "attributeTypes").size() > 100);
            DirectoryEntry plain = search(larch, "cn=Subschema", SearchScope.OBJECT, "(objectClass=*)").getFirst();
            assertFalse(plain.attributes().stream().anyMatch(a -> a.description().text().equals("attributeTypes")));
        }
    }

    @Test
    void aSearchOfAMissingBaseNamesTheMatchedDn() throws Exception {
        try (LarchDirectory larch = LarchDirectory.open(settings(SUFFIX))) {
            LdapOperationException missing = assertThrows(LdapOperationException.class,
                    () -> search(larch, "ou=nowhere," + SUFFIX, SearchScope.SUBTREE, "(objectClass=*)"));
            assertEquals(ResultCodeEnum.NO_SUCH_OBJECT, missing.resultCode());
            assertEquals(SUFFIX, missing.matchedDn().getName());
        }
    }

    @Test
    void bindAndPasswordModifyReachTheirOperations() throws Exception {
        try (LarchDirectory larch = LarchDirectory.open(settings(SUFFIX))) {
            Identity admin = larch.bind(new Dn(ROOT_DN), bytes("secret"));
            assertTrue(admin.root());
            LdapOperationException wrong = assertThrows(LdapOperationException.class,
                    () -> larch.bind(new Dn(ROOT_DN), bytes("wrong")));
            assertEquals(ResultCodeEnum.INVALID_CREDENTIALS, wrong.resultCode());

            larch.add(admin, person("bob"), UpdateControls.NONE);
            Dn bob = new Dn("uid=bob," + SUFFIX);
            larch.modifyPassword(admin, bob, null, bytes("bobs password"));
            Identity bound = larch.bind(bob, bytes("bobs password"));
            assertEquals(bob, bound.dn());
            assertFalse(bound.root());
            assertTrue(search(larch, SUFFIX, SearchScope.SUBTREE, "(uid=bob)", "userPassword").getFirst()
                    .attributes().isEmpty(), "anonymous does not see userPassword");
        }
    }

    @Test
    void anIndexedEqualitySearchReadsOnlyItsCandidates() throws Exception {
        try (LarchDirectory larch = LarchDirectory.open(settings(SUFFIX, index("uid")))) {
            for (int i = 0; i < 20; i++) {
                larch.add(root(), person("user." + i), UpdateControls.NONE);
            }
            long readBefore = larch.searchOperation().entriesRead();
            var indexBefore = larch.indexes().stats().snapshot();
            List<DirectoryEntry> found = search(larch, SUFFIX, SearchScope.SUBTREE, "(uid=user.7)");
            assertEquals(List.of("uid=user.7,dc=example,dc=com"), found.stream().map(e -> e.dn().getName()).toList());
            assertEquals(1, larch.searchOperation().entriesRead() - readBefore);
            assertTrue(larch.indexes().stats().snapshot().minus(indexBefore).idsRead() >= 1);

            long unindexed = larch.searchOperation().entriesRead();
            search(larch, SUFFIX, SearchScope.SUBTREE, "(sn=user.7)");
            assertEquals(21, larch.searchOperation().entriesRead() - unindexed);
        }
        try (LarchDirectory larch = LarchDirectory.open(settings(SUFFIX, index("uid"), index("sn")))) {
            long readBefore = larch.searchOperation().entriesRead();
            assertEquals(1, search(larch, SUFFIX, SearchScope.SUBTREE, "(sn=user.7)").size());
            assertEquals(1, larch.searchOperation().entriesRead() - readBefore, "the new sn index was built at open");
        }
    }

    private static org.larch.backend.index.IndexDirective index(String attribute) {
        return new org.larch.backend.index.IndexDirective(attribute,
                java.util.EnumSet.of(org.larch.backend.index.IndexKind.EQ));
    }

    private DirectorySettings settings(String suffix, org.larch.backend.index.IndexDirective... indexes) {
        return new DirectorySettings(directory, 1L << 30, suffix, "cn=admin," + suffix, "secret", List.of(indexes), 0, 0,
                1000, List.of(), 1, List.of(), List.of(), List.of(), "test");
    }

    private static Identity root() throws Exception {
        return new Identity(new Dn(ROOT_DN), true);
    }

    private static DirectoryEntry person(String uid) throws Exception {
        List<EntryAttribute> attributes = new ArrayList<>();
        attributes.add(attribute("objectClass", "inetOrgPerson"));
        attributes.add(attribute("uid", uid));
        attributes.add(attribute("cn", uid));
        attributes.add(attribute("sn", uid));
        return new DirectoryEntry(new Dn("uid=" + uid + "," + SUFFIX), 0, attributes);
    }

    private static EntryAttribute attribute(String name, String value) {
        return new EntryAttribute(AttributeDescription.parse(name), SCHEMA.attributeType(name), List.of(bytes(value)));
    }

    private static List<DirectoryEntry> search(LarchDirectory larch, String base, SearchScope scope, String filter,
            String... attributes) throws Exception {
        List<DirectoryEntry> found = new ArrayList<>();
        SearchSpec spec = new SearchSpec(new Dn(base), scope, AliasDerefMode.NEVER_DEREF_ALIASES, 0, 0, false,
                FilterParser.parse(filter), List.of(attributes), false, null, null, null);
        SearchOutcome outcome = larch.search(Identity.anonymous(), spec, new SearchSink() {
            @Override
            public boolean entry(DirectoryEntry entry) {
                return found.add(entry);
            }

            @Override
            public boolean reference(List<String> urls) {
                return true;
            }
        });
        assertEquals(ResultCodeEnum.SUCCESS, outcome.resultCode());
        return found;
    }

    private static List<String> values(DirectoryEntry entry, String name) {
        EntryAttribute attribute = entry.get(name);
        return attribute == null ? List.of()
                : attribute.values().stream().map(v -> new String(v, StandardCharsets.UTF_8)).toList();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
