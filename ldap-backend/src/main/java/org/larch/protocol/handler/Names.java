package org.larch.protocol.handler;

import org.apache.directory.api.ldap.model.exception.LdapInvalidDnException;
import org.apache.directory.api.ldap.model.message.ResultCodeEnum;
import org.apache.directory.api.ldap.model.name.Dn;
import org.apache.directory.api.ldap.model.name.Rdn;
import org.apache.directory.api.ldap.model.schema.SchemaManager;
import org.larch.backend.LdapOperationException;

/** DNs from requests made schema-aware (normalized through the schema), as the backend expects them. */
final class Names {
    private Names() {}

    static Dn schemaAware(SchemaManager schema, Dn dn) {
        return schemaAware(schema, dn == null ? null : dn.getName());
    }

    /** A DN given as text (a BindRequest's name, which the codec does not parse). */
    static Dn schemaAware(SchemaManager schema, String dn) {
        if (dn == null || dn.isEmpty()) {
            return Dn.EMPTY_DN;
        }
        try {
            return new Dn(schema, dn);
        } catch (LdapInvalidDnException e) {
            throw new LdapOperationException(ResultCodeEnum.INVALID_DN_SYNTAX,
                    "invalid DN \"" + dn + "\": " + e.getMessage());
        }
    }

    static Rdn schemaAware(SchemaManager schema, Rdn rdn) {
        try {
            return new Rdn(schema, rdn.getName());
        } catch (LdapInvalidDnException e) {
            throw new LdapOperationException(ResultCodeEnum.INVALID_DN_SYNTAX,
                    "invalid RDN \"" + rdn.getName() + "\": " + e.getMessage());
        }
    }
}
