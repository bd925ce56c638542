package org.larch.backend.ldif;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldif.LDIFReader;
import java.io.BufferedReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.directory.api.ldap.model.filter.FilterParser;
import org.apache.directory.api.ldap.model.name.Dn;
import org.larch.backend.Identity;
import org.larch.backend.LarchDirectory;
import org.larch.backend.LdapOperationException;
import org.larch.backend.request.UpdateControls;
import org.larch.backend.store.DirectoryStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Export of a directory built through LarchDirectory, read back with UnboundID's LDIF reader. */
class LdifExportTest {
    @TempDir
    Path directory;

    @Test
    void everyEntryComesBackWithItsValuesParentsFirst() throws Exception {
        LdifFixtures.buildSample(directory);
        List<Entry> entries = parse(export(null, null));
        assertEquals(List.of("dc=example,dc=com", "ou=people,dc=example,dc=com",
                "uid=alice,ou=people,dc=example,dc=com", "uid=bob,ou=people,dc=example,dc=com",
                "uid=carol,ou=people,dc=example,dc=com", "ou=groups,dc=example,dc=com"),
                entries.stream().map(Entry::getDN).toList());
        Entry alice = entries.get(2);
        assertEquals("Alice Ärger", alice.getAttributeValue("cn"));
        assertEquals("x".repeat(200), alice.getAttributeValue("description"));
        assertEquals(" Bob", entries.get(3).getAttributeValue("cn"));
        assertEquals("line one\nline two", entries.get(3).getAttributeValue("description"));
        assertArrayEquals(new byte[] {(byte) 0xFF, (byte) 0xD8, 0, 10}, entries.get(4).getAttributeValueBytes("jpegPhoto"));
    }

    @Test
    void operationalAttributesAreIncluded() throws Exception {
        LdifFixtures.buildSample(directory);
        Entry alice = parse(export(null, null)).get(2);
        for (String name : List.of("entryUUID", "entryCSN", "createTimestamp", "modifyTimestamp", "creatorsName",
                "modifiersName", "structuralObjectClass")) {
            assertNotNull(alice.getAttributeValue(name), name);
        }
        assertNotNull(parse(export(null, null)).getFirst().getAttributeValue("contextCSN"));
    }

    @Test
    void attributesKeepTheirStoredOrder() throws Exception {
        LdifFixtures.buildSample(directory);
        Entry alice = parse(export(null, null)).get(2);
        List<String> names = alice.getAttributes().stream().map(attribute -> attribute.getName()).toList();
        assertEquals(List.of("objectClass", "uid", "cn", "sn", "description"), names.subList(0, 5));
    }

    @Test
    void baseAndFilterSelectEntries() throws Exception {
        LdifFixtures.buildSample(directory);
        String text = export(new Dn("ou=people,dc=example,dc=com"), FilterParser.parse("(objectClass=inetOrgPerson)"));
        assertEquals(List.of("uid=alice,ou=people,dc=example,dc=com", "uid=bob,ou=people,dc=example,dc=com",
                "uid=carol,ou=people,dc=example,dc=com"), parse(text).stream().map(Entry::getDN).toList());
    }

    @Test
    void aMissingBaseIsNamed() throws Exception {
        LdifFixtures.buildSample(directory);
        LdapOperationException e = assertThrows(LdapOperationException.class,
                () -> export(new Dn("ou=nobody,dc=example,dc=com"), null));
        assertEquals("the base entry ou=nobody,dc=example,dc=com does not exist", e.getMessage());
    }

    @Test
    void dnsAreWrittenAsTheyWereAdded() throws Exception {
        LdifFixtures.buildSample(directory);
        List<String> written = List.of("CN = Spaced  Name ,ou=people,dc=example,dc=com",
                "cn=Multi+sn=Valued,ou=groups,dc=example,dc=com",
                "cn=Comma\\, Inc,ou=groups,dc=example,dc=com",
                "uid=deep,cn=Comma\\, Inc,ou=groups,dc=example,dc=com");
        try (LarchDirectory larch = LarchDirectory.open(LdifFixtures.settings(directory))) {
            Identity admin = new Identity(new Dn("cn=admin,dc=example,dc=com"), true);
            larch.add(admin, LdifFixtures.entry(written.get(0), "objectClass", "person", "cn", "Spaced  Name", "sn", "N"),
                    UpdateControls.NONE);
            larch.add(admin, LdifFixtures.entry(written.get(1), "objectClass", "person", "cn", "Multi", "sn", "Valued"),
                    UpdateControls.NONE);
            larch.add(admin, LdifFixtures.entry(written.get(2), "objectClass", "person", "cn", "Comma, Inc", "sn", "C"),
                    UpdateControls.NONE);
            larch.add(admin, LdifFixtures.entry(written.get(3), "objectClass", "account", "uid", "deep"),
                    UpdateControls.NONE);
        }
        List<String> dns = new ArrayList<>();
        for (String line : export(null, null).split("\n")) {
            if (line.startsWith("dn: ")) {
                dns.add(line.substring(4));
            }
        }
        assertEquals(true, dns.containsAll(written), dns.toString());
        assertEquals(dns.indexOf(written.get(2)) + 1, dns.indexOf(written.get(3)), "a child right after its parent");
    }

    @Test
    void linesAreAtMostSeventySixCharacters() throws Exception {
        LdifFixtures.buildSample(directory);
        for (String line : export(null, null).split("\n")) {
            assertEquals(true, line.length() <= LdifText.LINE_WIDTH, line);
        }
    }

    private String export(Dn base, org.apache.directory.api.ldap.model.filter.ExprNode filter) {
        StringWriter out = new StringWriter();
        try (DirectoryStore store = LdifFixtures.openStore(directory)) {
            new LdifExport(store).export(base, filter, out);
        }
        return out.toString();
    }

    static List<Entry> parse(String ldif) throws Exception {
        List<Entry> entries = new ArrayList<>();
        try (LDIFReader reader = new LDIFReader(new BufferedReader(new StringReader(ldif)))) {
            for (Entry entry = reader.readEntry(); entry != null; entry = reader.readEntry()) {
                entries.add(entry);
            }
        }
        return entries;
    }
}
