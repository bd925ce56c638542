package org.larch.integration.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ModifyDNRequest;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.larch.integration.data.DirectoryDataGenerator;
import org.larch.integration.server.LarchServerExtension;

/** Add, modify (add/delete/replace/increment), delete, modDN (rename, move of a subtree), compare. */
class UpdateTest {
    @RegisterExtension
    static final LarchServerExtension LARCH = LarchServerExtension.withPeople(30);
    private static final String UNIT = "ou=research," + DirectoryDataGenerator.PEOPLE;

    /** A fresh rootdn connection per test: a test that breaks its connection breaks no other. */
    private LDAPConnection connection;

    @BeforeEach
    void connect() {
        connection = LARCH.connectAsRoot();
    }

    @AfterEach
    void disconnect() {
        if (connection != null) {
            connection.close();
        }
    }

    static Entry person(String uid, String parent) throws com.unboundid.ldif.LDIFException {
        return new Entry(
                "dn: uid=" + uid + "," + parent,
                "objectClass: top", "objectClass: person", "objectClass: organizationalPerson", "objectClass: inetOrgPerson",
                "objectClass: posixAccount", "uid: " + uid, "cn: Test " + uid, "sn: " + uid, "description: first",
                "uidNumber: 7", "gidNumber: 100", "homeDirectory: /home/" + uid);
    }

    @Test
    void addedEntryCanBeReadBack() throws Exception {
        Entry added = person("added", UNIT);
        assertEquals(ResultCode.SUCCESS, connection.add(added).getResultCode());
        SearchResultEntry read = connection.getEntry(added.getDN());
        assertNotNull(read);
        assertEquals(Set.of("Test added"), Set.of(read.getAttributeValues("cn")));
        assertEquals(1, connection.search(DirectoryDataGenerator.SUFFIX, SearchScope.SUB, "(uid=added)").getEntryCount(),
                "the new entry is in the indexes");
    }

    @Test
    void modifyAddsDeletesReplacesAndIncrements() throws Exception {
        Entry entry = person("modified", UNIT);
        connection.add(entry);
        connection.modify(entry.getDN(),
                new Modification(ModificationType.ADD, "description", "second", "third"),
                new Modification(ModificationType.DELETE, "description", "first"),
                new Modification(ModificationType.REPLACE, "sn", "Replaced"),
                new Modification(ModificationType.ADD, "mail", "modified@example.com"),
                new Modification(ModificationType.INCREMENT, "uidNumber", "5"));
        SearchResultEntry read = connection.getEntry(entry.getDN());
        assertEquals(List.of("second", "third"), List.of(read.getAttributeValues("description")));
        assertEquals("Replaced", read.getAttributeValue("sn"));
        assertEquals("modified@example.com", read.getAttributeValue("mail"));
        assertEquals("12", read.getAttributeValue("uidNumber"));
        connection.modify(entry.getDN(), new Modification(ModificationType.DELETE, "mail"));
        assertFalse(connection.getEntry(entry.getDN()).hasAttribute("mail"), "delete without values removes the attribute");
        assertEquals(0, connection.search(UNIT, SearchScope.SUB, "(sn=modified)").getEntryCount(), "old sn left the index");
        assertEquals(1, connection.search(UNIT, SearchScope.SUB, "(sn=replaced)").getEntryCount(), "new sn in the index");
    }

    @Test
    void modifyThatBreaksTheSchemaIsRefusedAndChangesNothing() throws Exception {
        Entry entry = person("strict", UNIT);
        connection.add(entry);
        LDAPException failure = assertThrows(LDAPException.class, () -> connection.modify(entry.getDN(),
                new Modification(ModificationType.ADD, "description", "kept?"),
                new Modification(ModificationType.DELETE, "sn")));
        assertEquals(ResultCode.OBJECT_CLASS_VIOLATION, failure.getResultCode(), "sn is required by person");
        assertEquals(List.of("first"), List.of(connection.getEntry(entry.getDN()).getAttributeValues("description")),
                "a failed modify is atomic");
    }

    @Test
    void addPutsAMissingRdnValueIntoTheEntryAsSlapdDoes() throws Exception {
        connection.add("dn: ou=named," + UNIT, "objectClass: organizationalUnit", "ou: other-name");
        assertEquals(Set.of("named", "other-name"), Set.of(connection.getEntry("ou=named," + UNIT).getAttributeValues("ou")));
    }

    @Test
    void deleteRemovesALeaf() throws Exception {
        Entry entry = person("deleted", UNIT);
        connection.add(entry);
        assertEquals(ResultCode.SUCCESS, connection.delete(entry.getDN()).getResultCode());
        assertNull(connection.getEntry(entry.getDN()));
        assertEquals(0, connection.search(UNIT, SearchScope.SUB, "(uid=deleted)").getEntryCount());
    }

    @Test
    void modDnRenamesWithAndWithoutDeletingTheOldRdn() throws Exception {
        connection.add(person("rename-me", UNIT));
        connection.modifyDN("uid=rename-me," + UNIT, "uid=renamed", true);
        assertNull(connection.getEntry("uid=rename-me," + UNIT));
        SearchResultEntry renamed = connection.getEntry("uid=renamed," + UNIT);
        assertEquals(Set.of("renamed"), Set.of(renamed.getAttributeValues("uid")));

        connection.modifyDN("uid=renamed," + UNIT, "uid=kept", false);
        assertEquals(Set.of("renamed", "kept"), Set.of(connection.getEntry("uid=kept," + UNIT).getAttributeValues("uid")));
        assertEquals(1, connection.search(UNIT, SearchScope.ONE, "(uid=renamed)").getEntryCount());
    }

    @Test
    void modDnChangesOnlyTheCaseOfTheRdn() throws Exception {
        connection.add(person("casechange", UNIT));
        connection.modifyDN("uid=casechange," + UNIT, "uid=CaseChange", true);
        SearchResultEntry entry = connection.getEntry("uid=casechange," + UNIT);
        assertTrue(entry.getDN().startsWith("uid=CaseChange"), entry.getDN());
        assertEquals(Set.of("CaseChange"), Set.of(entry.getAttributeValues("uid")));
    }

    @Test
    void modDnMovesAWholeSubtreeUnderANewSuperior() throws Exception {
        String team = "ou=team," + UNIT;
        connection.add("dn: " + team, "objectClass: organizationalUnit", "ou: team");
        for (int index = 0; index < 5; index++) {
            connection.add(person("member" + index, team));
        }
        String newParent = "ou=finance," + DirectoryDataGenerator.PEOPLE;
        connection.modifyDN(new ModifyDNRequest(team, "ou=moved-team", true, newParent));

        String moved = "ou=moved-team," + newParent;
        assertNull(connection.getEntry(team));
        assertEquals(6, connection.search(moved, SearchScope.SUB, "(objectClass=*)").getEntryCount());
        assertNotNull(connection.getEntry("uid=member3," + moved));
        assertEquals(0, connection.search(UNIT, SearchScope.SUB, "(uid=member3)").getEntryCount());
        assertEquals(1, connection.search(newParent, SearchScope.SUB, "(uid=member3)").getEntryCount(),
                "the indexes follow the moved subtree");
    }

    @Test
    void modDnUnderItselfIsRefused() throws Exception {
        String unit = "ou=loop," + UNIT;
        connection.add("dn: " + unit, "objectClass: organizationalUnit", "ou: loop");
        connection.add(person("inside", unit));
        LDAPException failure = assertThrows(LDAPException.class, () ->
                connection.modifyDN(new ModifyDNRequest(unit, "ou=loop", true, "uid=inside," + unit)));
        assertEquals(ResultCode.UNWILLING_TO_PERFORM, failure.getResultCode());
        assertNotNull(connection.getEntry("uid=inside," + unit));
    }

    @Test
    void compareAnswersTrueAndFalse() throws Exception {
        String dn = DirectoryDataGenerator.personDn(2);
        String sn = connection.getEntry(dn).getAttributeValue("sn");
        assertTrue(connection.compare(dn, "sn", sn.toUpperCase()).compareMatched(), "sn compares case-insensitively");
        assertFalse(connection.compare(dn, "sn", "Nobody").compareMatched());
        assertEquals(ResultCode.COMPARE_TRUE, connection.compare(dn, "uid", "user.2").getResultCode());
        assertEquals(ResultCode.COMPARE_FALSE, connection.compare(dn, "uid", "user.3").getResultCode());
    }

    @Test
    void userMayChangeItsOwnEntryButNoOtherAndAnonymousNothing() throws Exception {
        String own = DirectoryDataGenerator.personDn(6);
        String other = DirectoryDataGenerator.personDn(7);
        try (LDAPConnection user = LARCH.connect()) {
            user.bind(own, DirectoryDataGenerator.personPassword(6));
            user.modify(own, new Modification(ModificationType.REPLACE, "description", "changed by myself"));
            assertEquals("changed by myself", connection.getEntry(own).getAttributeValue("description"));
            LDAPException denied = assertThrows(LDAPException.class, () ->
                    user.modify(other, new Modification(ModificationType.REPLACE, "description", "not mine")));
            assertEquals(ResultCode.INSUFFICIENT_ACCESS_RIGHTS, denied.getResultCode());
        }
        try (LDAPConnection anonymous = LARCH.connect()) {
            LDAPException denied = assertThrows(LDAPException.class, () -> anonymous.add(person("intruder", UNIT)));
            assertEquals(ResultCode.INSUFFICIENT_ACCESS_RIGHTS, denied.getResultCode());
        }
    }
}
