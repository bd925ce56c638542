package org.larch.backend.search;

import org.apache.directory.api.ldap.model.message.SearchScope;

/**
 * The search scopes the backend runs: the three of RFC 4511 and {@code children} (scope 3 of
 * draft-sermersheim-ldap-subordinate-scope: the subtree without its base). The LDAP API's
 * {@link SearchScope} has no value for the fourth, and its codec rejects scope 3 while decoding.
 */
public enum Scope {
    BASE,
    ONE_LEVEL,
    SUBTREE,
    CHILDREN;

    public static Scope of(SearchScope scope) {
        return switch (scope) {
            case OBJECT -> BASE;
            case ONELEVEL -> ONE_LEVEL;
            case SUBTREE -> SUBTREE;
        };
    }
}
