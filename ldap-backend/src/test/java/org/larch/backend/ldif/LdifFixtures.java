package org.larch.backend.ldif;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.directory.api.ldap.model.name.Dn;
import org.larch.backend.DirectorySettings;
import org.larch.backend.Identity;
import org.larch.backend.LarchDirectory;
import org.larch.backend.entry.AttributeDescription;
import org.larch.backend.entry.DirectoryEntry;
import org.larch.backend.entry.EntryAttribute;
import org.larch.backend.index.IndexDirective;
import org.larch.backend.index.IndexKind;
import org.larch.backend.request.UpdateControls;
import org.larch.backend.schema.DirectorySchema;
import org.larch.backend.store.DirectoryStore;
import org.larch.backend.store.DnNames;
import org.larch.backend.store.TestSchema;

/** Directories for the LDIF tests: settings, a small tree built through {@link LarchDirectory}. */
final class LdifFixtures {
    static final String SUFFIX = "dc=example,dc=com";
    static final DirectorySchema SCHEMA = TestSchema.get();

    private LdifFixtures() {
    }

    static DirectorySettings settings(Path directory) {
        return new DirectorySettings(directory, 1L << 30, SUFFIX, "cn=admin," + SUFFIX, "secret",
                List.of(new IndexDirective("cn", java.util.EnumSet.of(IndexKind.EQ, IndexKind.SUB_INITIAL))), 0, 0, 1000,
                List.of(), 1, List.of(), List.of(), List.of(), "test");
    }

    static DirectoryStore openStore(Path directory) {
        return DirectoryStore.open(directory, 1L << 30, DnNames.parse(SCHEMA.schemaManager(), SUFFIX), SCHEMA);
    }

    /**
     * The suffix, ou=people and ou=groups, people with a non-ASCII name, a value with a leading space,
     * a long description (folded) and binary jpegPhoto; one person added after the groups, under people.
     */
    static void buildSample(Path directory) throws Exception {
        try (LarchDirectory larch = LarchDirectory.open(settings(directory))) {
            add(larch, entry("ou=people," + SUFFIX, "objectClass", "organizationalUnit", "ou", "people"));
            add(larch, person("alice", "Alice Ärger", "description", "x".repeat(200)));
            add(larch, person("bob", " Bob", "description", "line one\nline two"));
            add(larch, entry("ou=groups," + SUFFIX, "objectClass", "organizationalUnit", "ou", "groups"));
            DirectoryEntry carol = person("carol", "Carol");
            carol.attributes().add(new EntryAttribute(AttributeDescription.parse("jpegPhoto"),
                    SCHEMA.attributeType("jpegPhoto"), List.of(new byte[] {(byte) 0xFF, (byte) 0xD8, 0, 10})));
            add(larch, carol);
        }
    }

    static DirectoryEntry person(String uid, String cn, String... more) throws Exception {
        List<String> pairs = new ArrayList<>(List.of("objectClass", "inetOrgPerson", "uid", uid, "cn", cn, "sn", uid));
        pairs.addAll(List.of(more));
        return entry("uid=" + uid + ",ou=people," + SUFFIX, pairs.toArray(String[]::new));
    }

    static DirectoryEntry entry(String dn, String... pairs) throws Exception {
        List<EntryAttribute> attributes = new ArrayList<>();
        for (int index = 0; index < pairs.length; index += 2) {
            attributes.add(new EntryAttribute(AttributeDescription.parse(pairs[index]),
                    SCHEMA.attributeType(pairs[index]), List.of(pairs[index + 1].getBytes(StandardCharsets.UTF_8))));
        }
        return new DirectoryEntry(new Dn(dn), 0, attributes);
    }

    private static void add(LarchDirectory larch, DirectoryEntry entry) throws Exception {
        larch.add(new Identity(new Dn("cn=admin," + SUFFIX), true), entry, UpdateControls.NONE);
    }
}
