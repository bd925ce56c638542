package org.larch.backend.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.directory.api.ldap.model.filter.FilterParser;
import org.apache.directory.api.ldap.model.message.AliasDerefMode;
import org.apache.directory.api.ldap.model.message.SearchScope;
import org.apache.directory.api.ldap.model.name.Rdn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.larch.backend.DirectorySettings;
import org.larch.backend.Identity;
import org.larch.backend.LarchDirectory;
import org.larch.backend.entry.DirectoryEntry;
import org.larch.backend.request.SearchSink;
import org.larch.backend.request.SearchSpec;
import org.larch.backend.request.UpdateControls;

/** Through the directory facade: after a subtree modDN, search sees every descendant under its new DN. */
class SubtreeRenameSearchTest {
    @TempDir
    Path directory;

    @Test
    void searchSeesTheNewDnsOfAllDescendants() throws Exception {
        try (LarchDirectory larch = LarchDirectory.open(settings())) {
            TestEntries entries = new TestEntries(larch.schema());
            Identity root = new Identity(entries.dn(DirectoryFixture.ROOT_DN), true);
            for (String[] entry : List.of(
                    new String[] {"ou=staff,dc=example,dc=com", "objectClass: organizationalUnit", "ou: staff"},
                    new String[] {"ou=teams,ou=staff,dc=example,dc=com", "objectClass: organizationalUnit", "ou: teams"},
                    new String[] {"cn=Ann,ou=teams,ou=staff,dc=example,dc=com", "objectClass: person", "cn: Ann", "sn: A"},
                    new String[] {"cn=Ben,ou=staff,dc=example,dc=com", "objectClass: person", "cn: Ben", "sn: B"},
                    new String[] {"ou=archive,dc=example,dc=com", "objectClass: organizationalUnit", "ou: archive"})) {
                larch.add(root, entries.entry(entry[0], List.of(entry).subList(1, entry.length).toArray(String[]::new)),
                        UpdateControls.NONE);
            }

            larch.modifyDn(root, entries.dn("ou=staff,dc=example,dc=com"), new Rdn("ou=former"), true,
                    entries.dn("ou=archive,dc=example,dc=com"), UpdateControls.NONE);

            assertEquals(new TreeSet<>(List.of(
                            "ou=former,ou=archive,dc=example,dc=com",
                            "ou=teams,ou=former,ou=archive,dc=example,dc=com",
                            "cn=ann,ou=teams,ou=former,ou=archive,dc=example,dc=com",
                            "cn=ben,ou=former,ou=archive,dc=example,dc=com")),
                    new TreeSet<>(subtree(larch, entries, "ou=former,ou=archive,dc=example,dc=com", "(objectClass=*)")));
            assertEquals(List.of("cn=ann,ou=teams,ou=former,ou=archive,dc=example,dc=com"),
                    subtree(larch, entries, "dc=example,dc=com", "(cn=Ann)"));
            assertEquals(List.of("ou=archive,dc=example,dc=com"),
                    subtree(larch, entries, "dc=example,dc=com", "(|(ou=staff)(ou=archive))"));
        }
    }

    /** The DNs (lowercased) a subtree search returns. */
    private static List<String> subtree(LarchDirectory larch, TestEntries entries, String base, String filter)
            throws Exception {
        List<String> dns = new ArrayList<>();
        SearchSink sink = new SearchSink() {
            @Override
            public boolean entry(DirectoryEntry entry) {
                dns.add(entry.dn().getName().toLowerCase());
                return true;
            }

            @Override
            public boolean reference(List<String> urls) {
                return true;
            }
        };
        SearchSpec spec = new SearchSpec(entries.dn(base), SearchScope.SUBTREE, AliasDerefMode.NEVER_DEREF_ALIASES,
                0, 0, false, FilterParser.parse(filter), List.of("1.1"), false, null, null, null, false);
        larch.search(Identity.anonymous(), spec, sink);
        return dns;
    }

    private DirectorySettings settings() {
        return new DirectorySettings(directory, 1L << 30, DirectoryFixture.SUFFIX, DirectoryFixture.ROOT_DN, "secret",
                List.of(), 0, 0, 1000, List.of(), 1, List.of(), List.of(), List.of(), "test");
    }
}
