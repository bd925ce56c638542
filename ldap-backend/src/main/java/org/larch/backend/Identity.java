package org.larch.backend;

import org.apache.directory.api.ldap.model.name.Dn;

/**
 * Who is asking: the DN a connection bound as (empty for anonymous), and whether it is the configured
 * rootdn, which bypasses access rules.
 */
public record Identity(Dn dn, boolean root) {
    private static final Identity ANONYMOUS = new Identity(Dn.EMPTY_DN, false);

    public static Identity anonymous() {
        return ANONYMOUS;
    }

    public boolean isAnonymous() {
        return dn == null || dn.isEmpty();
    }
}
