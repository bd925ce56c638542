package org.larch.backend.ops;

import org.apache.directory.api.ldap.model.message.ResultCodeEnum;
import org.apache.directory.api.ldap.model.name.Dn;
import org.apache.directory.api.ldap.model.name.Rdn;
import org.apache.directory.api.ldap.model.schema.SchemaManager;
import org.larch.backend.Identity;
import org.larch.backend.LdapOperationException;
import org.larch.backend.access.AccessPolicy;
import org.larch.backend.entry.DirectoryEntry;
import org.larch.backend.request.UpdateControls;
import org.larch.backend.request.UpdateOutcome;
import org.larch.backend.store.DnLookup;
import org.larch.backend.store.DnNames;
import org.larch.backend.store.StoreWriter;

/**
 * LDAP ModifyDN (RFC 4511 section 4.9), in one write transaction: a new RDN (values added, old ones
 * removed with deleteOldRDN, a case-only change respelled), optionally a new superior. A whole subtree
 * moves by rewriting the moved entry's own dn2id records; its descendants' DNs follow from the tree.
 * Refused: the suffix entry (UNWILLING_TO_PERFORM), a move under itself or a descendant
 * (UNWILLING_TO_PERFORM), a taken name (ENTRY_ALREADY_EXISTS), a missing new superior
 * (NO_SUCH_OBJECT), a new superior outside the suffix (AFFECTS_MULTIPLE_DSAS).
 */
public final class ModifyDnOperation {
    private final OperationContext context;
    private final RdnChange rdnChange;
    private final SpecialEntryGuard specialEntries;

    public ModifyDnOperation(OperationContext context) {
        this.context = context;
        this.specialEntries = new SpecialEntryGuard(context);
        this.rdnChange = new RdnChange(context.schema(), context.rules());
    }

    /** @param newSuperior the new parent, or null to stay under the same parent */
    public UpdateOutcome run(Identity who, Dn dn, Rdn newRdn, boolean deleteOldRdn, Dn newSuperior,
            UpdateControls controls) {
        SchemaManager schemaManager = context.schema().schemaManager();
        Dn target = DnNames.schemaAware(schemaManager, dn);
        Rdn rdn = DnNames.schemaAware(schemaManager, newRdn);
        specialEntries.refuseChange(target, "rename");
        AccessPolicy.requireWrite(who, target);
        try (UpdateTransaction update = new UpdateTransaction(context)) {
            StoreWriter writer = update.writer();
            DirectoryEntry before = writer.requireEntry(target);
            requireNotSuffix(before);
            update.requireAssertion(who, before, controls);
            long parentId = newSuperior == null
                    ? writer.parentOf(before.id())
                    : requireNewSuperior(writer, DnNames.schemaAware(schemaManager, newSuperior), before);
            Dn newDn = DnNames.child(schemaManager, writer.dnOf(parentId), rdn);
            AccessPolicy.requireWrite(who, newDn);
            DirectoryEntry after = rdnChange.apply(before, target.getRdn(), rdn, deleteOldRdn);
            after.dn(newDn);
            context.schema().check(after);
            context.operational().stampChange(after, who, update.csn());
            writer.move(before.id(), parentId, rdn);
            update.replace(before, after);
            UpdateOutcome outcome = new UpdateOutcome(
                    update.readControl(controls.preRead(), before, who),
                    update.readControl(controls.postRead(), after, who));
            update.commit();
            return outcome;
        }
    }

    private void requireNotSuffix(DirectoryEntry entry) {
        if (entry.dn().equals(context.store().suffix())) {
            throw new LdapOperationException(ResultCodeEnum.UNWILLING_TO_PERFORM,
                    "cannot rename the suffix entry " + entry.dn().getName());
        }
    }

    private long requireNewSuperior(StoreWriter writer, Dn newSuperior, DirectoryEntry moved) {
        Dn suffix = context.store().suffix();
        if (!newSuperior.equals(suffix) && !suffix.isAncestorOf(newSuperior)) {
            throw new LdapOperationException(ResultCodeEnum.AFFECTS_MULTIPLE_DSAS,
                    "cannot move " + moved.dn().getName() + " out of " + suffix.getName());
        }
        DnLookup lookup = writer.lookup(newSuperior);
        if (!lookup.found()) {
            Dn matched = lookup.matchedId() == 0 ? null : writer.dnOf(lookup.matchedId());
            throw new LdapOperationException(ResultCodeEnum.NO_SUCH_OBJECT, matched,
                    "new superior " + newSuperior.getName() + " does not exist");
        }
        if (writer.isInSubtree(lookup.id(), moved.id())) {
            throw new LdapOperationException(ResultCodeEnum.UNWILLING_TO_PERFORM,
                    "cannot move " + moved.dn().getName() + " under itself or its descendant " + newSuperior.getName());
        }
        return lookup.id();
    }
}
