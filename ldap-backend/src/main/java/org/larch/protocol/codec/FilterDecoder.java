package org.larch.protocol.codec;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.directory.api.ldap.model.entry.Value;
import org.apache.directory.api.ldap.model.exception.LdapSchemaException;
import org.apache.directory.api.ldap.model.filter.AndNode;
import org.apache.directory.api.ldap.model.filter.ApproximateNode;
import org.apache.directory.api.ldap.model.filter.BranchNode;
import org.apache.directory.api.ldap.model.filter.EqualityNode;
import org.apache.directory.api.ldap.model.filter.ExprNode;
import org.apache.directory.api.ldap.model.filter.ExtensibleNode;
import org.apache.directory.api.ldap.model.filter.GreaterEqNode;
import org.apache.directory.api.ldap.model.filter.LessEqNode;
import org.apache.directory.api.ldap.model.filter.NotNode;
import org.apache.directory.api.ldap.model.filter.OrNode;
import org.apache.directory.api.ldap.model.filter.PresenceNode;
import org.apache.directory.api.ldap.model.filter.SubstringNode;

/**
 * An RFC 4511 (section 4.5.1) Filter in BER, decoded into the LDAP API's {@link ExprNode}s. The API's own
 * decoder refuses valid filters (empty and/or of RFC 4526, extensible match with a type and no
 * {@code :dn:}, a not around lessOrEqual), so search filters and control filters are decoded here:
 *
 * <pre>
 * tag  | choice          | content                                   | node
 * 0xa0 | and [0]         | SET OF Filter, may be empty (RFC 4526)    | AndNode
 * 0xa1 | or [1]          | SET OF Filter, may be empty (RFC 4526)    | OrNode
 * 0xa2 | not [2]         | one Filter                                | NotNode
 * 0xa3 | equalityMatch   | 0x04 attributeDesc, 0x04 assertionValue   | EqualityNode
 * 0xa4 | substrings      | 0x04 type, 0x30 SEQUENCE SIZE(1..) OF     | SubstringNode
 *      |                 |   0x80 initial (first only), 0x81 any,    |
 *      |                 |   0x82 final (last only)                  |
 * 0xa5 | greaterOrEqual  | as equalityMatch                          | GreaterEqNode
 * 0xa6 | lessOrEqual     | as equalityMatch                          | LessEqNode
 * 0x87 | present [7]     | the attribute description itself          | PresenceNode
 * 0xa8 | approxMatch     | as equalityMatch                          | ApproximateNode
 * 0xa9 | extensibleMatch | 0x81 matchingRule OPT, 0x82 type OPT      | ExtensibleNode
 *      |                 |   (one of the two present), 0x83 matchValue,|
 *      |                 |   0x84 dnAttributes BOOLEAN DEFAULT FALSE |
 * </pre>
 *
 * A malformed filter is an {@link IllegalArgumentException} naming the problem and its offset.
 */
public final class FilterDecoder {
    static final int AND = 0xa0;
    static final int OR = 0xa1;
    static final int NOT = 0xa2;
    static final int EQUALITY = 0xa3;
    static final int SUBSTRINGS = 0xa4;
    static final int GREATER_OR_EQUAL = 0xa5;
    static final int LESS_OR_EQUAL = 0xa6;
    static final int PRESENT = 0x87;
    static final int APPROXIMATE = 0xa8;
    static final int EXTENSIBLE = 0xa9;
    private static final int OCTET_STRING = 0x04;
    private static final int SEQUENCE = 0x30;
    private static final int SUBSTRING_INITIAL = 0x80;
    private static final int SUBSTRING_ANY = 0x81;
    private static final int SUBSTRING_FINAL = 0x82;
    private static final int RULE_MATCHING_RULE = 0x81;
    private static final int RULE_TYPE = 0x82;
    private static final int RULE_MATCH_VALUE = 0x83;
    private static final int RULE_DN_ATTRIBUTES = 0x84;
    /** Deeper nesting is refused rather than risking the decoding thread's stack. */
    static final int MAX_DEPTH = 100;

    private final byte[] bytes;

    private FilterDecoder(byte[] bytes) {
        this.bytes = bytes;
    }

    /** {@code bytes} holds exactly one Filter. */
    public static ExprNode decode(byte[] bytes) {
        BerElement filter = BerElement.read(bytes, 0);
        require(filter.end() == bytes.length, "filter is followed by " + (bytes.length - filter.end()) + " stray bytes");
        return decode(bytes, filter);
    }

    /** The Filter element {@code filter} inside {@code bytes}. */
    public static ExprNode decode(byte[] bytes, BerElement filter) {
        return new FilterDecoder(bytes).filter(filter, 0);
    }

    private ExprNode filter(BerElement element, int depth) {
        require(depth < MAX_DEPTH, "filter nested deeper than " + MAX_DEPTH + " levels");
        return switch (element.tag()) {
            case AND -> withChildren(new AndNode(), element, depth);
            case OR -> withChildren(new OrNode(), element, depth);
            case NOT -> new NotNode(only(element, depth));
            case EQUALITY -> new EqualityNode<>(assertionType(element), assertionValue(element));
            case SUBSTRINGS -> substrings(element);
            case GREATER_OR_EQUAL -> ordering(element, true);
            case LESS_OR_EQUAL -> ordering(element, false);
            case PRESENT -> new PresenceNode(nonEmptyString(element, "present attribute description"));
            case APPROXIMATE -> new ApproximateNode<>(assertionType(element), assertionValue(element));
            case EXTENSIBLE -> extensible(element);
            default -> throw new IllegalArgumentException(
                    String.format("filter choice tag 0x%02x at offset %d is not an RFC 4511 filter", element.tag(),
                            element.offset()));
        };
    }

    private BranchNode withChildren(BranchNode node, BerElement set, int depth) {
        for (BerElement child : contents(set)) {
            node.addNode(filter(child, depth + 1));
        }
        return node;
    }

    private ExprNode only(BerElement not, int depth) {
        List<BerElement> contents = contents(not);
        require(contents.size() == 1, "not at offset " + not.offset() + " holds " + contents.size() + " filters, not 1");
        return filter(contents.getFirst(), depth + 1);
    }

    /** AttributeValueAssertion: the attribute description. */
    private String assertionType(BerElement assertion) {
        List<BerElement> parts = contents(assertion);
        require(parts.size() == 2, "attribute value assertion at offset " + assertion.offset() + " has "
                + parts.size() + " parts, not 2");
        return nonEmptyString(expect(parts.getFirst(), OCTET_STRING, "attributeDesc"), "attributeDesc");
    }

    /** AttributeValueAssertion: the assertion value (the type was checked first). */
    private byte[] assertionValue(BerElement assertion) {
        return content(expect(contents(assertion).get(1), OCTET_STRING, "assertionValue"));
    }

    /**
     * greaterOrEqual / lessOrEqual. The API's constructors declare LdapSchemaException, thrown only for a
     * schema-aware attribute without an ordering rule; these nodes carry the description as a string.
     */
    private ExprNode ordering(BerElement element, boolean greater) {
        String type = assertionType(element);
        byte[] value = assertionValue(element);
        try {
            return greater ? new GreaterEqNode<>(type, value) : new LessEqNode<>(type, value);
        } catch (LdapSchemaException e) {
            throw new IllegalStateException("ordering filter on " + type + ": " + e.getMessage(), e);
        }
    }

    private ExprNode substrings(BerElement element) {
        List<BerElement> parts = contents(element);
        require(parts.size() == 2, "substrings filter at offset " + element.offset() + " has " + parts.size()
                + " parts, not 2");
        String type = nonEmptyString(expect(parts.get(0), OCTET_STRING, "substrings type"), "substrings type");
        List<BerElement> pieces = contents(expect(parts.get(1), SEQUENCE, "substrings"));
        require(!pieces.isEmpty(), "substrings filter at offset " + element.offset() + " has no substrings");
        String initial = null;
        String last = null;
        List<String> any = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            BerElement piece = pieces.get(i);
            String text = nonEmptyString(piece, "substring");
            switch (piece.tag()) {
                case SUBSTRING_INITIAL -> {
                    require(i == 0, "substring initial at offset " + piece.offset() + " is not the first");
                    initial = text;
                }
                case SUBSTRING_ANY -> any.add(text);
                case SUBSTRING_FINAL -> {
                    require(i == pieces.size() - 1, "substring final at offset " + piece.offset() + " is not the last");
                    last = text;
                }
                default -> throw unexpected(piece, "substring");
            }
        }
        return new SubstringNode(any, type, initial, last);
    }

    private ExprNode extensible(BerElement element) {
        String matchingRule = null;
        String type = null;
        byte[] matchValue = null;
        boolean dnAttributes = false;
        int lastTag = 0;
        for (BerElement part : contents(element)) {
            require(part.tag() > lastTag, String.format("extensible match part 0x%02x at offset %d is out of order",
                    part.tag(), part.offset()));
            lastTag = part.tag();
            switch (part.tag()) {
                case RULE_MATCHING_RULE -> matchingRule = nonEmptyString(part, "matchingRule");
                case RULE_TYPE -> type = nonEmptyString(part, "extensible match type");
                case RULE_MATCH_VALUE -> matchValue = content(part);
                case RULE_DN_ATTRIBUTES -> dnAttributes = bool(part);
                default -> throw unexpected(part, "extensible match");
            }
        }
        require(matchValue != null, "extensible match at offset " + element.offset() + " has no matchValue");
        require(matchingRule != null || type != null,
                "extensible match at offset " + element.offset() + " has neither a matchingRule nor a type");
        return new ExtensibleNode(type, new Value(matchValue), matchingRule, dnAttributes);
    }

    private boolean bool(BerElement element) {
        require(element.contentLength() == 1, "BOOLEAN at offset " + element.offset() + " is not 1 byte long");
        return bytes[element.contentOffset()] != 0;
    }

    /** The elements inside a constructed element, which they must fill exactly. */
    private List<BerElement> contents(BerElement parent) {
        List<BerElement> children = new ArrayList<>();
        for (int offset = parent.contentOffset(); offset < parent.end(); ) {
            BerElement child = BerElement.read(bytes, offset);
            require(child.end() <= parent.end(), "element at offset " + offset + " runs past its enclosing element");
            children.add(child);
            offset = child.end();
        }
        return children;
    }

    private BerElement expect(BerElement element, int tag, String field) {
        if (element.tag() != tag) {
            throw unexpected(element, field);
        }
        return element;
    }

    private String nonEmptyString(BerElement element, String field) {
        require(element.contentLength() > 0, field + " at offset " + element.offset() + " is empty");
        return new String(bytes, element.contentOffset(), element.contentLength(), StandardCharsets.UTF_8);
    }

    private byte[] content(BerElement element) {
        return Arrays.copyOfRange(bytes, element.contentOffset(), element.end());
    }

    private static IllegalArgumentException unexpected(BerElement element, String field) {
        return new IllegalArgumentException(
                String.format("unexpected tag 0x%02x for %s at offset %d", element.tag(), field, element.offset()));
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
