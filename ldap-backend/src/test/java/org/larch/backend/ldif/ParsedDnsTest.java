package org.larch.backend.ldif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.directory.api.ldap.model.message.ResultCodeEnum;
import org.apache.directory.api.ldap.model.name.Dn;
import org.apache.directory.api.ldap.model.name.Rdn;
import org.apache.directory.api.ldap.model.schema.SchemaManager;
import org.larch.backend.LdapOperationException;
import org.larch.backend.schema.DirectorySchema;
import org.larch.backend.store.DnNames;
import org.junit.jupiter.api.Test;

class ParsedDnsTest {
    private static final SchemaManager SCHEMA = DirectorySchema.load(List.of()).schemaManager();

    /** Parents first, as in an LDIF file, so that the children reuse them. */
    private static final List<String> DNS = List.of(
            "dc=example,dc=com",
            "ou=People,dc=example,dc=com",
            "uid=user.1,ou=People,dc=example,dc=com",
            "CN=Babs  Jensen ,ou=People,dc=example,dc=com",
            "  cn = Babs ,ou=People,dc=example,dc=com",
            "ou=Human Resources,ou=People,dc=example,dc=com",
            "uid=a@b.example,ou=Human Resources,ou=People,dc=example,dc=com",
            "ou=x, dc=example,dc=com",
            "ou=y,ou=x, dc=example,dc=com",
            "ou=z, ou=x, dc=example,dc=com",
            "commonName=x-y_z,ou=People,dc=example,dc=com",
            "cn=a=b,ou=People,dc=example,dc=com",
            "cn=a\\,b,ou=People,dc=example,dc=com",
            "cn=a+sn=b,ou=People,dc=example,dc=com",
            "cn=\"quoted\",ou=People,dc=example,dc=com",
            "2.5.4.3=oid,ou=People,dc=example,dc=com",
            "cn=été,ou=People,dc=example,dc=com",
            "cn=x;ou=People,dc=example,dc=com",
            "uid=user.2,ou=People,dc=example,dc=com");

    @Test
    void everyDnIsTheOneAWholeParseGives() {
        ParsedDns parsed = new ParsedDns(SCHEMA);
        for (String text : DNS) {
            Dn whole;
            try {
                whole = DnNames.parse(SCHEMA, text);
            } catch (LdapOperationException invalid) {
                LdapOperationException reused = assertThrows(LdapOperationException.class, () -> parsed.parse(text));
                assertEquals(invalid.getMessage(), reused.getMessage());
                continue;
            }
            Dn dn = parsed.parse(text);
            assertSameDn(whole, dn, text);
            if (whole.size() > 1) {
                assertSameDn(whole.getParent(), parsed.parentOf(dn), text);
            }
        }
    }

    @Test
    void simpleDnsOfTwoOrMoreRdnsAreSplitAfterTheLeaf() {
        assertEquals(7, ParsedDns.leafEnd("uid=a.b,ou=x"));
        assertEquals(10, ParsedDns.leafEnd(" cn = x y ,ou=x, dc=com"));
        assertEquals(-1, ParsedDns.leafEnd("dc=com"), "no parent");
        assertEquals(-1, ParsedDns.leafEnd("cn=a\\,b,dc=com"));
        assertEquals(-1, ParsedDns.leafEnd("cn=a+sn=b,dc=com"));
        assertEquals(-1, ParsedDns.leafEnd("2.5.4.3=a,dc=com"));
        assertEquals(-1, ParsedDns.leafEnd("cn=a,,dc=com"));
        assertEquals(-1, ParsedDns.leafEnd("cn=a,dc=com,"));
        assertEquals(-1, ParsedDns.leafEnd("cn=a,dc"));
        assertEquals(-1, ParsedDns.leafEnd("c n=a,dc=com"));
        assertEquals(-1, ParsedDns.leafEnd("cn=é,dc=com"));
    }

    @Test
    void anInvalidLeafBelowAKnownParentFailsAsAWholeParseDoes() {
        ParsedDns parsed = new ParsedDns(SCHEMA);
        parsed.parse("dc=example,dc=com");
        LdapOperationException whole = assertThrows(LdapOperationException.class,
                () -> DnNames.parse(SCHEMA, "noSuchType=x,dc=example,dc=com"));
        LdapOperationException reused = assertThrows(LdapOperationException.class,
                () -> parsed.parse("noSuchType=x,dc=example,dc=com"));
        assertEquals(ResultCodeEnum.INVALID_DN_SYNTAX, reused.resultCode());
        assertEquals(whole.getMessage(), reused.getMessage());
    }

    @Test
    void anInvalidParentFailsAsAWholeParseDoes() {
        ParsedDns parsed = new ParsedDns(SCHEMA);
        LdapOperationException whole = assertThrows(LdapOperationException.class,
                () -> DnNames.parse(SCHEMA, "cn=x,noSuchType=y,dc=com"));
        LdapOperationException reused = assertThrows(LdapOperationException.class,
                () -> parsed.parse("cn=x,noSuchType=y,dc=com"));
        assertEquals(whole.getMessage(), reused.getMessage());
    }

    @Test
    void aChildWhoseParentWasNeverNamedIsStillTheWholeParsesDn() {
        ParsedDns parsed = new ParsedDns(SCHEMA);
        String text = "uid=a,ou=Unseen,ou=Also Unseen,dc=example,dc=com";
        assertSameDn(DnNames.parse(SCHEMA, text), parsed.parse(text), text);
        assertSameDn(DnNames.parse(SCHEMA, "uid=b" + text.substring(5)), parsed.parse("uid=b" + text.substring(5)), text);
    }

    @Test
    void aChildReusesItsParentsRdns() {
        ParsedDns parsed = new ParsedDns(SCHEMA);
        Dn first = parsed.parse("uid=x,ou=People,dc=example,dc=com");
        Dn second = parsed.parse("uid=y,ou=People,dc=example,dc=com");
        assertSame(first.getRdn(1), second.getRdn(1));
        assertSame(first.getRdn(3), second.getRdn(3));
    }

    @Test
    void differentDnsStayDifferent() {
        ParsedDns parsed = new ParsedDns(SCHEMA);
        parsed.parse("dc=example,dc=com");
        assertNotEquals(parsed.parse("cn=a,dc=example,dc=com"), parsed.parse("cn=b,dc=example,dc=com"));
        assertEquals(parsed.parse("CN=A ,dc=example,dc=com"), parsed.parse("cn=a,dc=example,dc=com"));
    }

    private static void assertSameDn(Dn expected, Dn actual, String text) {
        assertEquals(expected.getName(), actual.getName(), text);
        assertEquals(expected.getNormName(), actual.getNormName(), text);
        assertEquals(expected.size(), actual.size(), text);
        assertEquals(expected.hashCode(), actual.hashCode(), text);
        assertEquals(expected, actual, text);
        assertTrue(actual.isSchemaAware(), text);
        assertEquals(expected.getSchemaManager(), actual.getSchemaManager(), text);
        for (int index = 0; index < expected.size(); index++) {
            Rdn want = expected.getRdn(index);
            Rdn got = actual.getRdn(index);
            assertEquals(want.getName(), got.getName(), text);
            assertEquals(want.getNormName(), got.getNormName(), text);
            assertEquals(want.getEscaped(), got.getEscaped(), text);
            assertEquals(want.hashCode(), got.hashCode(), text);
            assertEquals(want, got, text);
            assertEquals(want.getType(), got.getType(), text);
            assertEquals(want.getValue(), got.getValue(), text);
            assertEquals(want.getAva().getNormType(), got.getAva().getNormType(), text);
            assertEquals(want.getAva().getValue().getNormalized(), got.getAva().getValue().getNormalized(), text);
            assertEquals(want.getAva().getName(), got.getAva().getName(), text);
            assertEquals(want.isSchemaAware(), got.isSchemaAware(), text);
        }
        assertEquals(expected.getParent().getName(), actual.getParent().getName(), text);
        assertEquals(expected.getParent().getNormName(), actual.getParent().getNormName(), text);
    }
}
