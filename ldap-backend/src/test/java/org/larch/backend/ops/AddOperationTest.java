package org.larch.backend.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.larch.backend.ops.TestEntries.texts;

import java.nio.file.Path;
import java.util.List;
import org.apache.directory.api.ldap.model.filter.FilterParser;
import org.apache.directory.api.ldap.model.message.ResultCodeEnum;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.larch.backend.LdapOperationException;
import org.larch.backend.csn.Csn;
import org.larch.backend.entry.DirectoryEntry;
import org.larch.backend.request.UpdateControls;
import org.larch.backend.request.UpdateOutcome;
import org.larch.backend.store.StoreReader;

class AddOperationTest {
    @TempDir
    Path directory;
    private DirectoryFixture fixture;
    private AddOperation add;

    @BeforeEach
    void open() {
        fixture = DirectoryFixture.populated(directory);
        add = new AddOperation(fixture.context);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void storesTheEntryAsWrittenWithOperationalAttributes() {
        add.run(fixture.root, fixture.person("Alice"), UpdateControls.NONE);

        DirectoryEntry stored = fixture.read("cn=alice,ou=people,dc=example,dc=com");
        assertEquals("cn=Alice,ou=people,dc=example,dc=com", stored.dn().getName());
        assertEquals(List.of("objectClass", "cn", "sn", "userPassword"),
                stored.attributes().subList(0, 4).stream().map(a -> a.description().text()).toList());
        assertEquals(List.of("inetOrgPerson"), texts(stored, "structuralObjectClass"));
        assertEquals(List.of(DirectoryFixture.ROOT_DN), texts(stored, "creatorsName"));
        assertEquals(1, texts(stored, "entryUUID").size());
        assertArrayEquals(new long[] {stored.id()}, fixture.indexed("(cn=ALICE)"));
    }

    @Test
    void theSuffixCarriesTheGreatestCsnAsContextCsn() {
        add.run(fixture.root, fixture.person("Alice"), UpdateControls.NONE);
        DirectoryEntry alice = fixture.read("cn=Alice,ou=people,dc=example,dc=com");
        DirectoryEntry suffix = fixture.read(DirectoryFixture.SUFFIX);
        Csn entryCsn = fixture.context.operational().entryCsn(alice);
        assertEquals(entryCsn, fixture.context.operational().contextCsn(suffix));
        assertTrue(entryCsn.isAfter(fixture.context.operational().entryCsn(suffix)));
    }

    @Test
    void addsMissingRdnValues() {
        DirectoryEntry entry = fixture.entries.entry("cn=Bob,ou=people,dc=example,dc=com",
                "objectClass: person", "sn: Builder");
        add.run(fixture.root, entry, UpdateControls.NONE);
        assertEquals(List.of("Bob"), texts(fixture.read("cn=Bob,ou=people,dc=example,dc=com"), "cn"));
    }

    @Test
    void parentMissingNamesTheDeepestExistingAncestor() {
        DirectoryEntry entry = fixture.entries.entry("cn=Carol,ou=staff,ou=people,dc=example,dc=com",
                "objectClass: person", "cn: Carol", "sn: C");
        LdapOperationException error = fails(() -> add.run(fixture.root, entry, UpdateControls.NONE));
        assertEquals(ResultCodeEnum.NO_SUCH_OBJECT, error.resultCode());
        assertEquals(fixture.dn("ou=people,dc=example,dc=com"), error.matchedDn());
    }

    @Test
    void outsideTheSuffix() {
        DirectoryEntry entry = fixture.entries.entry("dc=other,dc=org", "objectClass: dcObject",
                "objectClass: organization", "dc: other", "o: other");
        LdapOperationException error = fails(() -> add.run(fixture.root, entry, UpdateControls.NONE));
        assertEquals(ResultCodeEnum.NO_SUCH_OBJECT, error.resultCode());
        assertNull(error.matchedDn());
    }

    @Test
    void anEntryThatExists() {
        add.run(fixture.root, fixture.person("Alice"), UpdateControls.NONE);
        DirectoryEntry again = fixture.person("ALICE");
        LdapOperationException error = fails(() -> add.run(fixture.root, again, UpdateControls.NONE));
        assertEquals(ResultCodeEnum.ENTRY_ALREADY_EXISTS, error.resultCode());
    }

    @Test
    void aSchemaViolationLeavesEverythingUntouched() {
        DirectoryEntry suffixBefore = fixture.read(DirectoryFixture.SUFFIX);
        long[] peopleBefore = fixture.indexed("(objectClass=person)");
        DirectoryEntry noSurname = fixture.entries.entry("cn=Dave,ou=people,dc=example,dc=com",
                "objectClass: person", "cn: Dave");

        LdapOperationException error = fails(() -> add.run(fixture.root, noSurname, UpdateControls.NONE));

        assertEquals(ResultCodeEnum.OBJECT_CLASS_VIOLATION, error.resultCode());
        assertNull(fixture.read("cn=Dave,ou=people,dc=example,dc=com"));
        assertArrayEquals(peopleBefore, fixture.indexed("(objectClass=person)"));
        assertEquals(0, fixture.indexed("(cn=Dave)").length);
        assertEquals(fixture.context.operational().contextCsn(suffixBefore),
                fixture.context.operational().contextCsn(fixture.read(DirectoryFixture.SUFFIX)));
        try (StoreReader reader = fixture.store.beginRead()) {
            assertEquals(0, reader.idOf(fixture.dn("cn=Dave,ou=people,dc=example,dc=com")));
            assertEquals(0, reader.childCount(reader.idOf(fixture.dn("ou=people,dc=example,dc=com"))));
            assertEquals(2, reader.subtreeSize(reader.suffixId()));
        }
    }

    @Test
    void onlyTheRootDnWrites() {
        LdapOperationException error = fails(() -> add.run(
                fixture.user("cn=Alice,ou=people,dc=example,dc=com"), fixture.person("Eve"), UpdateControls.NONE));
        assertEquals(ResultCodeEnum.INSUFFICIENT_ACCESS_RIGHTS, error.resultCode());
    }

    @Test
    void clientsMayNotSetOperationalAttributes() {
        DirectoryEntry entry = fixture.entries.entry("cn=Frank,ou=people,dc=example,dc=com",
                "objectClass: person", "cn: Frank", "sn: F", "createTimestamp: 20000101000000Z");
        LdapOperationException error = fails(() -> add.run(fixture.root, entry, UpdateControls.NONE));
        assertEquals(ResultCodeEnum.CONSTRAINT_VIOLATION, error.resultCode());
        assertEquals("createTimestamp: no user modification allowed", error.getMessage());
    }

    @Test
    void rootWithManageDsaItSeedsOperationalAttributes() {
        DirectoryEntry entry = fixture.entries.entry("cn=Gina,ou=people,dc=example,dc=com",
                "objectClass: person", "cn: Gina", "sn: G", "createTimestamp: 20000101000000Z",
                "entryUUID: 0c0a3f30-56b6-4a4e-9d4b-0a8e5a3f1c22");
        add.run(fixture.root, entry, new UpdateControls(null, null, null, true, false));
        DirectoryEntry stored = fixture.read("cn=Gina,ou=people,dc=example,dc=com");
        assertEquals(List.of("20000101000000Z"), texts(stored, "createTimestamp"));
        assertEquals(List.of("0c0a3f30-56b6-4a4e-9d4b-0a8e5a3f1c22"), texts(stored, "entryUUID"));
    }

    @Test
    void postReadReturnsTheRequestedAttributesOfTheStoredEntry() {
        UpdateControls postRead = new UpdateControls(null, null, List.of("cn", "entryUUID"), false, false);
        UpdateOutcome outcome = add.run(fixture.root, fixture.person("Hank"), postRead);
        DirectoryEntry read = outcome.postRead();
        assertNotNull(read);
        assertEquals(List.of("cn", "entryUUID"), read.attributes().stream().map(a -> a.description().text()).toList());
        assertEquals(texts(fixture.read("cn=Hank,ou=people,dc=example,dc=com"), "entryUUID"), texts(read, "entryUUID"));
    }

    @Test
    void assertionIsEvaluatedAgainstTheNewEntry() throws Exception {
        UpdateControls matching = new UpdateControls(FilterParser.parse("(sn=Ivanson)"), null, null, false, false);
        add.run(fixture.root, fixture.person("Ivan"), matching);
        UpdateControls failing = new UpdateControls(FilterParser.parse("(sn=other)"), null, null, false, false);
        LdapOperationException error = fails(() -> add.run(fixture.root, fixture.person("Jane"), failing));
        assertEquals(122, error.resultCode().getResultCode());
        assertNull(fixture.read("cn=Jane,ou=people,dc=example,dc=com"));
    }

    private static LdapOperationException fails(Runnable operation) {
        return assertThrows(LdapOperationException.class, operation::run);
    }
}
