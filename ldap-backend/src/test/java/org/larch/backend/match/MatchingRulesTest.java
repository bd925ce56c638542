package org.larch.backend.match;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.directory.api.ldap.model.message.ResultCodeEnum;
import org.apache.directory.api.ldap.model.schema.AttributeType;
import org.larch.backend.LdapOperationException;
import org.larch.backend.schema.DirectorySchema;
import org.junit.jupiter.api.Test;

class MatchingRulesTest {
    private static final DirectorySchema SCHEMA = DirectorySchema.load(List.of());
    private final MatchingRules rules = new MatchingRules(SCHEMA.schemaManager());

    @Test
    void caseIgnoreFoldsCaseAndInsignificantSpaces() {
        assertEquals("hello world", key("cn", "  Hello \t  WORLD "));
        assertTrue(equal("cn", "ÉTÉ  Ça", "été ça"));
        assertTrue(equal("cn", "ﬁle", "FILE"), "NFKC maps the ligature, then case folds");
        assertTrue(equal("cn", "soft\u00ADhyphen", "softhyphen"), "mapped to nothing");
        assertFalse(equal("cn", "a b", "ab"));
        assertTrue(equal("mail", "A@B.Example.COM", "a@b.example.com"), "caseIgnoreIA5Match");
    }

    @Test
    void caseExactKeepsCaseButNotSpaces() {
        assertTrue(equal("homeDirectory", " /home/X ", "/home/X"));
        assertFalse(equal("homeDirectory", "/home/X", "/home/x"));
    }

    @Test
    void numericStringsAndTelephoneNumbersIgnoreSpacers() {
        assertTrue(equal("telephoneNumber", "+1 555-123 4567", "+15551234567"));
        assertTrue(equal("x121Address", "12 34", "1234"));
        assertInvalid("x121Address", "12a");
    }

    @Test
    void integersCompareNumericallyAndRejectText() {
        assertTrue(equal("uidNumber", " 042", "42"));
        assertFalse(equal("uidNumber", "42", "-42"));
        assertTrue(rules.compareOrdering(type("uidNumber"), bytes("9"), bytes("10")) < 0);
        assertTrue(rules.compareOrdering(type("uidNumber"), bytes("-10"), bytes("-9")) < 0);
        assertTrue(rules.compareOrdering(type("uidNumber"), bytes("-1"), bytes("0")) < 0);
        assertTrue(rules.compareOrdering(type("uidNumber"), bytes("0"), bytes("1")) < 0);
        assertTrue(rules.equalityKeysAreOrdered(type("uidNumber")));
        assertInvalid("uidNumber", "abc");
        assertInvalid("uidNumber", "");
    }

    @Test
    void generalizedTimesCompareInUtc() {
        assertTrue(equal("createTimestamp", "20260101120000+0100", "20260101110000Z"));
        assertTrue(rules.compareOrdering(type("createTimestamp"),
                bytes("20251231235959Z"), bytes("20260101000000Z")) < 0);
        assertTrue(rules.equalityKeysAreOrdered(type("createTimestamp")));
        assertInvalid("createTimestamp", "2026x");
    }

    @Test
    void distinguishedNamesNormalizeThroughTheSchema() {
        assertTrue(equal("member", "CN=Foo  Bar , dc=Example,DC=com", "commonName=foo bar,dc=example,dc=com"));
        assertFalse(equal("member", "cn=foo,dc=example,dc=com", "cn=bar,dc=example,dc=com"));
        assertTrue(equal("uniqueMember", "CN=A,DC=x#'0101'B", "cn=a,dc=x#'0101'B"));
        assertFalse(equal("uniqueMember", "cn=a,dc=x#'0101'B", "cn=a,dc=x#'0100'B"));
        assertInvalid("member", "not a dn");
    }

    @Test
    void objectIdentifiersMapNamesToOids() {
        assertTrue(equal("objectClass", "inetOrgPerson", "2.16.840.1.113730.3.2.2"));
        assertTrue(equal("objectClass", "PERSON", "person"));
        assertFalse(equal("objectClass", "person", "organizationalPerson"));
    }

    @Test
    void booleansAndOctetStrings() {
        assertTrue(equal("gosaHiddenDoesNotExist", "a", "a"), "no type: exact octets");
        assertInvalid("nisNetgroupTriple", null);
        assertFalse(equal("userPassword", "secret", "SECRET"));
    }

    @Test
    void typesWithoutEqualityRuleCompareOctets() {
        AttributeType fax = type("facsimileTelephoneNumber");
        assertFalse(rules.hasEquality(fax));
        assertTrue(rules.equal(fax, bytes("+1 2"), bytes("+1 2")));
        assertFalse(rules.equal(fax, bytes("+1 2"), bytes("+12")));
    }

    @Test
    void orderingFallsBackToTheEqualityRulesNaturalOrder() {
        assertTrue(rules.hasOrdering(type("cn")));
        assertTrue(rules.compareOrdering(type("cn"), bytes("Apple"), bytes("banana")) < 0);
        assertFalse(rules.hasOrdering(type("member")));
    }

    @Test
    void substringsMatchOnPreparedComponents() {
        AttributeType cn = type("cn");
        assertTrue(rules.substringsMatch(cn, bytes("Babs  Jensen"), bytes("babs"), List.of(), bytes("JENSEN")));
        assertTrue(rules.substringsMatch(cn, bytes("Babs Jensen"), null, List.of(bytes("s j")), null));
        assertFalse(rules.substringsMatch(cn, bytes("abc"), bytes("ab"), List.of(), bytes("bc")), "parts overlap");
        assertTrue(rules.substringsMatch(cn, bytes("abcbc"), bytes("ab"), List.of(), bytes("bc")));
        assertTrue(rules.substringsMatch(type("telephoneNumber"), bytes("+1 555-1234"), bytes("+1555"), List.of(), null));
        assertArrayEquals(bytes(" s j "), rules.substringKey(cn, bytes("  S   J "), SubstringPosition.ANY));
    }

    @Test
    void approximateMatchComparesSoundexWordsInOrder() {
        AttributeType cn = type("cn");
        assertArrayEquals(bytes("R163 S530"), rules.approxKey(cn, bytes("Robert  Smith")));
        assertTrue(rules.approxMatch(cn, bytes("Robert Smith"), bytes("Rupert Smyth")));
        assertTrue(rules.approxMatch(cn, bytes("Robert J Smith"), bytes("smyth")));
        assertFalse(rules.approxMatch(cn, bytes("Robert Smith"), bytes("Smith Robert")));
        assertFalse(rules.approxMatch(cn, bytes("Robert Smith"), bytes("Jones")));
    }

    @Test
    void namedRulesForExtensibleMatch() {
        assertEquals("2.5.13.5", rules.rule("caseExactMatch").getOid());
        assertEquals("2.5.13.5", rules.rule("2.5.13.5").getOid());
        assertEquals(null, rules.rule("noSuchMatch"));
        assertArrayEquals(bytes("Foo Bar"), rules.ruleKey(rules.rule("caseExactMatch"), bytes(" Foo   Bar")));
    }

    private void assertInvalid(String attribute, String value) {
        if (value == null) {
            return;
        }
        LdapOperationException error = assertThrows(LdapOperationException.class,
                () -> rules.equalityKey(type(attribute), bytes(value)));
        assertEquals(ResultCodeEnum.INVALID_ATTRIBUTE_SYNTAX, error.resultCode());
        assertTrue(error.getMessage().contains(value), error.getMessage());
    }

    @Test
    void objectIdentifierKeysRememberedByTextStayTheSchemasOids() {
        byte[] first = rules.equalityKey(type("objectClass"), bytes("inetOrgPerson"));
        assertEquals("2.16.840.1.113730.3.2.2", new String(first, UTF_8));
        first[0] = 'x'; // a caller changing its key changes no one else's
        assertEquals("2.16.840.1.113730.3.2.2", key("objectClass", "inetOrgPerson"));
        assertEquals("2.16.840.1.113730.3.2.2", key("objectClass", " INETORGPERSON "));
        assertEquals("1.2.3", key("objectClass", "1.2.3"));
        assertEquals("notdefinedanywhere", key("objectClass", "notDefinedAnywhere"));
        assertInvalid("objectClass", "not an oid");
    }

    @Test
    void printableAsciiAndOtherValuesOfOneAttributeShareTheirKeys() {
        assertTrue(equal("cn", "  Babs   JENSEN ", "babs jensen"));
        assertTrue(equal("cn", "Babs Jensen", "babs jensen"), "no-break space maps to a space");
        assertTrue(equal("cn", "Babs	Jensen ", "babs jensen"));
        assertEquals("x", key("cn", "x"));
    }

    private String key(String attribute, String value) {
        return new String(rules.equalityKey(type(attribute), bytes(value)), UTF_8);
    }

    private boolean equal(String attribute, String a, String b) {
        return rules.equal(type(attribute), bytes(a), bytes(b));
    }

    private static AttributeType type(String name) {
        return SCHEMA.attributeType(name);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(UTF_8);
    }
}
