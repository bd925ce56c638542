package org.larch.backend.filter;

import java.util.ArrayList;
import java.util.List;
import org.apache.directory.api.ldap.model.filter.ExprNode;
import org.apache.directory.api.ldap.model.filter.LeafNode;
import org.larch.backend.entry.DirectoryEntry;
import org.larch.backend.entry.EntryAttribute;

/**
 * The values return filter of RFC 3876: of each attribute, only the values that match at least one
 * of the filter's simple items are returned (items on other attributes, Undefined items and
 * non-simple items match nothing). An attribute left without values is left out of the entry.
 */
public final class ValuesReturnFilter {
    private final FilterEvaluator evaluator;

    public ValuesReturnFilter(FilterEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    /** A copy of {@code entry} holding only the matching values; {@code entry} is not changed. */
    public DirectoryEntry apply(List<ExprNode> items, DirectoryEntry entry) {
        List<ItemMatcher> matchers = compile(items);
        List<EntryAttribute> kept = new ArrayList<>();
        for (EntryAttribute attribute : entry.attributes()) {
            EntryAttribute filtered = keepMatching(attribute, matchers);
            if (!filtered.values().isEmpty()) {
                kept.add(filtered);
            }
        }
        return new DirectoryEntry(entry.dn(), entry.id(), kept);
    }

    private List<ItemMatcher> compile(List<ExprNode> items) {
        List<ItemMatcher> matchers = new ArrayList<>();
        for (ExprNode item : items) {
            ItemMatcher matcher = item instanceof LeafNode leaf ? evaluator.compile(leaf) : null;
            if (matcher != null) {
                matchers.add(matcher);
            }
        }
        return matchers;
    }

    private static EntryAttribute keepMatching(EntryAttribute attribute, List<ItemMatcher> matchers) {
        List<byte[]> values = new ArrayList<>();
        for (byte[] value : attribute.values()) {
            if (anyMatches(attribute, value, matchers)) {
                values.add(value.clone());
            }
        }
        return new EntryAttribute(attribute.description(), attribute.type(), values);
    }

    private static boolean anyMatches(EntryAttribute attribute, byte[] value, List<ItemMatcher> matchers) {
        for (ItemMatcher matcher : matchers) {
            if (matcher.selects(attribute) && matcher.matchesValue(value)) {
                return true;
            }
        }
        return false;
    }
}
