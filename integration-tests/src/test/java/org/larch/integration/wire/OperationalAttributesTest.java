package org.larch.integration.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.larch.integration.data.DirectoryDataGenerator;
import org.larch.integration.server.LarchConfigFile;
import org.larch.integration.server.LarchServerExtension;

/** entryUUID, entryCSN, timestamps, names, structuralObjectClass, subordinates, contextCSN, userPassword visibility. */
class OperationalAttributesTest {
    @RegisterExtension
    static final LarchServerExtension LARCH = LarchServerExtension.withPeople(20);

    /** OpenLDAP's CSN: YYYYmmddHHMMSS.uuuuuuZ#count#sid#mod (count 6, sid 3, mod 6 hex digits). */
    static final Pattern CSN = Pattern.compile("\\d{14}\\.\\d{6}Z#[0-9a-f]{6}#[0-9a-f]{3}#[0-9a-f]{6}");
    static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    static final Pattern GENERALIZED_TIME = Pattern.compile("\\d{14}(\\.\\d+)?Z");

    @Test
    void everyEntryHasAUniqueEntryUuidAndWellFormedCsnAndTimestamps() throws Exception {
        try (LDAPConnection connection = LARCH.connectAsRoot()) {
            Set<String> uuids = new HashSet<>();
            for (SearchResultEntry entry : connection.search(DirectoryDataGenerator.SUFFIX, SearchScope.SUB, "(objectClass=*)", "+")
                    .getSearchEntries()) {
                String uuid = entry.getAttributeValue("entryUUID");
                assertTrue(uuid != null && UUID.matcher(uuid).matches(), entry.getDN() + " entryUUID " + uuid);
                assertTrue(uuids.add(uuid), "entryUUID repeated: " + uuid);
                String csn = entry.getAttributeValue("entryCSN");
                assertTrue(csn != null && CSN.matcher(csn).matches(), entry.getDN() + " entryCSN " + csn);
                assertTrue(GENERALIZED_TIME.matcher(entry.getAttributeValue("createTimestamp")).matches());
                assertTrue(GENERALIZED_TIME.matcher(entry.getAttributeValue("modifyTimestamp")).matches());
                assertEquals("cn=Subschema", entry.getAttributeValue("subschemaSubentry"));
            }
            assertEquals(LARCH.entries().size(), uuids.size());
        }
    }

    @Test
    void namesStructuralClassAndSubordinatesDescribeTheEntry() throws Exception {
        try (LDAPConnection connection = LARCH.connectAsRoot()) {
            SearchResultEntry person = connection.getEntry(DirectoryDataGenerator.personDn(1), "+");
            assertEquals(new DN(LarchConfigFile.ROOT_DN), new DN(person.getAttributeValue("creatorsName")));
            assertEquals(new DN(LarchConfigFile.ROOT_DN), new DN(person.getAttributeValue("modifiersName")));
            assertEquals("inetOrgPerson", person.getAttributeValue("structuralObjectClass"));
            assertEquals("FALSE", person.getAttributeValue("hasSubordinates"));

            SearchResultEntry people = connection.getEntry(DirectoryDataGenerator.PEOPLE, "hasSubordinates", "numSubordinates");
            assertEquals("TRUE", people.getAttributeValue("hasSubordinates"));
            assertEquals(Integer.toString(DirectoryDataGenerator.DEPARTMENTS.size()), people.getAttributeValue("numSubordinates"),
                    "numSubordinates counts the immediate children");
        }
    }

    @Test
    void modifyUpdatesCsnTimestampModifierAndTheSuffixContextCsn() throws Exception {
        String dn = DirectoryDataGenerator.personDn(2);
        try (LDAPConnection root = LARCH.connectAsRoot(); LDAPConnection user = LARCH.connect()) {
            SearchResultEntry before = root.getEntry(dn, "entryCSN", "modifyTimestamp", "createTimestamp");
            String contextBefore = root.getEntry(DirectoryDataGenerator.SUFFIX, "contextCSN").getAttributeValue("contextCSN");
            assertTrue(contextBefore != null && CSN.matcher(contextBefore).matches(), "contextCSN " + contextBefore);
            Thread.sleep(1100);

            user.bind(dn, DirectoryDataGenerator.personPassword(2));
            user.modify(dn, new Modification(ModificationType.REPLACE, "description", "touched"));

            SearchResultEntry after = root.getEntry(dn, "entryCSN", "modifyTimestamp", "createTimestamp", "modifiersName");
            String contextAfter = root.getEntry(DirectoryDataGenerator.SUFFIX, "contextCSN").getAttributeValue("contextCSN");
            assertTrue(after.getAttributeValue("entryCSN").compareTo(before.getAttributeValue("entryCSN")) > 0, "entryCSN rises");
            assertTrue(after.getAttributeValue("modifyTimestamp").compareTo(before.getAttributeValue("modifyTimestamp")) > 0);
            assertEquals(before.getAttributeValue("createTimestamp"), after.getAttributeValue("createTimestamp"));
            assertEquals(new DN(dn), new DN(after.getAttributeValue("modifiersName")));
            assertTrue(contextAfter.compareTo(contextBefore) > 0, "contextCSN rises: " + contextBefore + " -> " + contextAfter);
            assertEquals(after.getAttributeValue("entryCSN"), contextAfter, "contextCSN is the newest change's CSN");
        }
    }

    @Test
    void operationalAttributesCannotBeSetByClients() throws Exception {
        try (LDAPConnection root = LARCH.connectAsRoot()) {
            LDAPException failure = assertThrows(LDAPException.class, () -> root.modify(DirectoryDataGenerator.personDn(3),
                    new Modification(ModificationType.REPLACE, "entryUUID", "00000000-0000-0000-0000-000000000000")));
            assertEquals(ResultCode.CONSTRAINT_VIOLATION, failure.getResultCode(), failure.getMessage());
        }
    }

    @Test
    void userPasswordIsHiddenFromAnonymousAndOtherUsersButNotFromTheRoot() throws Exception {
        String dn = DirectoryDataGenerator.personDn(4);
        try (LDAPConnection anonymous = LARCH.connect(); LDAPConnection other = LARCH.connect();
                LDAPConnection root = LARCH.connectAsRoot()) {
            assertFalse(anonymous.getEntry(dn).hasAttribute("userPassword"), "not with *");
            assertFalse(anonymous.getEntry(dn, "userPassword").hasAttribute("userPassword"), "not by name");
            assertEquals(0, anonymous.search(dn, SearchScope.BASE, "(userPassword=" + DirectoryDataGenerator.personPassword(4) + ")")
                    .getEntryCount(), "a filter must not reveal the password");
            assertEquals(0, anonymous.search(dn, SearchScope.BASE, "(userPassword=*)").getEntryCount());
            LDAPException compare = assertThrows(LDAPException.class, () ->
                    anonymous.compare(dn, "userPassword", DirectoryDataGenerator.personPassword(4)));
            assertEquals(ResultCode.INSUFFICIENT_ACCESS_RIGHTS, compare.getResultCode());

            other.bind(DirectoryDataGenerator.personDn(5), DirectoryDataGenerator.personPassword(5));
            assertFalse(other.getEntry(dn, "*").hasAttribute("userPassword"));

            assertEquals(DirectoryDataGenerator.personPassword(4), root.getEntry(dn, "userPassword").getAttributeValue("userPassword"));
            assertNotEquals(null, root.getEntry(dn).getAttributeValue("userPassword"));
        }
    }
}
