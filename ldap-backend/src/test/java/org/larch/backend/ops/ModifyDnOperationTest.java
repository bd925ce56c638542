package org.larch.backend.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.larch.backend.ops.TestEntries.texts;

import java.nio.file.Path;
import java.util.List;
import org.apache.directory.api.ldap.model.message.ResultCodeEnum;
import org.apache.directory.api.ldap.model.name.Rdn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.larch.backend.LdapOperationException;
import org.larch.backend.csn.Csn;
import org.larch.backend.entry.DirectoryEntry;
import org.larch.backend.request.UpdateControls;
import org.larch.backend.store.StoreReader;

class ModifyDnOperationTest {
    private static final String PEOPLE = "ou=people,dc=example,dc=com";
    private static final String ALICE = "cn=Alice," + PEOPLE;

    @TempDir
    Path directory;
    private DirectoryFixture fixture;
    private ModifyDnOperation modifyDn;

    @BeforeEach
    void open() {
        fixture = DirectoryFixture.populated(directory);
        fixture.addAsRoot(fixture.person("Alice"));
        modifyDn = new ModifyDnOperation(fixture.context);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void renameKeepsTheOldValueWithoutDeleteOldRdn() throws Exception {
        long id = fixture.read(ALICE).id();
        modifyDn.run(fixture.root, fixture.dn(ALICE), new Rdn("cn=Ally"), false, null, UpdateControls.NONE);
        assertNull(fixture.read(ALICE));
        DirectoryEntry renamed = fixture.read("cn=Ally," + PEOPLE);
        assertEquals(id, renamed.id());
        assertEquals("cn=Ally,ou=people,dc=example,dc=com", renamed.dn().getName());
        assertEquals(List.of("Alice", "Ally"), texts(renamed, "cn"));
        assertEquals(1, fixture.indexed("(cn=ally)").length);
    }

    @Test
    void deleteOldRdnRemovesTheOldValueAndItsIndexKey() throws Exception {
        Csn before = fixture.context.operational().entryCsn(fixture.read(ALICE));
        modifyDn.run(fixture.root, fixture.dn(ALICE), new Rdn("cn=Ally"), true, null, UpdateControls.NONE);
        DirectoryEntry renamed = fixture.read("cn=Ally," + PEOPLE);
        assertEquals(List.of("Ally"), texts(renamed, "cn"));
        assertEquals(0, fixture.indexed("(cn=alice)").length);
        Csn after = fixture.context.operational().entryCsn(renamed);
        assertTrue(after.isAfter(before));
        assertEquals(after, fixture.context.operational().contextCsn(fixture.read(DirectoryFixture.SUFFIX)));
    }

    @Test
    void caseOnlyRename() throws Exception {
        modifyDn.run(fixture.root, fixture.dn(ALICE), new Rdn("cn=ALICE"), true, null, UpdateControls.NONE);
        DirectoryEntry renamed = fixture.read(ALICE);
        assertEquals("cn=ALICE,ou=people,dc=example,dc=com", renamed.dn().getName());
        assertEquals(List.of("ALICE"), texts(renamed, "cn"));
    }

    @Test
    void movingASubtreeMovesTheDnsOfAllDescendants() throws Exception {
        fixture.addAsRoot(fixture.entries.entry("ou=staff," + PEOPLE, "objectClass: organizationalUnit", "ou: staff"));
        fixture.addAsRoot(fixture.entries.entry("ou=teams,ou=staff," + PEOPLE, "objectClass: organizationalUnit", "ou: teams"));
        fixture.addAsRoot(fixture.entries.entry("cn=Bob,ou=teams,ou=staff," + PEOPLE, "objectClass: person", "cn: Bob", "sn: B"));
        fixture.addAsRoot(fixture.entries.entry("ou=groups,dc=example,dc=com", "objectClass: organizationalUnit", "ou: groups"));

        modifyDn.run(fixture.root, fixture.dn("ou=staff," + PEOPLE), new Rdn("ou=crew"), true,
                fixture.dn("ou=groups,dc=example,dc=com"), UpdateControls.NONE);

        DirectoryEntry bob = fixture.read("cn=Bob,ou=teams,ou=crew,ou=groups,dc=example,dc=com");
        assertNotNull(bob);
        assertEquals("cn=Bob,ou=teams,ou=crew,ou=groups,dc=example,dc=com", bob.dn().getName());
        assertNull(fixture.read("cn=Bob,ou=teams,ou=staff," + PEOPLE));
        assertEquals(List.of("crew"), texts(fixture.read("ou=crew,ou=groups,dc=example,dc=com"), "ou"));
        try (StoreReader reader = fixture.store.beginRead()) {
            assertEquals(2, reader.subtreeSize(reader.idOf(fixture.dn(PEOPLE))));
            assertEquals(4, reader.subtreeSize(reader.idOf(fixture.dn("ou=groups,dc=example,dc=com"))));
            assertEquals(7, reader.subtreeSize(reader.suffixId()));
        }
    }

    @Test
    void aMoveUnderItselfOrItsDescendant() throws Exception {
        fixture.addAsRoot(fixture.entries.entry("ou=staff," + PEOPLE, "objectClass: organizationalUnit", "ou: staff"));
        for (String under : List.of(PEOPLE, "ou=staff," + PEOPLE)) {
            LdapOperationException error = assertThrows(LdapOperationException.class, () -> modifyDn.run(
                    fixture.root, fixture.dn(PEOPLE), new Rdn("ou=people"), false, fixture.dn(under), UpdateControls.NONE));
            assertEquals(ResultCodeEnum.UNWILLING_TO_PERFORM, error.resultCode(), under);
        }
    }

    @Test
    void aTakenName() throws Exception {
        fixture.addAsRoot(fixture.person("Bob"));
        LdapOperationException error = assertThrows(LdapOperationException.class, () -> modifyDn.run(
                fixture.root, fixture.dn(ALICE), new Rdn("cn=bob"), true, null, UpdateControls.NONE));
        assertEquals(ResultCodeEnum.ENTRY_ALREADY_EXISTS, error.resultCode());
        assertNotNull(fixture.read(ALICE));
    }

    @Test
    void aMissingNewSuperior() throws Exception {
        LdapOperationException error = assertThrows(LdapOperationException.class, () -> modifyDn.run(
                fixture.root, fixture.dn(ALICE), new Rdn("cn=Alice"), true,
                fixture.dn("ou=nowhere,dc=example,dc=com"), UpdateControls.NONE));
        assertEquals(ResultCodeEnum.NO_SUCH_OBJECT, error.resultCode());
        assertEquals(fixture.dn(DirectoryFixture.SUFFIX), error.matchedDn());
    }

    @Test
    void aNewSuperiorOutsideTheSuffix() throws Exception {
        LdapOperationException error = assertThrows(LdapOperationException.class, () -> modifyDn.run(
                fixture.root, fixture.dn(ALICE), new Rdn("cn=Alice"), true, fixture.dn("dc=other,dc=org"),
                UpdateControls.NONE));
        assertEquals(ResultCodeEnum.AFFECTS_MULTIPLE_DSAS, error.resultCode());
    }

    @Test
    void theSuffixEntryKeepsItsName() throws Exception {
        LdapOperationException error = assertThrows(LdapOperationException.class, () -> modifyDn.run(
                fixture.root, fixture.dn(DirectoryFixture.SUFFIX), new Rdn("dc=sample"), true, null, UpdateControls.NONE));
        assertEquals(ResultCodeEnum.UNWILLING_TO_PERFORM, error.resultCode());
    }

    @Test
    void aRenameThatBreaksTheSchemaChangesNothing() throws Exception {
        LdapOperationException error = assertThrows(LdapOperationException.class, () -> modifyDn.run(
                fixture.root, fixture.dn(ALICE), new Rdn("uid=alice"), true, null, UpdateControls.NONE));
        assertEquals(ResultCodeEnum.OBJECT_CLASS_VIOLATION, error.resultCode(), error.getMessage());
        assertNotNull(fixture.read(ALICE));
        assertEquals(1, fixture.indexed("(cn=alice)").length);
    }

    @Test
    void preAndPostReadCarryBothNames() throws Exception {
        UpdateControls reads = new UpdateControls(null, List.of("cn"), List.of("cn"), false, false);
        var outcome = modifyDn.run(fixture.root, fixture.dn(ALICE), new Rdn("cn=Ally"), true, null, reads);
        assertEquals(List.of("Alice"), texts(outcome.preRead(), "cn"));
        assertEquals(List.of("Ally"), texts(outcome.postRead(), "cn"));
        assertEquals("cn=Ally,ou=people,dc=example,dc=com", outcome.postRead().dn().getName());
    }
}
