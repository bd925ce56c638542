package org.larch.backend.request;

import java.util.List;
import org.apache.directory.api.ldap.model.filter.ExprNode;
import org.apache.directory.api.ldap.model.message.AliasDerefMode;
import org.apache.directory.api.ldap.model.message.SearchScope;
import org.apache.directory.api.ldap.model.name.Dn;

/**
 * A search as the backend runs it: the decoded SearchRequest plus the controls the backend acts on.
 *
 * @param sizeLimit client's size limit, 0 = none (the server's {@code sizelimit} still applies unless rootdn)
 * @param timeLimitSeconds client's time limit, 0 = none (the server's {@code timelimit} still applies)
 * @param attributes the requested attribute list as sent ({@code *}, {@code +}, {@code 1.1}, names with options)
 * @param paged the paged results control (RFC 2696), or null
 * @param sortKeys the server-side sort control's keys (RFC 2891), or null
 * @param valuesReturnFilter the values return filter (RFC 3876) items, or null
 * @param sortCritical whether the sort control was critical: a sort the server cannot do then fails
 *     the search with UNAVAILABLE_CRITICAL_EXTENSION (RFC 2891) instead of returning unsorted results
 * @param assertion RFC 4528 assertion control: the base entry must match, else assertionFailed; null if absent
 * @param subordinatesScope the request's scope was 3 (subordinates, "children"): {@code scope} is then
 *     SUBTREE and the base entry itself is excluded
 */
public record SearchSpec(
        Dn base,
        SearchScope scope,
        AliasDerefMode derefAliases,
        int sizeLimit,
        int timeLimitSeconds,
        boolean typesOnly,
        ExprNode filter,
        List<String> attributes,
        boolean manageDsaIT,
        PagedRequest paged,
        List<SortKey> sortKeys,
        List<ExprNode> valuesReturnFilter,
        boolean sortCritical,
        ExprNode assertion,
        boolean subordinatesScope) {

    /**
     * With {@code sortCritical}, no assertion control and no subordinates scope.
     */
    public SearchSpec(Dn base, SearchScope scope, AliasDerefMode derefAliases, int sizeLimit, int timeLimitSeconds,
            boolean typesOnly, ExprNode filter, List<String> attributes, boolean manageDsaIT, PagedRequest paged,
            List<SortKey> sortKeys, List<ExprNode> valuesReturnFilter, boolean sortCritical) {
        this(base, scope, derefAliases, sizeLimit, timeLimitSeconds, typesOnly, filter, attributes, manageDsaIT, paged,
                sortKeys, valuesReturnFilter, sortCritical, null, false);
    }

    /** Without {@code sortCritical} (a non-critical sort control, or none). */
    public SearchSpec(Dn base, SearchScope scope, AliasDerefMode derefAliases, int sizeLimit, int timeLimitSeconds,
            boolean typesOnly, ExprNode filter, List<String> attributes, boolean manageDsaIT, PagedRequest paged,
            List<SortKey> sortKeys, List<ExprNode> valuesReturnFilter) {
        this(base, scope, derefAliases, sizeLimit, timeLimitSeconds, typesOnly, filter, attributes, manageDsaIT, paged,
                sortKeys, valuesReturnFilter, false);
    }

    /** RFC 2696: page size and the cookie from the previous page (empty on the first request). */
    public record PagedRequest(int size, byte[] cookie) {}

    /** RFC 2891: one sort key. {@code orderingRule} is null for the attribute's own ordering rule. */
    public record SortKey(String attribute, String orderingRule, boolean reverseOrder) {}
}
