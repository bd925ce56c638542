package org.larch.protocol.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.protocol.LDAPMessage;
import com.unboundid.ldap.protocol.SearchRequestProtocolOp;
import com.unboundid.ldap.sdk.Control;
import com.unboundid.ldap.sdk.DereferencePolicy;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.SearchScope;
import java.util.HexFormat;
import java.util.List;
import org.apache.directory.api.ldap.model.filter.OrNode;
import org.junit.jupiter.api.Test;

class SearchRequestRewriteTest {
    /** messageID 2, base "dc=x", scope 3, filter (|), attributes [cn], one control 1.2.3 critical. */
    private static final String SUBORDINATES_EMPTY_OR =
            "3030020102631d040464633d780a01030a0100020100020100010100a10030040402636ea00c300a0405312e322e330101ff";
    /** The same with scope 2 and filter (objectClass=*): lengths recomputed, controls copied. */
    private static final String REWRITTEN =
            "303b0201026328040464633d780a01020a0100020100020100010100870b6f626a656374436c61737330040402636e"
            + "a00c300a0405312e322e330101ff";

    @Test
    void goldenBytes() {
        SearchRequestRewrite rewrite = SearchRequestRewrite.of(HexFormat.of().parseHex(SUBORDINATES_EMPTY_OR));
        assertEquals(REWRITTEN, HexFormat.of().formatHex(rewrite.pdu()));
        assertTrue(rewrite.subordinates());
        assertTrue(assertInstanceOf(OrNode.class, rewrite.filter()).getChildren().isEmpty());
    }

    @Test
    void otherScopesAreKeptAndLongLengthsRecomputed() throws Exception {
        String longValue = "v".repeat(300);
        byte[] pdu = search(SearchScope.ONE, "(&(cn=" + longValue + "))", List.of(new Control("1.2.3", true)));
        SearchRequestRewrite rewrite = SearchRequestRewrite.of(pdu);
        assertFalse(rewrite.subordinates());
        assertArrayEquals(search(SearchScope.ONE, "(objectClass=*)", List.of(new Control("1.2.3", true))), rewrite.pdu());
        assertEquals("(&(cn=" + longValue + "))", rewrite.filter().toString());
    }

    @Test
    void subordinatesBecomesSubtree() throws Exception {
        byte[] pdu = search(SearchScope.SUBORDINATE_SUBTREE, "(ou:=sales)", List.of());
        assertArrayEquals(search(SearchScope.SUB, "(objectClass=*)", List.of()), SearchRequestRewrite.of(pdu).pdu());
    }

    @Test
    void otherRequestsAreLeftAlone() {
        assertNull(SearchRequestRewrite.of(HexFormat.of().parseHex("30090201024a0464633d78")), "a DelRequest");
        assertNull(SearchRequestRewrite.of(HexFormat.of().parseHex("3005020102630a")), "a truncated SearchRequest");
    }

    @Test
    void aMalformedFilterIsRefused() {
        byte[] pdu = HexFormat.of().parseHex(SUBORDINATES_EMPTY_OR.replace("a10030", "a20030"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SearchRequestRewrite.of(pdu));
        assertTrue(e.getMessage().contains("holds 0 filters"), e.getMessage());
    }

    private static byte[] search(SearchScope scope, String filter, List<Control> controls) throws Exception {
        SearchRequestProtocolOp op = new SearchRequestProtocolOp("dc=example,dc=com", scope, DereferencePolicy.NEVER,
                10, 5, false, Filter.create(filter), List.of("cn", "+"));
        return new LDAPMessage(7, op, controls).encode().encode();
    }
}
