package org.larch.backend.filter;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.apache.directory.api.ldap.model.filter.ApproximateNode;
import org.apache.directory.api.ldap.model.filter.EqualityNode;
import org.apache.directory.api.ldap.model.filter.ExtensibleNode;
import org.apache.directory.api.ldap.model.filter.GreaterEqNode;
import org.apache.directory.api.ldap.model.filter.LeafNode;
import org.apache.directory.api.ldap.model.filter.LessEqNode;
import org.apache.directory.api.ldap.model.filter.PresenceNode;
import org.apache.directory.api.ldap.model.filter.SimpleNode;
import org.apache.directory.api.ldap.model.filter.SubstringNode;
import org.apache.directory.api.ldap.model.schema.AttributeType;
import org.apache.directory.api.ldap.model.schema.MatchingRule;
import org.larch.backend.LdapOperationException;
import org.larch.backend.match.MatchingRules;
import org.larch.backend.schema.DirectorySchema;

/**
 * Turns a filter item (equality, substrings, {@code >=}, {@code <=}, present, approx, extensible)
 * into an {@link ItemMatcher}, or null when the item is Undefined: an attribute type the schema does
 * not know, a type without the rule the item needs, an unknown matching rule, or an assertion value
 * that is not valid for the rule, or a type the requester may not read.
 */
final class ItemCompiler {
    private static final String OBJECT_CLASS_OID = "2.5.4.0";

    private final DirectorySchema schema;
    private final MatchingRules rules;
    private final ObjectClassHierarchy objectClasses;

    ItemCompiler(DirectorySchema schema, MatchingRules rules) {
        this.schema = schema;
        this.rules = rules;
        this.objectClasses = new ObjectClassHierarchy(schema.schemaManager());
    }

    /** @param readable whether the requester may read values of a type */
    ItemMatcher compile(LeafNode item, Predicate<AttributeType> readable) {
        ItemMatcher matcher = compileItem(item);
        if (matcher == null || !matcher.readableBy(readable)) {
            return null;
        }
        return matcher.restrictedTo(readable);
    }

    private ItemMatcher compileItem(LeafNode item) {
        try {
            return switch (item) {
                case ExtensibleNode extensible -> extensible(extensible);
                case PresenceNode presence -> withType(presence, type -> value -> true);
                case SubstringNode substring -> substrings(substring);
                case EqualityNode<?> equality -> equality(equality);
                case GreaterEqNode<?> greater -> ordering(greater, comparison -> comparison >= 0);
                case LessEqNode<?> less -> ordering(less, comparison -> comparison <= 0);
                case ApproximateNode<?> approx -> approximate(approx);
                default -> null;
            };
        } catch (LdapOperationException invalidAssertion) {
            return null;
        }
    }

    private ItemMatcher equality(EqualityNode<?> item) {
        return withType(item, type -> {
            if (!rules.hasEquality(type)) {
                return null;
            }
            byte[] assertion = assertionBytes(item);
            if (type.getOid().equals(OBJECT_CLASS_OID)) {
                String wanted = new String(rules.equalityKey(type, assertion), StandardCharsets.UTF_8);
                return value -> objectClasses.isSubclassOf(value, wanted);
            }
            byte[] key = rules.equalityKey(type, assertion);
            return value -> Arrays.equals(rules.equalityKey(type, value), key);
        });
    }

    private ItemMatcher ordering(SimpleNode<?> item, java.util.function.IntPredicate accept) {
        return withType(item, type -> {
            if (!rules.hasOrderingRule(type)) {
                return null;
            }
            byte[] key = rules.orderingKey(type, assertionBytes(item));
            return value -> accept.test(Arrays.compareUnsigned(rules.orderingKey(type, value), key));
        });
    }

    private ItemMatcher approximate(ApproximateNode<?> item) {
        return withType(item, type -> {
            if (!rules.hasEquality(type)) {
                return null;
            }
            byte[] assertion = assertionBytes(item);
            rules.approxKey(type, assertion);
            return value -> rules.approxMatch(type, value, assertion);
        });
    }

    private ItemMatcher substrings(SubstringNode item) {
        return withType(item, type -> {
            if (!rules.hasSubstrings(type)) {
                return null;
            }
            byte[] initial = utf8(item.getInitial());
            byte[] last = utf8(item.getFinal());
            List<byte[]> any = new ArrayList<>();
            for (String component : item.getAny() == null ? List.<String>of() : item.getAny()) {
                any.add(utf8(component));
            }
            return value -> rules.substringsMatch(type, value, initial, any, last);
        });
    }

    private ItemMatcher extensible(ExtensibleNode item) {
        FilterAttribute attribute = FilterAttribute.resolve(item.getAttribute(), item.getAttributeType(), schema);
        boolean typed = item.getAttribute() != null || item.getAttributeType() != null;
        if (typed && attribute == null) {
            return null;
        }
        MatchingRule rule = item.getMatchingRuleId() == null ? null : rules.rule(item.getMatchingRuleId());
        if (item.getMatchingRuleId() != null && rule == null) {
            return null;
        }
        if (rule == null) {
            rule = attribute == null ? null : attribute.type().getEquality();
        }
        if (rule == null) {
            return null;
        }
        return new ItemMatcher(attribute, extensibleTest(rule, item.getValue().getBytes()), item.hasDnAttributes());
    }

    private Predicate<byte[]> extensibleTest(MatchingRule rule, byte[] assertion) {
        String name = rule.getName() == null ? "" : rule.getName().toLowerCase(Locale.ROOT);
        byte[] key = rules.ruleKey(rule, assertion);
        if (name.endsWith("orderingmatch")) {
            return value -> Arrays.compareUnsigned(rules.ruleKey(rule, value), key) < 0;
        }
        return value -> Arrays.equals(rules.ruleKey(rule, value), key);
    }

    private ItemMatcher withType(LeafNode item, java.util.function.Function<AttributeType, Predicate<byte[]>> test) {
        FilterAttribute attribute = FilterAttribute.resolve(item.getAttribute(), item.getAttributeType(), schema);
        if (attribute == null) {
            return null;
        }
        Predicate<byte[]> valueTest = test.apply(attribute.type());
        return valueTest == null ? null : new ItemMatcher(attribute, valueTest, false);
    }

    private static byte[] assertionBytes(SimpleNode<?> item) {
        return item.getValue().getBytes();
    }

    private static byte[] utf8(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }
}
