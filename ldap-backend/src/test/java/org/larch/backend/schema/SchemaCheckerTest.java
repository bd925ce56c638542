package org.larch.backend.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.larch.backend.schema.TestEntries.entry;

import java.util.ArrayList;
import java.util.List;
import org.apache.directory.api.ldap.model.message.ResultCodeEnum;
import org.junit.jupiter.api.Test;
import org.larch.backend.LdapOperationException;
import org.larch.backend.entry.DirectoryEntry;

class SchemaCheckerTest {
    private static final String DN = "uid=babs,ou=people,dc=example,dc=com";
    private final DirectorySchema schema = SharedSchema.get();

    private static List<String> person(String... extra) {
        List<String> lines = new ArrayList<>(List.of(
                "objectClass: top", "objectClass: person", "objectClass: organizationalPerson",
                "objectClass: inetOrgPerson", "uid: babs", "cn: Barbara Jensen", "sn: Jensen"));
        lines.addAll(List.of(extra));
        return lines;
    }

    private static List<String> posixPerson(String... extra) {
        List<String> lines = person("objectClass: posixAccount", "uidNumber: 1000", "gidNumber: 1000",
                "homeDirectory: /home/babs");
        lines.addAll(List.of(extra));
        return lines;
    }

    private DirectoryEntry entryOf(List<String> lines) {
        return entry(schema, DN, lines.toArray(String[]::new));
    }

    private void assertRefused(ResultCodeEnum code, String message, List<String> lines) {
        LdapOperationException error = assertThrows(LdapOperationException.class,
                () -> schema.check(entryOf(lines)));
        assertEquals(code, error.resultCode(), error.getMessage());
        assertEquals(message, error.getMessage());
    }

    @Test
    void aValidInetOrgPersonReturnsItsStructuralClass() {
        assertEquals("inetOrgPerson", schema.check(entryOf(person("mail: babs@example.com"))));
    }

    @Test
    void theMostSpecificStructuralClassWinsWhateverTheOrder() {
        DirectoryEntry entry = entry(schema, DN, "objectClass: inetOrgPerson", "objectClass: person",
                "uid: babs", "cn: B", "sn: J");
        assertEquals("inetOrgPerson", schema.check(entry));
    }

    @Test
    void anAuxiliaryClassAddsItsAttributes() {
        assertEquals("inetOrgPerson", schema.check(entryOf(posixPerson("loginShell: /bin/sh"))));
    }

    @Test
    void operationalAttributesNeedNoClass() {
        assertEquals("inetOrgPerson", schema.check(entryOf(person(
                "createTimestamp: 20240101000000Z", "entryUUID: 5f3c4b8e-1d2a-4c3b-9a8f-0e1d2c3b4a59",
                "creatorsName: cn=admin,dc=example,dc=com"))));
    }

    @Test
    void extensibleObjectAllowsAnyAttribute() {
        assertEquals("inetOrgPerson", schema.check(entryOf(person("objectClass: extensibleObject",
                "uidNumber: 7", "ipHostNumber: 10.0.0.1"))));
    }

    @Test
    void aSubtypeOfAnAllowedTypeIsAllowed() {
        DirectoryEntry entry = entry(schema, "cn=x,dc=example,dc=com", "objectClass: device", "cn: x",
                "ou: lab");
        assertEquals("device", schema.check(entry));
    }

    @Test
    void languageTaggedValuesAreSeparateAttributes() {
        assertEquals("inetOrgPerson", schema.check(entryOf(person("cn;lang-de: Barbara Jensen",
                "displayName: Babs", "displayName;lang-en: Babs"))));
    }

    @Test
    void noObjectClass() {
        assertRefused(ResultCodeEnum.OBJECT_CLASS_VIOLATION, "no objectClass attribute",
                List.of("uid: babs", "cn: B", "sn: J"));
    }

    @Test
    void unknownObjectClass() {
        assertRefused(ResultCodeEnum.OBJECT_CLASS_VIOLATION, "unrecognized objectClass 'noSuchClass'",
                person("objectClass: noSuchClass"));
    }

    @Test
    void noStructuralClass() {
        assertRefused(ResultCodeEnum.OBJECT_CLASS_VIOLATION, "no structural object class provided",
                List.of("objectClass: top", "objectClass: posixAccount", "uid: babs", "cn: B",
                        "uidNumber: 1", "gidNumber: 1", "homeDirectory: /h"));
    }

    @Test
    void twoUnrelatedStructuralClasses() {
        assertRefused(ResultCodeEnum.OBJECT_CLASS_VIOLATION,
                "invalid structural object class chain (inetOrgPerson/device)",
                person("objectClass: device"));
    }

    @Test
    void anAbstractClassOnItsOwn() {
        assertRefused(ResultCodeEnum.OBJECT_CLASS_VIOLATION,
                "instantiation of abstract objectClass 'javaObject' not allowed",
                person("objectClass: javaObject", "javaClassName: org.example.Badge"));
    }

    @Test
    void anAbstractClassAsTheSuperclassOfAListedClass() {
        assertEquals("inetOrgPerson", schema.check(entryOf(person("objectClass: javaObject",
                "objectClass: javaSerializedObject", "javaClassName: org.example.Badge",
                "javaSerializedData: rO0="))));
    }

    @Test
    void aStructuralClassCannotBeAddedBesideAnotherChain() {
        DirectoryEntry entry = entry(schema, "cn=x,dc=example,dc=com", "objectClass: device",
                "objectClass: alias", "cn: x", "aliasedObjectName: cn=y,dc=example,dc=com");
        LdapOperationException error = assertThrows(LdapOperationException.class, () -> schema.check(entry));
        assertEquals(ResultCodeEnum.OBJECT_CLASS_VIOLATION, error.resultCode());
        assertEquals("invalid structural object class chain (device/alias)", error.getMessage());
    }

    @Test
    void missingMustAttribute() {
        assertRefused(ResultCodeEnum.OBJECT_CLASS_VIOLATION, "object class 'person' requires attribute 'sn'",
                List.of("objectClass: inetOrgPerson", "uid: babs", "cn: B"));
    }

    @Test
    void missingMustOfAnAuxiliaryClass() {
        List<String> lines = person("objectClass: posixAccount", "uidNumber: 1000", "gidNumber: 1000");
        assertRefused(ResultCodeEnum.OBJECT_CLASS_VIOLATION,
                "object class 'posixAccount' requires attribute 'homeDirectory'", lines);
    }

    @Test
    void attributeNotAllowedByAnyClass() {
        assertRefused(ResultCodeEnum.OBJECT_CLASS_VIOLATION, "attribute 'uidNumber' not allowed",
                person("uidNumber: 1000"));
    }

    @Test
    void undefinedAttributeType() {
        assertRefused(ResultCodeEnum.UNDEFINED_ATTRIBUTE_TYPE, "favouriteColour: attribute type undefined",
                person("favouriteColour: green"));
    }

    @Test
    void valueFailingItsSyntax() {
        assertRefused(ResultCodeEnum.INVALID_ATTRIBUTE_SYNTAX, "uidNumber: value #0 invalid per syntax",
                posixPerson().stream().map(l -> l.equals("uidNumber: 1000") ? "uidNumber: many" : l).toList());
    }

    @Test
    void emptyDirectoryStringFailsItsSyntax() {
        assertRefused(ResultCodeEnum.INVALID_ATTRIBUTE_SYNTAX, "description: value #1 invalid per syntax",
                person("description: fine", "description:"));
    }

    @Test
    void severalValuesOfASingleValuedType() {
        List<String> lines = posixPerson();
        lines.add(lines.indexOf("uidNumber: 1000") + 1, "uidNumber: 1001");
        assertRefused(ResultCodeEnum.CONSTRAINT_VIOLATION, "attribute 'uidNumber' cannot have multiple values",
                lines);
    }

    @Test
    void valuesEqualUnderTheEqualityRuleAreDuplicates() {
        assertRefused(ResultCodeEnum.ATTRIBUTE_OR_VALUE_EXISTS, "cn: value #2 provided more than once",
                person("cn: Babs", "cn: barbara   JENSEN"));
    }

    @Test
    void valuesDifferingUnderACaseExactRuleAreNotDuplicates() {
        // memberUid's equality rule is caseExactMatch: "babs" and "BABS" are two values.
        DirectoryEntry group = entry(schema, "cn=staff,dc=example,dc=com", "objectClass: posixGroup",
                "cn: staff", "gidNumber: 10", "memberUid: babs", "memberUid: BABS");
        assertEquals("posixGroup", schema.check(group));
    }

    @Test
    void aMissingRdnValueIsRefused() {
        DirectoryEntry entry = entry(schema, "cn=Someone Else,dc=example,dc=com",
                person().toArray(String[]::new));
        LdapOperationException error = assertThrows(LdapOperationException.class, () -> schema.check(entry));
        assertEquals(ResultCodeEnum.NOT_ALLOWED_ON_RDN, error.resultCode());
        assertEquals("value of naming attribute 'cn' is not present in entry", error.getMessage());
    }

    @Test
    void anRdnValueMatchesUnderTheEqualityRule() {
        DirectoryEntry entry = entry(schema, "cn=BARBARA  jensen,dc=example,dc=com",
                person().toArray(String[]::new));
        assertEquals("inetOrgPerson", schema.check(entry));
    }

    @Test
    void missingRdnValuesAreAddedAsOnAdd() {
        DirectoryEntry entry = entry(schema, "cn=Babs+uid=bj,dc=example,dc=com",
                "objectClass: inetOrgPerson", "sn: Jensen", "cn: Barbara Jensen");
        schema.addMissingRdnValues(entry);
        assertEquals(List.of("Barbara Jensen", "Babs"), TestEntries.values(entry, "cn"));
        assertEquals(List.of("bj"), TestEntries.values(entry, "uid"));
        assertEquals("inetOrgPerson", schema.check(entry));
    }
}
