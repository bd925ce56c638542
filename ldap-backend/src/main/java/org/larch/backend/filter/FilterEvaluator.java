package org.larch.backend.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.directory.api.ldap.model.filter.AndNode;
import org.apache.directory.api.ldap.model.filter.ExprNode;
import org.apache.directory.api.ldap.model.filter.LeafNode;
import org.apache.directory.api.ldap.model.filter.NotNode;
import org.apache.directory.api.ldap.model.filter.ObjectClassNode;
import org.apache.directory.api.ldap.model.filter.OrNode;
import org.apache.directory.api.ldap.model.filter.UndefinedNode;
import org.apache.directory.api.ldap.model.schema.AttributeType;
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
 *
 * <p>A filter evaluated for a requester is compiled with what that requester may read: as slapd
 * does, an item on an attribute type the requester may not read is Undefined, and an item that
 * selects several types (a supertype, an extensible match without a type) skips the unreadable ones,
 * so a filter never reveals a value its requester could not read ({@code (userPassword=secret)}).
 */
public final class FilterEvaluator {
    private static final CompiledFilter.Node UNDEFINED = new CompiledFilter.Constant(FilterResult.UNDEFINED);

    private final DirectorySchema schema;
    private final ItemCompiler compiler;

    public FilterEvaluator(DirectorySchema schema) {
        this(schema, new MatchingRules(schema.schemaManager()));
    }

    public FilterEvaluator(DirectorySchema schema, MatchingRules rules) {
        this.schema = schema;
        this.compiler = new ItemCompiler(schema, rules);
    }

    /** Evaluates a filter on one entry; to evaluate one filter on many, {@link #compile} it once. */
    public FilterResult evaluate(ExprNode filter, DirectoryEntry entry) {
        return compile(filter).evaluate(entry);
    }

    /** True only when the filter evaluates to TRUE. */
    public boolean matches(ExprNode filter, DirectoryEntry entry) {
        return evaluate(filter, entry) == FilterResult.TRUE;
    }

    /**
     * The filter resolved against the schema with every attribute readable (the rootdn's view, for
     * the server's own checks); a requester's filter goes through {@link #compile(ExprNode, Predicate)}.
     */
    public CompiledFilter compile(ExprNode filter) {
        return compile(filter, type -> true);
    }

    /**
     * The filter resolved against the schema for a requester, ready to evaluate on many entries.
     *
     * @param readable whether the requester may read values of a type; items on other types are Undefined
     */
    public CompiledFilter compile(ExprNode filter, Predicate<AttributeType> readable) {
        return new CompiledFilter(node(filter, readable), schema);
    }

    private CompiledFilter.Node node(ExprNode filter, Predicate<AttributeType> readable) {
        return switch (filter) {
            case null -> UNDEFINED; // what FilterParser leaves for an unknown type
            case AndNode and -> new CompiledFilter.And(children(and.getChildren(), readable));
            case OrNode or -> new CompiledFilter.Or(children(or.getChildren(), readable));
            case NotNode not -> new CompiledFilter.Not(node(not.getFirstChild(), readable));
            case ObjectClassNode everyEntry -> new CompiledFilter.Constant(FilterResult.TRUE);
            case UndefinedNode undefined -> UNDEFINED;
            case LeafNode item -> item(item, readable);
            default -> UNDEFINED;
        };
    }

    private List<CompiledFilter.Node> children(List<ExprNode> children, Predicate<AttributeType> readable) {
        List<CompiledFilter.Node> nodes = new ArrayList<>();
        for (ExprNode child : children == null ? List.<ExprNode>of() : children) {
            nodes.add(node(child, readable));
        }
        return List.copyOf(nodes);
    }

    private CompiledFilter.Node item(LeafNode item, Predicate<AttributeType> readable) {
        ItemMatcher matcher = compiler.compile(item, readable);
        return matcher == null ? UNDEFINED : new CompiledFilter.Item(matcher);
    }

    /** The compiled form of a single filter item (every attribute readable), or null when it is Undefined. */
    ItemMatcher compile(LeafNode item) {
        return compiler.compile(item, type -> true);
    }
}
