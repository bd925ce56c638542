package org.larch.backend.ops;

import org.apache.directory.api.ldap.model.message.ResultCodeEnum;
import org.apache.directory.api.ldap.model.name.Dn;
import org.larch.backend.LdapOperationException;
import org.larch.backend.schema.SubschemaEntry;
import org.larch.backend.store.DnNames;

/**
 * The root DSE ("") and the subschema subentry ({@code cn=Subschema}) are made by the server, not
 * stored: updates aimed at them get slapd's answers (adding them: ENTRY_ALREADY_EXISTS; changing,
 * renaming or deleting them: UNWILLING_TO_PERFORM).
 */
final class SpecialEntryGuard {
    private final Dn subschema;

    SpecialEntryGuard(OperationContext context) {
        this.subschema = DnNames.parse(context.schema().schemaManager(), SubschemaEntry.DN);
    }

    void refuseAdd(Dn dn) {
        if (isRootDse(dn)) {
            throw new LdapOperationException(ResultCodeEnum.ENTRY_ALREADY_EXISTS, "root DSE already exists");
        }
        if (dn.equals(subschema)) {
            throw new LdapOperationException(ResultCodeEnum.ENTRY_ALREADY_EXISTS, "subschema subentry already exists");
        }
    }

    /** @param operation "modify", "rename" or "delete", for the message */
    void refuseChange(Dn dn, String operation) {
        if (isRootDse(dn)) {
            throw new LdapOperationException(ResultCodeEnum.UNWILLING_TO_PERFORM,
                    operation + " of the root DSE not supported");
        }
        if (dn.equals(subschema)) {
            throw new LdapOperationException(ResultCodeEnum.UNWILLING_TO_PERFORM,
                    operation + " of the subschema subentry not supported");
        }
    }

    private static boolean isRootDse(Dn dn) {
        return dn == null || dn.isEmpty();
    }
}
