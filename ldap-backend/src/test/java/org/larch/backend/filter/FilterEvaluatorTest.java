package org.larch.backend.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.function.Predicate;
import org.apache.directory.api.ldap.model.filter.AndNode;
import org.apache.directory.api.ldap.model.filter.EqualityNode;
import org.apache.directory.api.ldap.model.filter.ExprNode;
import org.apache.directory.api.ldap.model.filter.FilterParser;
import org.apache.directory.api.ldap.model.filter.NotNode;
import org.apache.directory.api.ldap.model.filter.ObjectClassNode;
import org.apache.directory.api.ldap.model.filter.OrNode;
import org.apache.directory.api.ldap.model.filter.UndefinedNode;
import org.apache.directory.api.ldap.model.schema.AttributeType;
import org.larch.backend.entry.DirectoryEntry;
import org.larch.backend.schema.DirectorySchema;
import org.junit.jupiter.api.Test;

class FilterEvaluatorTest {
    private static final DirectorySchema SCHEMA = DirectorySchema.load(List.of());
    private static final DirectoryEntry BABS = TestEntries.entry(SCHEMA, "cn=Babs Jensen+uid=bjensen,ou=People,dc=example,dc=com",
            "objectClass: inetOrgPerson",
            "cn: Babs Jensen",
            "cn;lang-de: Barbara Jensen",
            "sn: Jensen",
            "uid: bjensen",
            "mail: BJensen@Example.COM",
            "telephoneNumber: +1 408 555 1212",
            "employeeNumber: 42",
            "description: first line   of text",
            "manager: CN=Boss,OU=People,DC=example,DC=com");
    private static final DirectoryEntry GROUP = TestEntries.entry(SCHEMA, "cn=staff,ou=Groups,dc=example,dc=com",
            "objectClass: posixGroup",
            "objectClass: top",
            "cn: staff",
            "gidNumber: 1000",
            "memberUid: bjensen");

    private final FilterEvaluator evaluator = new FilterEvaluator(SCHEMA);

    @Test
    void equalityFollowsTheEqualityRule() {
        assertTrue("(cn=babs  JENSEN)");
        assertTrue("(mail=bjensen@example.com)");
        assertTrue("(telephoneNumber=+14085551212)");
        assertTrue("(manager=cn=boss,ou=people,dc=example,dc=com)");
        assertFalse("(cn=Babs)");
        assertFalse("(uid=jensen)");
    }

    @Test
    void subtypesAndOptionsMatch() {
        assertTrue("(name=jensen)");
        assertTrue("(cn=barbara jensen)");
        assertTrue("(cn;lang-de=barbara jensen)");
        // the schema-aware FilterParser drops options, so these hold for the codec's nodes only
        assertEquals(FilterResult.FALSE, evaluator.evaluate(parse("(cn;lang-de=babs jensen)", false), BABS));
        assertEquals(FilterResult.FALSE, evaluator.evaluate(parse("(cn;lang-fr=barbara jensen)", false), BABS));
    }

    @Test
    void objectClassEqualityMatchesSubclasses() {
        assertTrue("(objectClass=person)");
        assertTrue("(objectClass=organizationalPerson)");
        assertTrue("(objectClass=top)");
        assertTrue("(objectClass=2.5.6.6)");
        assertFalse("(objectClass=posixGroup)");
        assertResult(FilterResult.TRUE, "(objectClass=posixGroup)", GROUP);
    }

    @Test
    void substrings() {
        assertTrue("(cn=babs*)");
        assertTrue("(cn=*JENSEN)");
        assertTrue("(cn=b*s*j*n)");
        assertTrue("(description=first line of*)");
        assertTrue("(telephoneNumber=*555-1212)");
        assertFalse("(cn=*babs)");
        assertUndefined("(employeeNumber=4*)".replace("employeeNumber", "manager"));
    }

    @Test
    void orderingUsesTheOrderingRule() {
        assertResult(FilterResult.TRUE, "(gidNumber>=999)", GROUP);
        assertResult(FilterResult.FALSE, "(gidNumber>=1001)", GROUP);
        assertResult(FilterResult.TRUE, "(gidNumber<=1000)", GROUP);
        assertResult(FilterResult.FALSE, "(gidNumber<=99)", GROUP);
        assertUndefined("(manager>=cn=a)");
    }

    /** Regression: {@code (employeeNumber>=1000)} matched by caseIgnoreMatch's order (RFC 4511 4.5.1.7.3/4). */
    @Test
    void orderingOnATypeWithoutAnOrderingRuleIsUndefined() {
        assertUndefined("(employeeNumber>=1000)");
        assertUndefined("(employeeNumber<=1000)");
        assertUndefined("(!(employeeNumber>=1000))");
        assertUndefined("(sn>=jensen)");
        assertUndefined("(sn<=ja)");
        assertTrue("(employeeNumber=42)");
    }

    /** Regression: {@code (userPassword=secret)} found the entry for anyone; as slapd, unreadable is Undefined. */
    @Test
    void itemsOnTypesTheRequesterMayNotReadAreUndefined() {
        Predicate<AttributeType> snHidden = type -> !type.getName().equalsIgnoreCase("sn");
        assertEquals(FilterResult.UNDEFINED, evaluator.compile(parse("(sn=jensen)", false), snHidden).evaluate(BABS));
        assertEquals(FilterResult.UNDEFINED, evaluator.compile(parse("(sn=*)", false), snHidden).evaluate(BABS));
        assertEquals(FilterResult.UNDEFINED, evaluator.compile(parse("(!(sn=x))", false), snHidden).evaluate(BABS));
        assertEquals(FilterResult.UNDEFINED, evaluator.compile(parse("(sn:=jensen)", false), snHidden).evaluate(BABS));
        assertEquals(FilterResult.TRUE, evaluator.compile(parse("(cn=babs jensen)", false), snHidden).evaluate(BABS));
    }

    @Test
    void typesSelectedThroughASupertypeOrAnyTypeSkipTheUnreadableOnes() {
        Predicate<AttributeType> snHidden = type -> !type.getName().equalsIgnoreCase("sn");
        assertTrue("(name=jensen)");
        assertEquals(FilterResult.FALSE, evaluator.compile(parse("(name=jensen)", false), snHidden).evaluate(BABS));
        assertTrue("(:caseIgnoreMatch:=jensen)");
        assertEquals(FilterResult.FALSE,
                evaluator.compile(parse("(:caseIgnoreMatch:=jensen)", false), snHidden).evaluate(BABS));
    }

    @Test
    void presence() {
        assertTrue("(mail=*)");
        assertTrue("(name=*)");
        assertTrue("(objectClass=*)");
        assertFalse("(gidNumber=*)");
        assertUndefined("(noSuchAttribute=*)");
    }

    @Test
    void approximate() {
        assertTrue("(cn~=babs jensan)");
        assertTrue("(sn~=jenson)");
        assertFalse("(sn~=smith)");
    }

    @Test
    void extensibleMatch() {
        assertTrue("(cn:caseExactMatch:=Babs Jensen)");
        assertFalse("(cn:caseExactMatch:=babs jensen)");
        assertTrue("(cn:2.5.13.5:=Babs Jensen)");
        assertTrue("(:caseIgnoreMatch:=bjensen)");
        assertTrue("(sn:=JENSEN)");
        assertFalse("(ou:=people)");
        assertTrue("(ou:dn:=people)");
        assertTrue("(uid:dn:caseExactMatch:=bjensen)");
        assertUndefined("(cn:noSuchMatch:=x)");
        assertUndefined("(noSuchAttribute:caseExactMatch:=x)");
    }

    @Test
    void unknownAttributesAndInvalidAssertionsAreUndefined() {
        assertUndefined("(noSuchAttribute=x)");
        assertUndefined("(gidNumber=abc)".replace("gidNumber", "employeeNumber").replace("employeeNumber", "uidNumber"));
        assertUndefined("(facsimileTelephoneNumber=1)");
        assertResult(FilterResult.FALSE, "(!(noSuchAttribute=x))".replace("!", "&(cn=nobody)"), BABS);
    }

    @Test
    void threeValuedLogic() {
        assertUndefined("(!(noSuchAttribute=x))");
        assertTrue("(|(noSuchAttribute=x)(cn=babs jensen))");
        assertUndefined("(|(noSuchAttribute=x)(cn=nobody))");
        assertFalse("(&(noSuchAttribute=x)(cn=nobody))");
        assertUndefined("(&(noSuchAttribute=x)(cn=babs jensen))");
        assertTrue("(!(cn=nobody))");
        assertResult(FilterResult.TRUE, new AndNode(), BABS);
        assertResult(FilterResult.FALSE, new OrNode(), BABS);
        assertResult(FilterResult.TRUE, new NotNode(new OrNode()), BABS);
        assertResult(FilterResult.UNDEFINED, UndefinedNode.UNDEFINED_NODE, BABS);
        assertResult(FilterResult.TRUE, ObjectClassNode.OBJECT_CLASS_NODE, BABS);
    }

    @Test
    void nodesAsTheCodecBuildsThemWithoutSchema() {
        assertResult(FilterResult.TRUE, new EqualityNode<>("CN", "babs jensen"), BABS);
        assertResult(FilterResult.UNDEFINED, new EqualityNode<>("noSuchAttribute", "x"), BABS);
    }

    private void assertTrue(String filter) {
        assertResult(FilterResult.TRUE, filter, BABS);
    }

    private void assertFalse(String filter) {
        assertResult(FilterResult.FALSE, filter, BABS);
    }

    private void assertUndefined(String filter) {
        assertResult(FilterResult.UNDEFINED, filter, BABS);
    }

    /** Parsed without a schema (as the codec delivers filters) and, where the parser can, with one. */
    private void assertResult(FilterResult expected, String filter, DirectoryEntry entry) {
        assertEquals(expected, evaluator.evaluate(parse(filter, false), entry), filter + " without schema");
        ExprNode schemaAware = parse(filter, true);
        if (schemaAware != null) {
            assertEquals(expected, evaluator.evaluate(schemaAware, entry), filter + " with schema");
        }
    }

    private void assertResult(FilterResult expected, ExprNode filter, DirectoryEntry entry) {
        assertEquals(expected, evaluator.evaluate(filter, entry), filter.toString());
    }

    private static ExprNode parse(String filter, boolean withSchema) {
        try {
            return withSchema ? FilterParser.parse(SCHEMA.schemaManager(), filter) : FilterParser.parse(filter);
        } catch (Exception parserRefuses) {
            if (withSchema) {
                return null;
            }
            throw new IllegalArgumentException(filter, parserRefuses);
        }
    }
}
