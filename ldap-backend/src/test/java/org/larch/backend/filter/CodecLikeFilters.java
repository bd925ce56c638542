package org.larch.backend.filter;

import com.unboundid.ldap.sdk.Filter;
import java.util.ArrayList;
import java.util.List;
import org.apache.directory.api.ldap.model.entry.Value;
import org.apache.directory.api.ldap.model.exception.LdapSchemaException;
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
import org.apache.directory.api.ldap.model.filter.SubstringNode;

/**
 * Converts an UnboundID filter into the LDAP API's node tree the way the codec decodes a search
 * request: attribute descriptions as written, values as bytes, no schema, {@code (&)} an empty
 * AndNode (FilterParser, unlike the codec, returns null for it).
 */
public final class CodecLikeFilters {
    private CodecLikeFilters() {}

    public static ExprNode toNode(Filter filter) {
        try {
            return convert(filter);
        } catch (LdapSchemaException e) {
            throw new IllegalArgumentException(filter.toString(), e);
        }
    }

    private static ExprNode convert(Filter filter) throws LdapSchemaException {
        return switch (filter.getFilterType()) {
            case Filter.FILTER_TYPE_AND -> new AndNode(children(filter));
            case Filter.FILTER_TYPE_OR -> new OrNode(children(filter));
            case Filter.FILTER_TYPE_NOT -> new NotNode(toNode(filter.getNOTComponent()));
            case Filter.FILTER_TYPE_EQUALITY -> new EqualityNode<byte[]>(filter.getAttributeName(), filter.getAssertionValueBytes());
            case Filter.FILTER_TYPE_GREATER_OR_EQUAL -> new GreaterEqNode<byte[]>(filter.getAttributeName(), filter.getAssertionValueBytes());
            case Filter.FILTER_TYPE_LESS_OR_EQUAL -> new LessEqNode<byte[]>(filter.getAttributeName(), filter.getAssertionValueBytes());
            case Filter.FILTER_TYPE_APPROXIMATE_MATCH -> new ApproximateNode<byte[]>(filter.getAttributeName(), filter.getAssertionValueBytes());
            case Filter.FILTER_TYPE_PRESENCE -> new PresenceNode(filter.getAttributeName());
            case Filter.FILTER_TYPE_SUBSTRING -> substring(filter);
            case Filter.FILTER_TYPE_EXTENSIBLE_MATCH -> new ExtensibleNode(filter.getAttributeName(), value(filter),
                    filter.getMatchingRuleID(), filter.getDNAttributes());
            default -> throw new IllegalArgumentException("filter type " + filter.getFilterType());
        };
    }

    private static List<ExprNode> children(Filter filter) {
        List<ExprNode> children = new ArrayList<>();
        for (Filter component : filter.getComponents()) {
            children.add(toNode(component));
        }
        return children;
    }

    private static Value value(Filter filter) {
        return new Value(filter.getAssertionValueBytes());
    }

    private static SubstringNode substring(Filter filter) {
        List<String> any = new ArrayList<>();
        for (String component : filter.getSubAnyStrings()) {
            any.add(component);
        }
        return new SubstringNode(any, filter.getAttributeName(), filter.getSubInitialString(), filter.getSubFinalString());
    }

}
