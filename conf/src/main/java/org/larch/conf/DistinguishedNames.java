package org.larch.conf;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;

/**
 * DN checks the configuration needs, with the JDK's RFC 4514 parser (the schema-aware check of
 * attribute names happens when the server loads the schema).
 */
final class DistinguishedNames {

    private DistinguishedNames() {}

    /** {@code text} if it parses as a non-empty DN; an error naming the directive otherwise. */
    static String check(Directive directive, String text) {
        LdapName name = parse(directive, text);
        if (name.isEmpty()) {
            throw directive.error(directive.keyword() + ": the DN must not be empty");
        }
        return text;
    }

    /** True if {@code dn} is {@code ancestor} or below it (RDNs compared case-insensitively). */
    static boolean isWithin(Directive directive, String dn, String ancestor) {
        return parse(directive, dn).startsWith(parse(directive, ancestor));
    }

    private static LdapName parse(Directive directive, String text) {
        try {
            return new LdapName(text);
        } catch (InvalidNameException | IllegalArgumentException e) {
            throw directive.error(directive.keyword() + ": \"" + text + "\" is not a DN");
        }
    }
}
