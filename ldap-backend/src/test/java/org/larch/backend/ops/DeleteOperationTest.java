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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.larch.backend.LdapOperationException;
import org.larch.backend.csn.Csn;
import org.larch.backend.entry.DirectoryEntry;
import org.larch.backend.request.UpdateControls;
import org.larch.backend.store.StoreReader;

class DeleteOperationTest {
    private static final String PEOPLE = "ou=people,dc=example,dc=com";
    private static final UpdateControls SUBTREE = new UpdateControls(null, null, null, false, true);

    @TempDir
    Path directory;
    private DirectoryFixture fixture;
    private DeleteOperation delete;

    @BeforeEach
    void open() {
        fixture = DirectoryFixture.populated(directory);
        fixture.addAsRoot(fixture.person("Alice"));
        fixture.addAsRoot(fixture.person("Bob"));
        delete = new DeleteOperation(fixture.context);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void removesALeafWithItsIndexKeys() {
        Csn before = contextCsn();
        delete.run(fixture.root, fixture.dn("cn=alice," + PEOPLE), UpdateControls.NONE);
        assertNull(fixture.read("cn=Alice," + PEOPLE));
        assertEquals(0, fixture.indexed("(cn=alice)").length);
        assertEquals(1, fixture.indexed("(cn=bob)").length);
        assertTrue(contextCsn().isAfter(before));
        try (StoreReader reader = fixture.store.beginRead()) {
            assertEquals(1, reader.childCount(reader.idOf(fixture.dn(PEOPLE))));
            assertEquals(3, reader.subtreeSize(reader.suffixId()));
        }
    }

    @Test
    void refusesANonLeaf() {
        LdapOperationException error = assertThrows(LdapOperationException.class,
                () -> delete.run(fixture.root, fixture.dn(PEOPLE), UpdateControls.NONE));
        assertEquals(ResultCodeEnum.NOT_ALLOWED_ON_NON_LEAF, error.resultCode());
        assertNotNull(fixture.read("cn=Alice," + PEOPLE));
    }

    @Test
    void subtreeDeleteRemovesEverythingBelowInOneTransaction() {
        fixture.addAsRoot(fixture.entries.entry("ou=staff," + PEOPLE, "objectClass: organizationalUnit", "ou: staff"));
        fixture.addAsRoot(fixture.entries.entry("cn=Carol,ou=staff," + PEOPLE, "objectClass: person", "cn: Carol", "sn: C"));
        delete.run(fixture.root, fixture.dn(PEOPLE), SUBTREE);
        for (String gone : List.of(PEOPLE, "cn=Alice," + PEOPLE, "ou=staff," + PEOPLE, "cn=Carol,ou=staff," + PEOPLE)) {
            assertNull(fixture.read(gone), gone);
        }
        assertEquals(0, fixture.indexed("(objectClass=person)").length);
        assertEquals(0, fixture.indexed("(cn=Carol)").length);
        try (StoreReader reader = fixture.store.beginRead()) {
            assertEquals(1, reader.subtreeSize(reader.suffixId()));
            assertEquals(0, reader.childCount(reader.suffixId()));
        }
    }

    @Test
    void missingEntryNamesTheMatchedDn() {
        LdapOperationException error = assertThrows(LdapOperationException.class,
                () -> delete.run(fixture.root, fixture.dn("cn=Nobody," + PEOPLE), UpdateControls.NONE));
        assertEquals(ResultCodeEnum.NO_SUCH_OBJECT, error.resultCode());
        assertEquals(fixture.dn(PEOPLE), error.matchedDn());
    }

    @Test
    void aUserMayNotDeleteOthers() {
        LdapOperationException error = assertThrows(LdapOperationException.class, () -> delete.run(
                fixture.user("cn=Bob," + PEOPLE), fixture.dn("cn=Alice," + PEOPLE), UpdateControls.NONE));
        assertEquals(ResultCodeEnum.INSUFFICIENT_ACCESS_RIGHTS, error.resultCode());
    }

    @Test
    void preReadReturnsTheDeletedEntry() {
        UpdateControls preRead = new UpdateControls(null, List.of("sn", "userPassword"), null, false, false);
        DirectoryEntry read = delete.run(fixture.root, fixture.dn("cn=Alice," + PEOPLE), preRead).preRead();
        assertEquals(List.of("Aliceson"), texts(read, "sn"));
        assertEquals(List.of("secret-Alice"), texts(read, "userPassword"), "the rootdn reads passwords");
    }

    @Test
    void failedAssertionLeavesTheEntry() throws Exception {
        UpdateControls assertion = new UpdateControls(
                org.apache.directory.api.ldap.model.filter.FilterParser.parse("(sn=Other)"), null, null, false, false);
        LdapOperationException error = assertThrows(LdapOperationException.class,
                () -> delete.run(fixture.root, fixture.dn("cn=Alice," + PEOPLE), assertion));
        assertEquals(AssertionControl.ASSERTION_FAILED, error.resultCode());
        assertNotNull(fixture.read("cn=Alice," + PEOPLE));
    }

    private Csn contextCsn() {
        return fixture.context.operational().contextCsn(fixture.read(DirectoryFixture.SUFFIX));
    }
}
