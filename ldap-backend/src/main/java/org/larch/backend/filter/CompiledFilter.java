package org.larch.backend.filter;

import java.util.List;
import org.larch.backend.entry.DirectoryEntry;
import org.larch.backend.schema.DirectorySchema;

/**
 * A filter resolved against the schema once (attribute types, matching rules, normalized assertion
 * values), then evaluated on many entries: what a search does with its filter and each candidate.
 * Immutable; safe to share between threads.
 */
public final class CompiledFilter {
    private final Node root;
    private final DirectorySchema schema;

    CompiledFilter(Node root, DirectorySchema schema) {
        this.root = root;
        this.schema = schema;
    }

    public FilterResult evaluate(DirectoryEntry entry) {
        return root.evaluate(entry, schema);
    }

    /** True only when the filter evaluates to TRUE on the entry. */
    public boolean matches(DirectoryEntry entry) {
        return evaluate(entry) == FilterResult.TRUE;
    }

    /** A compiled filter node. */
    sealed interface Node {
        FilterResult evaluate(DirectoryEntry entry, DirectorySchema schema);
    }

    /** {@code (&...)}: TRUE when empty; stops at the first FALSE. */
    record And(List<Node> children) implements Node {
        @Override
        public FilterResult evaluate(DirectoryEntry entry, DirectorySchema schema) {
            FilterResult result = FilterResult.TRUE;
            for (Node child : children) {
                result = result.and(child.evaluate(entry, schema));
                if (result == FilterResult.FALSE) {
                    break;
                }
            }
            return result;
        }
    }

    /** {@code (|...)}: FALSE when empty; stops at the first TRUE. */
    record Or(List<Node> children) implements Node {
        @Override
        public FilterResult evaluate(DirectoryEntry entry, DirectorySchema schema) {
            FilterResult result = FilterResult.FALSE;
            for (Node child : children) {
                result = result.or(child.evaluate(entry, schema));
                if (result == FilterResult.TRUE) {
                    break;
                }
            }
            return result;
        }
    }

    record Not(Node child) implements Node {
        @Override
        public FilterResult evaluate(DirectoryEntry entry, DirectorySchema schema) {
            return child.evaluate(entry, schema).not();
        }
    }

    /** A node whose value does not depend on the entry: an Undefined item, or "every entry". */
    record Constant(FilterResult result) implements Node {
        @Override
        public FilterResult evaluate(DirectoryEntry entry, DirectorySchema schema) {
            return result;
        }
    }

    record Item(ItemMatcher matcher) implements Node {
        @Override
        public FilterResult evaluate(DirectoryEntry entry, DirectorySchema schema) {
            return FilterResult.of(matcher.matchesEntry(entry, schema));
        }
    }
}
