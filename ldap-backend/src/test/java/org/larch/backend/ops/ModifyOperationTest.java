package org.larch.backend.ops;

import static org.apache.directory.api.ldap.model.entry.ModificationOperation.ADD_ATTRIBUTE;
import static org.apache.directory.api.ldap.model.entry.ModificationOperation.REMOVE_ATTRIBUTE;
import static org.apache.directory.api.ldap.model.entry.ModificationOperation.REPLACE_ATTRIBUTE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.larch.backend.ops.TestEntries.modification;
import static org.larch.backend.ops.TestEntries.texts;

import java.nio.file.Path;
import java.util.List;
import org.apache.directory.api.ldap.model.message.ResultCodeEnum;
import org.apache.directory.api.ldap.model.name.Dn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.larch.backend.Identity;
import org.larch.backend.LdapOperationException;
import org.larch.backend.csn.Csn;
import org.larch.backend.entry.DirectoryEntry;
import org.larch.backend.request.EntryModification;
import org.larch.backend.request.UpdateControls;
import org.larch.backend.request.UpdateOutcome;

class ModifyOperationTest {
    private static final String ALICE = "cn=Alice,ou=people,dc=example,dc=com";

    @TempDir
    Path directory;
    private DirectoryFixture fixture;
    private ModifyOperation modify;

    @BeforeEach
    void open() {
        fixture = DirectoryFixture.populated(directory);
        fixture.addAsRoot(fixture.person("Alice"));
        modify = new ModifyOperation(fixture.context);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void changesValuesIndexAndOperationalAttributesTogether() {
        DirectoryEntry before = fixture.read(ALICE);
        run(fixture.root, modification(ADD_ATTRIBUTE, "cn", "Ally"), modification(REPLACE_ATTRIBUTE, "sn", "Smith"));

        DirectoryEntry after = fixture.read(ALICE);
        assertEquals(List.of("Alice", "Ally"), texts(after, "cn"));
        assertEquals(List.of("Smith"), texts(after, "sn"));
        assertArrayEquals(new long[] {after.id()}, fixture.indexed("(cn=ally)"));
        Csn entryCsn = fixture.context.operational().entryCsn(after);
        assertTrue(entryCsn.isAfter(fixture.context.operational().entryCsn(before)));
        assertEquals(entryCsn, fixture.context.operational().contextCsn(fixture.read(DirectoryFixture.SUFFIX)));
        assertEquals(texts(before, "entryUUID"), texts(after, "entryUUID"));
        assertEquals(texts(before, "createTimestamp"), texts(after, "createTimestamp"));
        assertEquals(List.of(DirectoryFixture.ROOT_DN), texts(after, "modifiersName"));
    }

    @Test
    void aUserChangesItsOwnEntryButNoOther() {
        Identity alice = fixture.user(ALICE);
        run(alice, modification(REPLACE_ATTRIBUTE, "description", "mine"));
        assertEquals(List.of(ALICE), texts(fixture.read(ALICE), "modifiersName"));
        fixture.addAsRoot(fixture.person("Bob"));
        LdapOperationException error = fails(alice, "cn=Bob,ou=people,dc=example,dc=com",
                modification(REPLACE_ATTRIBUTE, "description", "yours"));
        assertEquals(ResultCodeEnum.INSUFFICIENT_ACCESS_RIGHTS, error.resultCode());
    }

    @Test
    void aUserIsRecognizedWhateverTheSpellingOfTheDn() throws Exception {
        Dn spelledOtherwise = new Dn("CN=ALICE, OU=People, DC=Example, DC=Com");
        modify.run(fixture.user(ALICE), spelledOtherwise,
                List.of(modification(REPLACE_ATTRIBUTE, "description", "mine")), UpdateControls.NONE);
        assertEquals(List.of("mine"), texts(fixture.read(ALICE), "description"));
    }

    @Test
    void removingTheRdnValue() {
        run(fixture.root, modification(ADD_ATTRIBUTE, "cn", "Ally"));
        LdapOperationException error = fails(fixture.root, ALICE, modification(REMOVE_ATTRIBUTE, "cn", "alice"));
        assertEquals(ResultCodeEnum.NOT_ALLOWED_ON_RDN, error.resultCode());
        assertEquals("value of naming attribute 'cn' is not present in entry", error.getMessage());
    }

    @Test
    void aSchemaViolationLeavesEntryIndexAndContextCsnUntouched() {
        DirectoryEntry before = fixture.read(ALICE);
        Csn contextBefore = fixture.context.operational().contextCsn(fixture.read(DirectoryFixture.SUFFIX));
        LdapOperationException error = fails(fixture.root, ALICE,
                modification(ADD_ATTRIBUTE, "cn", "Ally"), modification(REMOVE_ATTRIBUTE, "sn"));
        assertEquals(ResultCodeEnum.OBJECT_CLASS_VIOLATION, error.resultCode());
        DirectoryEntry after = fixture.read(ALICE);
        assertEquals(texts(before, "cn"), texts(after, "cn"));
        assertEquals(texts(before, "entryCSN"), texts(after, "entryCSN"));
        assertEquals(0, fixture.indexed("(cn=ally)").length);
        assertEquals(contextBefore, fixture.context.operational().contextCsn(fixture.read(DirectoryFixture.SUFFIX)));
    }

    @Test
    void auxiliaryObjectClassesComeAndGo() {
        run(fixture.root, modification(ADD_ATTRIBUTE, "objectClass", "posixAccount"),
                modification(ADD_ATTRIBUTE, "uid", "alice"), modification(ADD_ATTRIBUTE, "uidNumber", "1000"),
                modification(ADD_ATTRIBUTE, "gidNumber", "100"), modification(ADD_ATTRIBUTE, "homeDirectory", "/home/alice"));
        assertTrue(texts(fixture.read(ALICE), "objectClass").contains("posixAccount"));
        run(fixture.root, modification(REMOVE_ATTRIBUTE, "objectClass", "posixAccount"),
                modification(REMOVE_ATTRIBUTE, "uidNumber"), modification(REMOVE_ATTRIBUTE, "gidNumber"),
                modification(REMOVE_ATTRIBUTE, "homeDirectory"));
        assertEquals(List.of("inetOrgPerson"), texts(fixture.read(ALICE), "objectClass"));
    }

    @Test
    void theStructuralClassStays() {
        LdapOperationException error = fails(fixture.root, ALICE,
                modification(REPLACE_ATTRIBUTE, "objectClass", "person"));
        assertEquals(ResultCodeEnum.OBJECT_CLASS_MODS_PROHIBITED, error.resultCode());
    }

    @Test
    void operationalAttributesAreNotForClients() {
        LdapOperationException error = fails(fixture.root, ALICE,
                modification(REPLACE_ATTRIBUTE, "modifyTimestamp", "20000101000000Z"));
        assertEquals(ResultCodeEnum.CONSTRAINT_VIOLATION, error.resultCode());
    }

    @Test
    void rootWithManageDsaItSeedsOperationalAttributesThatStand() {
        UpdateControls manageDsaIt = new UpdateControls(null, null, null, true, false);
        String seededCsn = "20250101000000.000000Z#000000#002#000000";
        modify.run(fixture.root, fixture.dn(ALICE), List.of(
                modification(REPLACE_ATTRIBUTE, "entryCSN", seededCsn),
                modification(REPLACE_ATTRIBUTE, "modifyTimestamp", "20250101000000Z"),
                modification(REPLACE_ATTRIBUTE, "description", "replicated")), manageDsaIt);
        DirectoryEntry after = fixture.read(ALICE);
        assertEquals(List.of(seededCsn), texts(after, "entryCSN"));
        assertEquals(List.of("20250101000000Z"), texts(after, "modifyTimestamp"));
        assertEquals(List.of(DirectoryFixture.ROOT_DN), texts(after, "modifiersName"), "not seeded: stamped");
    }

    @Test
    void missingEntry() {
        LdapOperationException error = fails(fixture.root, "cn=Nobody,ou=people,dc=example,dc=com",
                modification(REPLACE_ATTRIBUTE, "sn", "x"));
        assertEquals(ResultCodeEnum.NO_SUCH_OBJECT, error.resultCode());
        assertEquals(fixture.dn("ou=people,dc=example,dc=com"), error.matchedDn());
    }

    @Test
    void preAndPostReadShowBothSides() {
        UpdateControls reads = new UpdateControls(null, List.of("sn"), List.of("sn", "modifyTimestamp"), false, false);
        UpdateOutcome outcome = modify.run(fixture.root, fixture.dn(ALICE),
                List.of(modification(REPLACE_ATTRIBUTE, "sn", "Smith")), reads);
        assertEquals(List.of("Aliceson"), texts(outcome.preRead(), "sn"));
        assertEquals(List.of("Smith"), texts(outcome.postRead(), "sn"));
        assertEquals(1, texts(outcome.postRead(), "modifyTimestamp").size());
    }

    @Test
    void aUserDoesNotReadPasswordsThroughPostRead() {
        UpdateControls reads = new UpdateControls(null, null, List.of("*"), false, false);
        UpdateOutcome outcome = modify.run(fixture.user(ALICE), fixture.dn(ALICE),
                List.of(modification(REPLACE_ATTRIBUTE, "sn", "Smith")), reads);
        assertEquals(List.of(), texts(outcome.postRead(), "userPassword"));
        assertEquals(List.of("Smith"), texts(outcome.postRead(), "sn"));
        assertEquals(List.of(), texts(outcome.postRead(), "entryCSN"), "* is user attributes only");
    }

    @Test
    void assertionOnTheEntryBeforeTheChange() throws Exception {
        var filter = org.apache.directory.api.ldap.model.filter.FilterParser.parse("(sn=Aliceson)");
        UpdateControls assertion = new UpdateControls(filter, null, null, false, false);
        modify.run(fixture.root, fixture.dn(ALICE), List.of(modification(REPLACE_ATTRIBUTE, "sn", "Smith")), assertion);
        LdapOperationException error = assertThrows(LdapOperationException.class, () -> modify.run(
                fixture.root, fixture.dn(ALICE), List.of(modification(REPLACE_ATTRIBUTE, "sn", "Jones")), assertion));
        assertEquals(AssertionControl.ASSERTION_FAILED, error.resultCode());
        assertEquals(List.of("Smith"), texts(fixture.read(ALICE), "sn"));
    }

    /** Regression: an assertion on userPassword let a user test a password it may not read. */
    @Test
    void anAssertionOnAnAttributeTheRequesterMayNotReadFails() throws Exception {
        var filter = org.apache.directory.api.ldap.model.filter.FilterParser.parse("(userPassword=secret-Alice)");
        UpdateControls assertion = new UpdateControls(filter, null, null, false, false);
        LdapOperationException error = assertThrows(LdapOperationException.class, () -> modify.run(
                fixture.user(ALICE), fixture.dn(ALICE), List.of(modification(REPLACE_ATTRIBUTE, "sn", "Jones")),
                assertion));
        assertEquals(AssertionControl.ASSERTION_FAILED, error.resultCode());
        modify.run(fixture.root, fixture.dn(ALICE), List.of(modification(REPLACE_ATTRIBUTE, "sn", "Smith")), assertion);
        assertEquals(List.of("Smith"), texts(fixture.read(ALICE), "sn"));
    }

    @Test
    void everyChangeGetsANewCsn() {
        String first = texts(fixture.read(ALICE), "entryCSN").getFirst();
        run(fixture.root, modification(REPLACE_ATTRIBUTE, "description", "one"));
        String second = texts(fixture.read(ALICE), "entryCSN").getFirst();
        run(fixture.root, modification(REPLACE_ATTRIBUTE, "description", "two"));
        String third = texts(fixture.read(ALICE), "entryCSN").getFirst();
        assertNotEquals(first, second);
        assertTrue(Csn.parse(third).isAfter(Csn.parse(second)) && Csn.parse(second).isAfter(Csn.parse(first)));
    }

    private void run(Identity who, EntryModification... modifications) {
        modify.run(who, fixture.dn(ALICE), List.of(modifications), UpdateControls.NONE);
    }

    private LdapOperationException fails(Identity who, String dn, EntryModification... modifications) {
        return assertThrows(LdapOperationException.class,
                () -> modify.run(who, fixture.dn(dn), List.of(modifications), UpdateControls.NONE));
    }
}
