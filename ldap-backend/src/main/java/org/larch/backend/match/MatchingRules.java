package org.larch.backend.match;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.directory.api.ldap.model.exception.LdapException;
import org.apache.directory.api.ldap.model.schema.AttributeType;
import org.apache.directory.api.ldap.model.schema.MatchingRule;
import org.apache.directory.api.ldap.model.schema.SchemaManager;

/**
 * Values compared the way the schema says: normalized keys per an attribute type's equality,
 * ordering and substrings rules (RFC 4517/4518), used by filters, indexes, compare and modify.
 *
 * <p>Rules: the caseIgnore/caseExact (IA5, list) families use RFC 4518 string preparation; numeric
 * strings drop spaces; telephone numbers drop spaces and hyphens; DNs and unique members are
 * normalized through the schema (attribute OIDs, normalized RDN values); integers become
 * {@link IntegerKey}s, which sort numerically; generalized times become UTC with milliseconds
 * ({@code 20260101110000.000Z}), which sort chronologically; object identifiers map names to OIDs;
 * booleans are {@code TRUE}/{@code FALSE}; any other rule uses the LDAP API's normalizer. A type
 * without an equality rule (or a null type) compares exact octets.
 *
 * <p>Filters and indexes order a type only by its own ORDERING rule ({@link #hasOrderingRule}): RFC
 * 4511 sections 4.5.1.7.3/4 make {@code >=} and {@code <=} on a type without one Undefined.
 * Server-side sort alone keeps a fallback ({@link #hasOrdering}): a type without an ordering rule is
 * sorted by its equality rule's natural order when that rule has one (integer, generalized time, the
 * text families, octet string), as UnboundID does.
 */
public final class MatchingRules {
    private final SchemaManager schemaManager;
    private final ValueKeys keys;

    public MatchingRules(SchemaManager schemaManager) {
        this.schemaManager = schemaManager;
        this.keys = new ValueKeys(schemaManager);
    }

    public boolean hasEquality(AttributeType type) {
        return type != null && type.getEquality() != null;
    }

    /**
     * Whether the type can be sorted (server-side sort): it has an ORDERING rule, or an equality rule
     * with a natural order. Filters must use {@link #hasOrderingRule} instead.
     */
    public boolean hasOrdering(AttributeType type) {
        return orderingRule(type) != null;
    }

    /** Whether the type has its own ORDERING rule, as a {@code >=} or {@code <=} filter item needs. */
    public boolean hasOrderingRule(AttributeType type) {
        return type != null && type.getOrdering() != null;
    }

    public boolean hasSubstrings(AttributeType type) {
        return type != null && type.getSubstring() != null;
    }

    /** The value normalized per the type's equality rule; INVALID_ATTRIBUTE_SYNTAX if it is not valid. */
    public byte[] equalityKey(AttributeType type, byte[] value) {
        return keys.key(type == null ? null : type.getEquality(), value);
    }

    public boolean equal(AttributeType type, byte[] a, byte[] b) {
        return Arrays.equals(equalityKey(type, a), equalityKey(type, b));
    }

    /**
     * True when the type has an ORDERING rule and its equality keys sort in that order (integer,
     * generalized time), so an equality index on it also answers {@code >=} and {@code <=} by a key
     * range scan. Without an ORDERING rule such items are Undefined and no range is right.
     */
    public boolean equalityKeysAreOrdered(AttributeType type) {
        if (!hasEquality(type) || !hasOrderingRule(type)) {
            return false;
        }
        RuleFamily family = RuleFamily.of(type.getEquality());
        return family == RuleFamily.INTEGER || family == RuleFamily.GENERALIZED_TIME;
    }

    /** The key whose unsigned byte order is the type's ordering; the equality key if it has none. */
    public byte[] orderingKey(AttributeType type, byte[] value) {
        MatchingRule ordering = orderingRule(type);
        return keys.key(ordering != null ? ordering : type == null ? null : type.getEquality(), value);
    }

    /** Negative, zero or positive as {@code a} sorts before, with or after {@code b}. */
    public int compareOrdering(AttributeType type, byte[] a, byte[] b) {
        return Arrays.compareUnsigned(orderingKey(type, a), orderingKey(type, b));
    }

    /** A whole value normalized per the type's substrings rule (the haystack of a substring match). */
    public byte[] substringKey(AttributeType type, byte[] value) {
        return keys.key(substringRule(type), value);
    }

    /** A substring assertion component normalized per the type's substrings rule. */
    public byte[] substringKey(AttributeType type, byte[] component, SubstringPosition position) {
        return keys.substringComponentKey(substringRule(type), component, position);
    }

    /** Does {@code value} match {@code initial*any*final} (each part may be null/empty)? */
    public boolean substringsMatch(AttributeType type, byte[] value, byte[] initial, List<byte[]> any, byte[] last) {
        List<byte[]> anyKeys = new ArrayList<>();
        for (byte[] component : any == null ? List.<byte[]>of() : any) {
            anyKeys.add(substringKey(type, component, SubstringPosition.ANY));
        }
        return SubstringMatch.matches(substringKey(type, value),
                initial == null ? null : substringKey(type, initial, SubstringPosition.INITIAL),
                anyKeys,
                last == null ? null : substringKey(type, last, SubstringPosition.FINAL));
    }

    /**
     * The approximate key: for text types, the Soundex code of each word of the prepared value,
     * joined by spaces ({@code "Robert Smith" -> "R163 S530"}); for other types, the equality key.
     */
    public byte[] approxKey(AttributeType type, byte[] value) {
        return String.join(" ", approxWords(type, value)).getBytes(StandardCharsets.UTF_8);
    }

    /** The phonetic code of each word (one element, the equality key, for non-text types). */
    public List<String> approxWords(AttributeType type, byte[] value) {
        if (!isText(type)) {
            return List.of(new String(equalityKey(type, value), StandardCharsets.ISO_8859_1));
        }
        String prepared = new String(equalityKey(type, value), StandardCharsets.UTF_8);
        List<String> codes = new ArrayList<>();
        for (String word : prepared.split(" ")) {
            if (!word.isEmpty()) {
                codes.add(Soundex.encode(word));
            }
        }
        return codes;
    }

    /** As slapd: every word of the assertion sounds like a word of the value, in the same order. */
    public boolean approxMatch(AttributeType type, byte[] value, byte[] assertion) {
        List<String> valueWords = approxWords(type, value);
        int position = 0;
        for (String word : approxWords(type, assertion)) {
            position = valueWords.subList(position, valueWords.size()).indexOf(word);
            if (position < 0) {
                return false;
            }
            position++;
        }
        return true;
    }

    /** The matching rule named {@code nameOrOid}, or null if the schema has none. */
    public MatchingRule rule(String nameOrOid) {
        try {
            return schemaManager.lookupMatchingRuleRegistry(nameOrOid.toLowerCase(Locale.ROOT));
        } catch (LdapException notFound) {
            return null;
        }
    }

    /** The key of {@code value} under an explicitly named rule (extensible match). */
    public byte[] ruleKey(MatchingRule rule, byte[] value) {
        return keys.key(rule, value);
    }

    /** A substring component's key under an explicitly named substrings rule. */
    public byte[] ruleSubstringKey(MatchingRule rule, byte[] component, SubstringPosition position) {
        return keys.substringComponentKey(rule, component, position);
    }

    private MatchingRule orderingRule(AttributeType type) {
        if (type == null) {
            return null;
        }
        if (type.getOrdering() != null) {
            return type.getOrdering();
        }
        MatchingRule equality = type.getEquality();
        return equality != null && RuleFamily.of(equality).hasNaturalOrder() ? equality : null;
    }

    private MatchingRule substringRule(AttributeType type) {
        if (type == null) {
            return null;
        }
        return type.getSubstring() != null ? type.getSubstring() : type.getEquality();
    }

    private boolean isText(AttributeType type) {
        return hasEquality(type) && RuleFamily.of(type.getEquality()).isText();
    }
}
