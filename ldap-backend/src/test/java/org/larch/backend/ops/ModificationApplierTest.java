package org.larch.backend.ops;

import static org.apache.directory.api.ldap.model.entry.ModificationOperation.ADD_ATTRIBUTE;
import static org.apache.directory.api.ldap.model.entry.ModificationOperation.INCREMENT_ATTRIBUTE;
import static org.apache.directory.api.ldap.model.entry.ModificationOperation.REMOVE_ATTRIBUTE;
import static org.apache.directory.api.ldap.model.entry.ModificationOperation.REPLACE_ATTRIBUTE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.larch.backend.ops.TestEntries.modification;
import static org.larch.backend.ops.TestEntries.texts;

import java.util.Arrays;
import java.util.List;
import org.apache.directory.api.ldap.model.message.ResultCodeEnum;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.larch.backend.LdapOperationException;
import org.larch.backend.entry.DirectoryEntry;
import org.larch.backend.request.EntryModification;
import org.larch.backend.match.MatchingRules;
import org.larch.backend.schema.DirectorySchema;

class ModificationApplierTest {
    private static DirectorySchema schema;
    private static TestEntries entries;
    private static ModificationApplier applier;
    private DirectoryEntry bob;

    @BeforeAll
    static void loadSchema() {
        schema = DirectorySchema.load(List.of());
        entries = new TestEntries(schema);
        applier = new ModificationApplier(schema, new MatchingRules(schema.schemaManager()));
    }

    @BeforeEach
    void createBob() {
        bob = entries.entry("cn=Bob,ou=people,dc=example,dc=com",
                "objectClass: top", "objectClass: posixAccount", "objectClass: inetOrgPerson",
                "cn: Bob", "cn: Robert", "cn;lang-de: Robert", "sn: Builder",
                "uid: bob", "uidNumber: 1000", "gidNumber: 100", "homeDirectory: /home/bob",
                "mail: bob@example.com");
    }

    @Test
    void addAppendsValuesAndNewAttributes() {
        DirectoryEntry after = apply(
                modification(ADD_ATTRIBUTE, "mail", "builder@example.com"),
                modification(ADD_ATTRIBUTE, "description", "fixes things"));
        assertEquals(List.of("bob@example.com", "builder@example.com"), texts(after, "mail"));
        assertEquals("description", after.attributes().getLast().description().text());
        assertEquals(List.of("bob@example.com"), texts(bob, "mail"), "the original entry is unchanged");
    }

    @Test
    void addOfAPresentValueUnderTheEqualityRule() {
        LdapOperationException error = applyFails(modification(ADD_ATTRIBUTE, "cn", "ROBERT"));
        assertEquals(ResultCodeEnum.ATTRIBUTE_OR_VALUE_EXISTS, error.resultCode());
        assertEquals("modify/add: cn: value #0 already exists", error.getMessage());
    }

    @Test
    void addOfTheSameValueTwice() {
        LdapOperationException error = applyFails(modification(ADD_ATTRIBUTE, "description", "x", "y", "X"));
        assertEquals(ResultCodeEnum.ATTRIBUTE_OR_VALUE_EXISTS, error.resultCode());
        assertEquals("modify/add: description: value #2 provided more than once", error.getMessage());
    }

    @Test
    void addWithoutValuesIsAProtocolError() {
        assertEquals(ResultCodeEnum.PROTOCOL_ERROR, applyFails(modification(ADD_ATTRIBUTE, "description")).resultCode());
    }

    @Test
    void anAliasNamesTheSameAttribute() {
        DirectoryEntry after = apply(modification(ADD_ATTRIBUTE, "commonName", "Bobby"));
        assertEquals(List.of("Bob", "Robert", "Bobby"), texts(after, "cn"));
        assertNull(after.get("commonName"));
    }

    @Test
    void optionsMakeAnotherAttribute() {
        DirectoryEntry after = apply(modification(REMOVE_ATTRIBUTE, "cn;lang-de"));
        assertNull(after.get("cn;lang-de"));
        assertEquals(List.of("Bob", "Robert"), texts(after, "cn"));
        DirectoryEntry added = apply(modification(ADD_ATTRIBUTE, "cn;lang-en", "Bob"));
        assertEquals(List.of("Bob"), texts(added, "cn;lang-en"));
    }

    @Test
    void deleteOfValuesUnderTheEqualityRule() {
        DirectoryEntry after = apply(modification(REMOVE_ATTRIBUTE, "cn", "robert"));
        assertEquals(List.of("Bob"), texts(after, "cn"));
    }

    @Test
    void deleteOfSeveralValuesAndOfOneValueTwice() {
        DirectoryEntry after = apply(modification(ADD_ATTRIBUTE, "cn", "Bobby", "Rob"),
                modification(REMOVE_ATTRIBUTE, "cn", "ROBERT", "bobby"));
        assertEquals(List.of("Bob", "Rob"), texts(after, "cn"));
        assertEquals(ResultCodeEnum.NO_SUCH_ATTRIBUTE,
                applyFails(modification(REMOVE_ATTRIBUTE, "cn", "robert", "Robert")).resultCode());
    }

    @Test
    void largeAttributesAreLookedUpOnce() {
        String[] members = new String[2000];
        for (int i = 0; i < members.length; i++) {
            members[i] = "uid=user" + i + ",ou=people,dc=example,dc=com";
        }
        DirectoryEntry group = entries.entry("cn=big,dc=example,dc=com", "objectClass: groupOfNames", "cn: big");
        group = applier.apply(group, List.of(modification(ADD_ATTRIBUTE, "member", members)));
        String[] removed = Arrays.copyOfRange(members, 0, 1000);
        DirectoryEntry smaller = applier.apply(group, List.of(modification(REMOVE_ATTRIBUTE, "member", removed),
                modification(ADD_ATTRIBUTE, "member", "UID=USER0, OU=people, DC=example, DC=com")));
        assertEquals(1001, texts(smaller, "member").size());
        assertEquals(members[1000], texts(smaller, "member").getFirst());
        LdapOperationException error = assertThrows(LdapOperationException.class, () -> applier.apply(smaller,
                List.of(modification(ADD_ATTRIBUTE, "member", "uid=user1999,OU=PEOPLE,dc=example,dc=com"))));
        assertEquals(ResultCodeEnum.ATTRIBUTE_OR_VALUE_EXISTS, error.resultCode());
    }

    @Test
    void deleteOfTheLastValueRemovesTheAttribute() {
        DirectoryEntry after = apply(modification(REMOVE_ATTRIBUTE, "mail", "BOB@example.com"));
        assertNull(after.get("mail"));
    }

    @Test
    void deleteWithoutValuesRemovesTheAttribute() {
        assertNull(apply(modification(REMOVE_ATTRIBUTE, "mail")).get("mail"));
    }

    @Test
    void deleteOfAnAbsentAttributeOrValue() {
        LdapOperationException noAttribute = applyFails(modification(REMOVE_ATTRIBUTE, "description"));
        assertEquals(ResultCodeEnum.NO_SUCH_ATTRIBUTE, noAttribute.resultCode());
        assertEquals("modify/delete: description: no such attribute", noAttribute.getMessage());
        LdapOperationException noValue = applyFails(modification(REMOVE_ATTRIBUTE, "mail", "other@example.com"));
        assertEquals(ResultCodeEnum.NO_SUCH_ATTRIBUTE, noValue.resultCode());
    }

    @Test
    void replaceKeepsThePositionOfTheAttribute() {
        int position = bob.attributes().indexOf(bob.get("sn"));
        DirectoryEntry after = apply(modification(REPLACE_ATTRIBUTE, "sn", "Baumeister", "Builder"));
        assertEquals(List.of("Baumeister", "Builder"), texts(after, "sn"));
        assertEquals(position, after.attributes().indexOf(after.get("sn")));
    }

    @Test
    void replaceWithoutValuesRemovesOrDoesNothing() {
        assertNull(apply(modification(REPLACE_ATTRIBUTE, "mail")).get("mail"));
        assertEquals(bob.attributes().size(), apply(modification(REPLACE_ATTRIBUTE, "description")).attributes().size());
    }

    @Test
    void replaceCreatesAnAbsentAttribute() {
        assertEquals(List.of("new"), texts(apply(modification(REPLACE_ATTRIBUTE, "description", "new")), "description"));
    }

    @Test
    void incrementAddsToEveryValue() {
        DirectoryEntry after = apply(modification(INCREMENT_ATTRIBUTE, "uidNumber", "5"));
        assertEquals(List.of("1005"), texts(after, "uidNumber"));
        DirectoryEntry back = applier.apply(after, List.of(modification(INCREMENT_ATTRIBUTE, "uidNumber", "-1006")));
        assertEquals(List.of("-1"), texts(back, "uidNumber"));
    }

    @Test
    void incrementErrors() {
        assertEquals(ResultCodeEnum.CONSTRAINT_VIOLATION,
                applyFails(modification(INCREMENT_ATTRIBUTE, "sn", "1")).resultCode());
        assertEquals(ResultCodeEnum.NO_SUCH_ATTRIBUTE,
                applyFails(modification(INCREMENT_ATTRIBUTE, "loginShell", "1")).resultCode());
        assertEquals(ResultCodeEnum.INVALID_ATTRIBUTE_SYNTAX,
                applyFails(modification(INCREMENT_ATTRIBUTE, "uidNumber", "one")).resultCode());
        assertEquals(ResultCodeEnum.PROTOCOL_ERROR,
                applyFails(modification(INCREMENT_ATTRIBUTE, "uidNumber", "1", "2")).resultCode());
    }

    @Test
    void aValueInvalidForItsSyntax() {
        assertEquals(ResultCodeEnum.INVALID_ATTRIBUTE_SYNTAX,
                applyFails(modification(ADD_ATTRIBUTE, "gidNumber", "one hundred")).resultCode());
    }

    @Test
    void undefinedAttributeType() {
        LdapOperationException error = applyFails(modification(ADD_ATTRIBUTE, "x-unknown", "1"));
        assertEquals(ResultCodeEnum.UNDEFINED_ATTRIBUTE_TYPE, error.resultCode());
        assertEquals("x-unknown: attribute type undefined", error.getMessage());
    }

    @Test
    void changesApplyInOrder() {
        DirectoryEntry after = apply(
                modification(REMOVE_ATTRIBUTE, "mail"),
                modification(ADD_ATTRIBUTE, "mail", "new@example.com"),
                modification(ADD_ATTRIBUTE, "cn", "Bobby"),
                modification(REMOVE_ATTRIBUTE, "cn", "Bobby"));
        assertEquals(List.of("new@example.com"), texts(after, "mail"));
        assertEquals(List.of("Bob", "Robert"), texts(after, "cn"));
    }

    private DirectoryEntry apply(EntryModification... modifications) {
        return applier.apply(bob, List.of(modifications));
    }

    private LdapOperationException applyFails(EntryModification... modifications) {
        return assertThrows(LdapOperationException.class, () -> applier.apply(bob, List.of(modifications)));
    }
}
