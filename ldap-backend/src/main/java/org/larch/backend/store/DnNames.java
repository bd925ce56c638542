package org.larch.backend.store;

import org.apache.directory.api.ldap.model.exception.LdapInvalidDnException;
import org.apache.directory.api.ldap.model.message.ResultCodeEnum;
import org.apache.directory.api.ldap.model.name.Dn;
import org.apache.directory.api.ldap.model.name.Rdn;
import org.apache.directory.api.ldap.model.schema.SchemaManager;
import org.larch.backend.LdapOperationException;

/** Schema-aware DNs and RDNs (normalized by the schema's matching rules, OID-based). */
public final class DnNames {

    private DnNames() {}

    public static Dn schemaAware(SchemaManager schemaManager, Dn dn) {
        if (dn.isSchemaAware()) {
            return dn;
        }
        try {
            return new Dn(schemaManager, dn);
        } catch (LdapInvalidDnException e) {
            throw invalid(dn.getName(), e);
        }
    }

    public static Dn parse(SchemaManager schemaManager, String text) {
        try {
            return new Dn(schemaManager, text);
        } catch (LdapInvalidDnException e) {
            throw invalid(text, e);
        }
    }

    /** The schema-aware DN of {@code rdns}, the leaf first; {@code text} names it in an error. */
    public static Dn of(SchemaManager schemaManager, String text, Rdn... rdns) {
        try {
            return new Dn(schemaManager, rdns);
        } catch (LdapInvalidDnException e) {
            throw invalid(text, e);
        }
    }

    public static Rdn schemaAware(SchemaManager schemaManager, Rdn rdn) {
        if (rdn.isSchemaAware()) {
            return rdn;
        }
        try {
            return new Rdn(schemaManager, rdn);
        } catch (LdapInvalidDnException e) {
            throw invalid(rdn.getName(), e);
        }
    }

    public static Rdn parseRdn(SchemaManager schemaManager, String text) {
        try {
            return new Rdn(schemaManager, text);
        } catch (LdapInvalidDnException e) {
            throw invalid(text, e);
        }
    }

    /** {@code parent} extended by {@code rdn} on the left. */
    public static Dn child(SchemaManager schemaManager, Dn parent, Rdn rdn) {
        try {
            return new Dn(schemaManager, new Dn(rdn, parent));
        } catch (LdapInvalidDnException e) {
            throw invalid(rdn.getName() + "," + parent.getName(), e);
        }
    }

    /**
     * The schema-aware {@code parent} extended on the left by the RDN written as {@code rdnText}; only
     * the new RDN is normalized (the parent's RDNs are reused as they are).
     */
    public static Dn child(Dn parent, String rdnText) {
        try {
            return parent.add(new Rdn(rdnText));
        } catch (LdapInvalidDnException e) {
            throw invalid(rdnText + "," + parent.getName(), e);
        }
    }

    private static LdapOperationException invalid(String text, LdapInvalidDnException e) {
        return new LdapOperationException(ResultCodeEnum.INVALID_DN_SYNTAX, "invalid DN " + text + ": " + e.getMessage(), e);
    }
}
