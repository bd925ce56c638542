package org.larch.benchmarks.ldif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.apache.directory.api.ldap.model.entry.Entry;
import org.apache.directory.api.ldap.model.exception.LdapException;
import org.apache.directory.api.ldap.model.ldif.LdifEntry;
import org.apache.directory.api.ldap.model.ldif.LdifReader;
import org.junit.jupiter.api.Test;

class PersonLdifGeneratorTest {
    /**
     * SHA-256 of the file for 100 persons with the default seed. Benchmark figures are comparable over
     * time only while the data stays the same: if this changes on purpose, say so next to the figures.
     */
    private static final String DIGEST_100_PERSONS_SEED_42 =
            "dd2d9eddb5f191bc925a72f3c99031daca53dd9255e5e28718b75b0d22172b54";

    @Test
    void theSameSeedAndCountGiveTheSameBytes() throws Exception {
        assertEquals(sha256(generate(500, 7)), sha256(generate(500, 7)));
    }

    @Test
    void anotherSeedGivesAnotherFile() throws Exception {
        assertNotEquals(sha256(generate(500, 7)), sha256(generate(500, 8)));
    }

    @Test
    void theDefaultDataStaysTheSameFromCommitToCommit() throws Exception {
        assertEquals(DIGEST_100_PERSONS_SEED_42, sha256(generate(100, PersonLdifGenerator.DEFAULT_SEED)));
    }

    @Test
    void anLdifReaderReadsEveryEntryAndEveryValue() throws Exception {
        List<LdifEntry> entries = parse(generate(1000, 3));

        assertEquals(new PersonLdifGenerator(1000, 3).entryCount(), entries.size());
        assertEquals(1000 + DirectoryTree.CONTAINERS, entries.size());
        Entry person = entries.get(DirectoryTree.CONTAINERS + 17).getEntry();
        assertEquals("user.17", person.get("uid").getString());
        assertTrue(person.contains("objectClass", "inetOrgPerson"));
        assertEquals(person.get("givenName").getString() + " " + person.get("sn").getString(),
                person.get("cn").getString());
        assertTrue(person.get("userPassword").getString().startsWith("{SSHA}"));
    }

    @Test
    void parentsComeBeforeChildrenAndUidsAndMailsAreUnique() throws Exception {
        Set<String> seen = new HashSet<>();
        Set<String> uids = new HashSet<>();
        Set<String> mails = new HashSet<>();
        for (LdifEntry ldif : parse(generate(2000, 11))) {
            String dn = ldif.getDn().getName();
            if (!dn.equals(PersonLdifGenerator.SUFFIX)) {
                assertTrue(seen.contains(ldif.getDn().getParent().getName()), dn + " comes before its parent");
            }
            seen.add(dn);
            if (ldif.getEntry().containsAttribute("uid")) {
                assertTrue(uids.add(ldif.getEntry().get("uid").getString()));
                assertTrue(mails.add(ldif.getEntry().get("mail").getString()));
            }
        }
        assertEquals(2000, uids.size());
    }

    @Test
    void nonAsciiNamesAreWrittenInBase64AndReadBackAsTheyWere() throws Exception {
        byte[] ldif = generate(500, 5);
        String text = new String(ldif, StandardCharsets.UTF_8);
        assertTrue(text.contains("\ncn:: "), "some cn in base64");
        assertTrue(text.chars().allMatch(c -> c < 128), "the file itself is ASCII");
        List<String> nonAsciiNames = new ArrayList<>();
        for (LdifEntry entry : parse(ldif)) {
            if (entry.getEntry().containsAttribute("cn")) {
                String cn = entry.getEntry().get("cn").getString();
                if (cn.chars().anyMatch(c -> c > 127)) {
                    nonAsciiNames.add(cn);
                }
            }
        }
        assertTrue(nonAsciiNames.size() > 50, "about a quarter of 500 people: " + nonAsciiNames.size());
    }

    @Test
    void entriesAreTheSizeOfTypicalDirectoryBenchmarkData() throws Exception {
        int persons = 2000;
        long bytes = new PersonLdifGenerator(persons, 1).write(new ByteArrayOutputStream());
        long bytesPerEntry = bytes / new PersonLdifGenerator(persons, 1).entryCount();
        assertTrue(bytesPerEntry >= 300 && bytesPerEntry <= 550, bytesPerEntry + " bytes per entry");
    }

    @Test
    void theReturnedSizeIsWhatWasWritten() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long bytes = new PersonLdifGenerator(300, 2).write(out);
        assertEquals(out.size(), bytes);
    }

    static byte[] generate(int persons, long seed) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PersonLdifGenerator(persons, seed).write(out);
        return out.toByteArray();
    }

    static List<LdifEntry> parse(byte[] ldif) throws LdapException, IOException {
        List<LdifEntry> entries = new ArrayList<>();
        try (LdifReader reader = new LdifReader(new StringReader(new String(ldif, StandardCharsets.UTF_8)))) {
            for (LdifEntry entry : reader) {
                entries.add(entry);
            }
            if (reader.hasError()) {
                throw new AssertionError("the LDIF reader failed", reader.getError());
            }
        }
        return entries;
    }

    static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
