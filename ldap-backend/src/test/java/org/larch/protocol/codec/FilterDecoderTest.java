package org.larch.protocol.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import java.util.HexFormat;
import java.util.List;
import org.apache.directory.api.ldap.model.filter.AndNode;
import org.apache.directory.api.ldap.model.filter.ApproximateNode;
import org.apache.directory.api.ldap.model.filter.EqualityNode;
import org.apache.directory.api.ldap.model.filter.ExprNode;
import org.apache.directory.api.ldap.model.filter.ExtensibleNode;
import org.apache.directory.api.ldap.model.filter.GreaterEqNode;
import org.apache.directory.api.ldap.model.filter.LessEqNode;
import org.apache.directory.api.ldap.model.filter.NotNode;
import org.apache.directory.api.ldap.model.filter.OrNode;
import org.apache.directory.api.ldap.model.filter.PresenceNode;
import org.apache.directory.api.ldap.model.filter.SimpleNode;
import org.apache.directory.api.ldap.model.filter.SubstringNode;
import org.junit.jupiter.api.Test;

/** Golden bytes for every Filter choice of RFC 4511 4.5.1, each checked against UnboundID's encoder too. */
class FilterDecoderTest {

    @Test
    void emptyAndOr() {
        AndNode and = assertInstanceOf(AndNode.class, decode("a000", "(&)"));
        assertTrue(and.getChildren().isEmpty());
        OrNode or = assertInstanceOf(OrNode.class, decode("a100", "(|)"));
        assertTrue(or.getChildren().isEmpty());
    }

    @Test
    void andOfTwo() {
        AndNode and = assertInstanceOf(AndNode.class, decode("a00da3070402636e0401788702736e", "(&(cn=x)(sn=*))"));
        assertEquals(2, and.getChildren().size());
        assertSimple(assertInstanceOf(EqualityNode.class, and.getChildren().get(0)), "cn", "x");
        assertEquals("sn", assertInstanceOf(PresenceNode.class, and.getChildren().get(1)).getAttribute());
    }

    @Test
    void orAndNotOfLessOrEqual() {
        OrNode or = assertInstanceOf(OrNode.class, decode("a10ca20aa6080403756964040176", "(|(!(uid<=v)))"));
        NotNode not = assertInstanceOf(NotNode.class, or.getFirstChild());
        assertSimple(assertInstanceOf(LessEqNode.class, not.getFirstChild()), "uid", "v");
    }

    @Test
    void equalityGreaterApproximate() {
        assertSimple(assertInstanceOf(EqualityNode.class, decode("a3070402636e04016a", "(cn=j)")), "cn", "j");
        assertSimple(assertInstanceOf(GreaterEqNode.class, decode("a5070402636e04016a", "(cn>=j)")), "cn", "j");
        assertSimple(assertInstanceOf(ApproximateNode.class, decode("a8070402636e04016a", "(cn~=j)")), "cn", "j");
    }

    @Test
    void equalityWithAnEmptyValue() {
        assertArrayEquals(new byte[0], ((SimpleNode<?>) decode("a3060402636e0400", "(cn=)")).getValue().getBytes());
    }

    @Test
    void present() {
        assertEquals("objectClass",
                assertInstanceOf(PresenceNode.class, decode("870b6f626a656374436c617373", "(objectClass=*)")).getAttribute());
    }

    @Test
    void substrings() {
        SubstringNode node = assertInstanceOf(SubstringNode.class,
                decode("a4120402636e300c800161810162810163820164", "(cn=a*b*c*d)"));
        assertEquals("cn", node.getAttribute());
        assertEquals("a", node.getInitial());
        assertEquals(List.of("b", "c"), node.getAny());
        assertEquals("d", node.getFinal());
        SubstringNode anyOnly = assertInstanceOf(SubstringNode.class, decode("a4090402636e3003810162", "(cn=*b*)"));
        assertNull(anyOnly.getInitial());
        assertNull(anyOnly.getFinal());
    }

    @Test
    void extensibleMatchWithTypeAndRule() {
        ExtensibleNode node = assertInstanceOf(ExtensibleNode.class,
                decode("a917810e6361736545786163744d617463688202636e830178", "(cn:caseExactMatch:=x)"));
        assertEquals("cn", node.getAttribute());
        assertEquals("caseExactMatch", node.getMatchingRuleId());
        assertEquals("x", node.getValue().getString());
        assertFalse(node.hasDnAttributes());
    }

    @Test
    void extensibleMatchWithTypeOnly() {
        ExtensibleNode node = assertInstanceOf(ExtensibleNode.class, decode("a90b82026f75830573616c6573", "(ou:=sales)"));
        assertEquals("ou", node.getAttribute());
        assertNull(node.getMatchingRuleId());
        assertEquals("sales", node.getValue().getString());
    }

    @Test
    void extensibleMatchWithRuleAndDnAttributes() {
        ExtensibleNode node = assertInstanceOf(ExtensibleNode.class,
                decode("a9108108322e352e31332e358301788401ff", "(:dn:2.5.13.5:=x)"));
        assertNull(node.getAttribute());
        assertEquals("2.5.13.5", node.getMatchingRuleId());
        assertTrue(node.hasDnAttributes());
    }

    @Test
    void malformedFiltersNameTheProblem() {
        assertMalformed("a4060402636e3000", "no substrings");
        assertMalformed("a40c0402636e3006820164800161", "is not the last");
        assertMalformed("a903830178", "neither a matchingRule nor a type");
        assertMalformed("a90482026f75", "no matchValue");
        assertMalformed("a90783017882026f75", "out of order");
        assertMalformed("a205", "runs past the end");
        assertMalformed("a200", "holds 0 filters");
        assertMalformed("8a0161", "not an RFC 4511 filter");
        assertMalformed("a3040402636e", "has 1 parts, not 2");
        assertMalformed("a00000", "stray bytes");
        assertMalformed("8700", "is empty");
    }

    @Test
    void nestingIsBounded() {
        byte[] filter = {(byte) 0x87, 0x01, 'x'};
        for (int level = 0; level < FilterDecoder.MAX_DEPTH; level++) {
            filter = BerElement.encode(FilterDecoder.NOT, filter);
        }
        byte[] tooDeep = filter;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FilterDecoder.decode(tooDeep));
        assertTrue(e.getMessage().contains("nested deeper"), e.getMessage());
    }

    /** Decodes the golden bytes, after checking that UnboundID encodes {@code filter} to the same bytes. */
    private static ExprNode decode(String hex, String filter) {
        try {
            assertEquals(hex, HexFormat.of().formatHex(Filter.create(filter).encode().encode()), filter);
        } catch (LDAPException e) {
            throw new AssertionError(e);
        }
        return FilterDecoder.decode(HexFormat.of().parseHex(hex));
    }

    private static void assertSimple(SimpleNode<?> node, String attribute, String value) {
        assertEquals(attribute, node.getAttribute());
        assertEquals(value, node.getValue().getString());
    }

    private static void assertMalformed(String hex, String expectedReason) {
        byte[] bytes = HexFormat.of().parseHex(hex);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FilterDecoder.decode(bytes));
        assertTrue(e.getMessage().contains(expectedReason), e.getMessage());
    }
}
