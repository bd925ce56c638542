package org.larch.backend.search;

import java.util.List;
import org.apache.directory.api.ldap.model.exception.LdapException;
import org.apache.directory.api.ldap.model.filter.ExprNode;
import org.apache.directory.api.ldap.model.filter.FilterParser;
import org.apache.directory.api.ldap.model.message.AliasDerefMode;
import org.apache.directory.api.ldap.model.message.SearchScope;
import org.apache.directory.api.ldap.model.name.Dn;
import org.larch.backend.request.SearchSpec;
import org.larch.backend.request.SearchSpec.PagedRequest;
import org.larch.backend.request.SearchSpec.SortKey;

/** A SearchSpec builder for tests: defaults of a plain search, changed one part at a time. */
final class Specs {
    private Dn base;
    private SearchScope scope = SearchScope.SUBTREE;
    private AliasDerefMode deref = AliasDerefMode.NEVER_DEREF_ALIASES;
    private int sizeLimit;
    private int timeLimitSeconds;
    private boolean typesOnly;
    private ExprNode filter;
    private List<String> attributes = List.of();
    private boolean manageDsaIT;
    private PagedRequest paged;
    private List<SortKey> sortKeys;
    private boolean sortCritical;
    private List<ExprNode> valuesReturnFilter;
    private ExprNode assertion;
    private boolean subordinates;

    static Specs search(String base, SearchScope scope, String filter) {
        Specs specs = new Specs();
        try {
            specs.base = new Dn(base);
            specs.filter = FilterParser.parse(filter);
        } catch (LdapException | java.text.ParseException e) {
            throw new IllegalArgumentException(e);
        }
        specs.scope = scope;
        return specs;
    }

    Specs attributes(String... names) {
        attributes = List.of(names);
        return this;
    }

    Specs sizeLimit(int limit) {
        sizeLimit = limit;
        return this;
    }

    Specs timeLimit(int seconds) {
        timeLimitSeconds = seconds;
        return this;
    }

    Specs typesOnly() {
        typesOnly = true;
        return this;
    }

    Specs deref(AliasDerefMode mode) {
        deref = mode;
        return this;
    }

    Specs manageDsaIT() {
        manageDsaIT = true;
        return this;
    }

    Specs paged(int size, byte[] cookie) {
        paged = new PagedRequest(size, cookie);
        return this;
    }

    Specs sort(boolean critical, SortKey... keys) {
        sortKeys = List.of(keys);
        sortCritical = critical;
        return this;
    }

    Specs valuesReturn(String... filters) {
        try {
            valuesReturnFilter = new java.util.ArrayList<>();
            for (String text : filters) {
                valuesReturnFilter.add(FilterParser.parse(text));
            }
        } catch (java.text.ParseException e) {
            throw new IllegalArgumentException(e);
        }
        return this;
    }

    /** RFC 4528: the assertion control's filter. */
    Specs assertion(String text) {
        try {
            assertion = FilterParser.parse(text);
        } catch (java.text.ParseException e) {
            throw new IllegalArgumentException(e);
        }
        return this;
    }

    /** Scope 3 (subordinates) as the front end decodes it: SUBTREE with the flag set. */
    Specs subordinates() {
        scope = SearchScope.SUBTREE;
        subordinates = true;
        return this;
    }

    SearchSpec build() {
        return new SearchSpec(base, scope, deref, sizeLimit, timeLimitSeconds, typesOnly, filter, attributes,
                manageDsaIT, paged, sortKeys, valuesReturnFilter, sortCritical, assertion, subordinates);
    }
}
