package org.larch.backend.operational;

import org.apache.directory.api.ldap.model.message.ResultCodeEnum;
import org.apache.directory.api.ldap.model.schema.AttributeType;
import org.larch.backend.Identity;
import org.larch.backend.LdapOperationException;
import org.larch.backend.entry.DirectoryEntry;
import org.larch.backend.entry.EntryAttribute;
import org.larch.backend.request.UpdateControls;

/**
 * Clients may not write attributes the schema marks NO-USER-MODIFICATION (entryUUID, entryCSN, the
 * timestamps, creatorsName, ...): CONSTRAINT_VIOLATION, "entryCSN: no user modification allowed", as
 * slapd answers.
 *
 * <p>One exception, for seeding a replica or restoring an export with its original identities: the
 * rootdn sending ManageDsaIT may supply them on add and modify, and the supplied values are kept
 * (slapd lets its replication update DN and, with the Relax control, the rootdn do the same).
 */
public final class NoUserModification {

    private NoUserModification() {}

    /** Checks every attribute of an entry to be added. */
    public static void checkAdd(DirectoryEntry entry, Identity who, UpdateControls controls) {
        for (EntryAttribute attribute : entry.attributes()) {
            check(attribute.type(), attribute.description().text(), who, controls);
        }
    }

    /** Checks one attribute a client writes; {@code type} null (unknown to the schema) passes. */
    public static void check(AttributeType type, String written, Identity who, UpdateControls controls) {
        if (type == null || type.isUserModifiable() || mayManage(who, controls)) {
            return;
        }
        throw new LdapOperationException(
                ResultCodeEnum.CONSTRAINT_VIOLATION, written + ": no user modification allowed");
    }

    private static boolean mayManage(Identity who, UpdateControls controls) {
        return who.root() && controls.manageDsaIT();
    }
}
