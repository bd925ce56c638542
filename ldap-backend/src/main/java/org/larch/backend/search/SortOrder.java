package org.larch.backend.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.directory.api.ldap.model.message.ResultCodeEnum;
import org.apache.directory.api.ldap.model.schema.AttributeType;
import org.apache.directory.api.ldap.model.schema.MatchingRule;
import org.larch.backend.entry.DirectoryEntry;
import org.larch.backend.entry.EntryAttribute;
import org.larch.backend.match.MatchingRules;
import org.larch.backend.request.SearchSpec.SortKey;
import org.larch.backend.schema.DirectorySchema;

/**
 * Server-side sort (RFC 2891) with each attribute's ordering rule. An entry's sort value for a key is
 * its lowest value (its highest when the key is reversed); entries without one sort after those with
 * one. Values are compared by their ordering keys ({@link MatchingRules#orderingKey}), computed once
 * per entry. Ties fall to the next key, then to the entry id, so the order is total and stable across pages.
 */
final class SortOrder {
    private final List<PreparedKey> keys;
    private final MatchingRules rules;

    private SortOrder(List<PreparedKey> keys, MatchingRules rules) {
        this.keys = keys;
        this.rules = rules;
    }

    /** The outcome of checking the requested keys: an order, or why the server cannot sort. */
    record Preparation(SortOrder order, ResultCodeEnum failure, String failedAttribute) {}

    static Preparation prepare(List<SortKey> requested, DirectorySchema schema, MatchingRules rules) {
        List<PreparedKey> keys = new ArrayList<>();
        for (SortKey key : requested) {
            AttributeType type = schema.attributeType(key.attribute());
            if (type == null) {
                return new Preparation(null, ResultCodeEnum.NO_SUCH_ATTRIBUTE, key.attribute());
            }
            // Sort keeps the fallback to the equality rule's natural order for a type without an
            // ORDERING rule (as UnboundID does); filters do not (RFC 4511 4.5.1.7.3/4: Undefined).
            if (!rules.hasOrdering(type) || !isTheOrderingRule(key.orderingRule(), type, rules)) {
                return new Preparation(null, ResultCodeEnum.INAPPROPRIATE_MATCHING, key.attribute());
            }
            keys.add(new PreparedKey(type, key.reverseOrder()));
        }
        return new Preparation(new SortOrder(keys, rules), ResultCodeEnum.SUCCESS, null);
    }

    /** Sorts the rows (entries with their ids) in place. */
    void sort(List<SortRow> rows) {
        rows.sort(comparator());
    }

    /** The values an entry sorts by, one per key (null where the entry has none). */
    SortRow row(DirectoryEntry entry) {
        byte[][] values = new byte[keys.size()][];
        for (int i = 0; i < keys.size(); i++) {
            values[i] = sortValue(entry, keys.get(i));
        }
        return new SortRow(entry.id(), values);
    }

    /** One matched entry of a sorted search: its id and its sort values. */
    record SortRow(long id, byte[][] values) {}

    private Comparator<SortRow> comparator() {
        return (a, b) -> {
            for (int i = 0; i < keys.size(); i++) {
                int order = compareValues(keys.get(i), a.values()[i], b.values()[i]);
                if (order != 0) {
                    return order;
                }
            }
            return Long.compare(a.id(), b.id());
        };
    }

    private static int compareValues(PreparedKey key, byte[] a, byte[] b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : 1) : -1;
        }
        int order = Arrays.compareUnsigned(a, b);
        return key.reverse() ? -order : order;
    }

    /** The ordering key of the entry's lowest value (highest when reversed); invalid values are passed over. */
    private byte[] sortValue(DirectoryEntry entry, PreparedKey key) {
        byte[] chosen = null;
        for (EntryAttribute attribute : entry.ofType(key.type())) {
            for (byte[] value : attribute.values()) {
                byte[] ordered = orderingKey(key.type(), value);
                if (ordered != null && (chosen == null || isBetter(key, ordered, chosen))) {
                    chosen = ordered;
                }
            }
        }
        return chosen;
    }

    private static boolean isBetter(PreparedKey key, byte[] candidate, byte[] chosen) {
        int order = Arrays.compareUnsigned(candidate, chosen);
        return key.reverse() ? order > 0 : order < 0;
    }

    private byte[] orderingKey(AttributeType type, byte[] value) {
        try {
            return rules.orderingKey(type, value);
        } catch (RuntimeException invalidValue) {
            return null;
        }
    }

    /**
     * A named rule is accepted when it is the type's ordering rule, or, for a type ordered through
     * its equality rule, that rule or an ordering rule of the same syntax (integerOrderingMatch for
     * an integerMatch type).
     */
    private static boolean isTheOrderingRule(String requested, AttributeType type, MatchingRules rules) {
        if (requested == null) {
            return true;
        }
        MatchingRule rule = rules.rule(requested);
        if (rule == null) {
            return false;
        }
        if (type.getOrdering() != null) {
            return sameRule(rule, type.getOrdering());
        }
        MatchingRule equality = type.getEquality();
        return sameRule(rule, equality) || (equality != null && rule.getSyntaxOid().equals(equality.getSyntaxOid()));
    }

    private static boolean sameRule(MatchingRule a, MatchingRule b) {
        return b != null && a.getOid().equals(b.getOid());
    }

    private record PreparedKey(AttributeType type, boolean reverse) {}
}
