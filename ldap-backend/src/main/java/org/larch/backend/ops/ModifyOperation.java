package org.larch.backend.ops;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import org.apache.directory.api.ldap.model.exception.LdapException;
import org.apache.directory.api.ldap.model.message.ResultCodeEnum;
import org.apache.directory.api.ldap.model.name.Dn;
import org.apache.directory.api.ldap.model.schema.AttributeType;
import org.larch.backend.Identity;
import org.larch.backend.LdapOperationException;
import org.larch.backend.access.AccessPolicy;
import org.larch.backend.entry.DirectoryEntry;
import org.larch.backend.entry.EntryAttribute;
import org.larch.backend.operational.NoUserModification;
import org.larch.backend.request.EntryModification;
import org.larch.backend.request.UpdateControls;
import org.larch.backend.request.UpdateOutcome;
import org.larch.backend.store.DnNames;

/**
 * LDAP Modify (RFC 4511 section 4.6), in one write transaction: the changes apply in order to a copy
 * ({@link ModificationApplier}), the result passes the schema check, and its structural object class
 * must stay what it was (objectClass values may come and go around it: OBJECT_CLASS_MODS_PROHIBITED
 * otherwise, as slapd answers without the Relax control); then entry, index keys, entryCSN,
 * modifyTimestamp, modifiersName and the suffix's contextCSN change together.
 */
public final class ModifyOperation {
    private final OperationContext context;
    private final ModificationApplier applier;
    private final SpecialEntryGuard specialEntries;

    public ModifyOperation(OperationContext context) {
        this.context = context;
        this.specialEntries = new SpecialEntryGuard(context);
        this.applier = new ModificationApplier(context.schema(), context.rules());
    }

    public UpdateOutcome run(Identity who, Dn dn, List<EntryModification> modifications, UpdateControls controls) {
        Dn target = DnNames.schemaAware(context.schema().schemaManager(), dn);
        specialEntries.refuseChange(target, "modify");
        AccessPolicy.requireWrite(who, target);
        for (EntryModification modification : modifications) {
            NoUserModification.check(context.schema().attributeType(modification.attribute().type()),
                    modification.attribute().text(), who, controls);
        }
        try (UpdateTransaction update = new UpdateTransaction(context)) {
            DirectoryEntry before = update.writer().requireEntry(dn);
            update.requireAssertion(who, before, controls);
            DirectoryEntry after = change(update, who, before, modifications);
            UpdateOutcome outcome = new UpdateOutcome(
                    update.readControl(controls.preRead(), before, who),
                    update.readControl(controls.postRead(), after, who));
            update.commit();
            return outcome;
        }
    }

    /**
     * Applies the modifications to {@code before}, checks the result and stores it in the update's
     * transaction, stamped as changed by {@code who}; returns the stored entry. Password Modify
     * changes an entry through here too.
     */
    DirectoryEntry change(UpdateTransaction update, Identity who, DirectoryEntry before,
            List<EntryModification> modifications) {
        DirectoryEntry after = applier.apply(before, modifications);
        String structuralClass = context.schema().check(after);
        requireSameStructuralClass(before, structuralClass);
        context.operational().stampChange(after, who, update.csn(), seededOperationalTypes(modifications));
        update.replace(before, after);
        return after;
    }

    /** The OIDs of NO-USER-MODIFICATION types among the changes (a seeding client's, already allowed). */
    private Set<String> seededOperationalTypes(List<EntryModification> modifications) {
        Set<String> oids = new HashSet<>();
        for (EntryModification modification : modifications) {
            AttributeType type = context.schema().attributeType(modification.attribute().type());
            if (type != null && !type.isUserModifiable()) {
                oids.add(type.getOid());
            }
        }
        return oids;
    }

    private void requireSameStructuralClass(DirectoryEntry before, String structuralClass) {
        EntryAttribute stored = before.get("structuralObjectClass");
        if (stored == null || stored.values().isEmpty()) {
            return;
        }
        String previous = new String(stored.values().getFirst(), StandardCharsets.UTF_8);
        if (!objectClassKey(previous).equals(objectClassKey(structuralClass))) {
            throw new LdapOperationException(ResultCodeEnum.OBJECT_CLASS_MODS_PROHIBITED,
                    "structural object class modification from '" + previous + "' to '" + structuralClass
                            + "' not allowed");
        }
    }

    /** The object class's OID, or its lowercased name when the schema does not know it. */
    private String objectClassKey(String name) {
        try {
            return context.schema().schemaManager().getObjectClassRegistry().lookup(name).getOid();
        } catch (LdapException e) {
            return name.toLowerCase(Locale.ROOT);
        }
    }
}
