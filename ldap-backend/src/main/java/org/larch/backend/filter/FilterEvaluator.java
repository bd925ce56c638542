package org.larch.backend.filter;

import java.util.List;
import org.apache.directory.api.ldap.model.filter.AndNode;
import org.apache.directory.api.ldap.model.filter.ExprNode;
import org.apache.directory.api.ldap.model.filter.LeafNode;
import org.apache.directory.api.ldap.model.filter.NotNode;
import org.apache.directory.api.ldap.model.filter.ObjectClassNode;
import org.apache.directory.api.ldap.model.filter.OrNode;
import org.apache.directory.api.ldap.model.filter.UndefinedNode;
import org.larch.backend.entry.DirectoryEntry;
import org.larch.backend.match.MatchingRules;
import org.larch.backend.schema.DirectorySchema;

/**
 * Evaluates a search filter (the LDAP API's {@link ExprNode} tree, as the codec or
 * {@code FilterParser} builds it, with or without a schema) on an entry, with RFC 4511's three-valued
 * logic: {@code (&)} is TRUE, {@code (|)} is FALSE, NOT of Undefined is Undefined, and an item on an
 * attribute type the schema does not know, or without the rule it needs, is Undefined, never an error.
 * A search returns an entry only when its filter is TRUE. The codec's nodes carry the attribute
 * description as written ({@code cn;lang-en}); a schema-aware {@code FilterParser} drops the options.
 */
public final class FilterEvaluator {
    private final DirectorySchema schema;
    private final ItemCompiler compiler;

    public FilterEvaluator(DirectorySchema schema) {
        this(schema, new MatchingRules(schema.schemaManager()));
    }

    public FilterEvaluator(DirectorySchema schema, MatchingRules rules) {
        this.schema = schema;
        this.compiler = new ItemCompiler(schema, rules);
    }

    public FilterResult evaluate(ExprNode filter, DirectoryEntry entry) {
        return switch (filter) {
            case null -> FilterResult.UNDEFINED; // what FilterParser leaves for an unknown type
            case AndNode and -> all(and.getChildren(), entry);
            case OrNode or -> any(or.getChildren(), entry);
            case NotNode not -> evaluate(not.getFirstChild(), entry).not();
            case ObjectClassNode everyEntry -> FilterResult.TRUE;
            case UndefinedNode undefined -> FilterResult.UNDEFINED;
            case LeafNode item -> item(item, entry);
            default -> FilterResult.UNDEFINED;
        };
    }

    /** True only when the filter evaluates to TRUE. */
    public boolean matches(ExprNode filter, DirectoryEntry entry) {
        return evaluate(filter, entry) == FilterResult.TRUE;
    }

    /** The compiled form of a single filter item, or null when it is Undefined. */
    ItemMatcher compile(LeafNode item) {
        return compiler.compile(item);
    }

    private FilterResult all(List<ExprNode> children, DirectoryEntry entry) {
        FilterResult result = FilterResult.TRUE;
        for (ExprNode child : children == null ? List.<ExprNode>of() : children) {
            result = result.and(evaluate(child, entry));
            if (result == FilterResult.FALSE) {
                return result;
            }
        }
        return result;
    }

    private FilterResult any(List<ExprNode> children, DirectoryEntry entry) {
        FilterResult result = FilterResult.FALSE;
        for (ExprNode child : children == null ? List.<ExprNode>of() : children) {
            result = result.or(evaluate(child, entry));
            if (result == FilterResult.TRUE) {
                return result;
            }
        }
        return result;
    }

    private FilterResult item(LeafNode item, DirectoryEntry entry) {
        ItemMatcher matcher = compiler.compile(item);
        if (matcher == null) {
            return FilterResult.UNDEFINED;
        }
        return FilterResult.of(matcher.matchesEntry(entry, schema));
    }
}
