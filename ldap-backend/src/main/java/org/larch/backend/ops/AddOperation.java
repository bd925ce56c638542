package org.larch.backend.ops;

import org.apache.directory.api.ldap.model.message.ResultCodeEnum;
import org.apache.directory.api.ldap.model.name.Dn;
import org.larch.backend.Identity;
import org.larch.backend.LdapOperationException;
import org.larch.backend.access.AccessPolicy;
import org.larch.backend.entry.DirectoryEntry;
import org.larch.backend.operational.NoUserModification;
import org.larch.backend.request.UpdateControls;
import org.larch.backend.request.UpdateOutcome;
import org.larch.backend.store.DnLookup;
import org.larch.backend.store.DnNames;
import org.larch.backend.store.StoreWriter;

/**
 * LDAP Add (RFC 4511 section 4.7), in one write transaction: the parent must exist (NO_SUCH_OBJECT
 * with the deepest existing ancestor as matchedDN; only the suffix entry has no parent in the
 * directory), the entry must not (ENTRY_ALREADY_EXISTS); missing RDN values are added as slapd does;
 * the entry passes the schema check and the assertion control; then it is stored with its
 * operational attributes and index keys, and the suffix's contextCSN rises.
 */
public final class AddOperation {
    private final OperationContext context;
    private final SpecialEntryGuard specialEntries;

    public AddOperation(OperationContext context) {
        this.context = context;
        this.specialEntries = new SpecialEntryGuard(context);
    }

    public UpdateOutcome run(Identity who, DirectoryEntry entry, UpdateControls controls) {
        Dn dn = DnNames.schemaAware(context.schema().schemaManager(), entry.dn());
        specialEntries.refuseAdd(dn);
        AccessPolicy.requireWrite(who, dn);
        NoUserModification.checkAdd(entry, who, controls);
        DirectoryEntry toStore = entry.copy();
        toStore.dn(dn);
        context.schema().addMissingRdnValues(toStore);
        try (UpdateTransaction update = new UpdateTransaction(context)) {
            long parentId = requireParent(update.writer(), dn);
            requireAbsent(update.writer(), dn);
            String structuralClass = context.schema().check(toStore);
            context.operational().stampAdd(toStore, who, update.csn(), structuralClass);
            update.requireAssertion(who, toStore, controls);
            store(update.writer(), parentId, toStore);
            update.indexAdded(toStore);
            DirectoryEntry postRead = update.readControl(controls.postRead(), toStore, who);
            update.commit();
            return new UpdateOutcome(null, postRead);
        }
    }

    /** The parent's id (0 for the suffix entry itself), or NO_SUCH_OBJECT. */
    private long requireParent(StoreWriter writer, Dn dn) {
        Dn suffix = context.store().suffix();
        if (dn.equals(suffix)) {
            return 0;
        }
        if (!suffix.isAncestorOf(dn)) {
            throw new LdapOperationException(ResultCodeEnum.NO_SUCH_OBJECT,
                    "no global superior knowledge: " + dn.getName() + " is not under " + suffix.getName());
        }
        DnLookup parent = writer.lookup(dn.getParent());
        if (!parent.found()) {
            Dn matched = parent.matchedId() == 0 ? null : writer.dnOf(parent.matchedId());
            throw new LdapOperationException(ResultCodeEnum.NO_SUCH_OBJECT, matched,
                    "parent entry " + dn.getParent().getName() + " does not exist");
        }
        return parent.id();
    }

    private static void requireAbsent(StoreWriter writer, Dn dn) {
        if (writer.idOf(dn) != 0) {
            throw new LdapOperationException(ResultCodeEnum.ENTRY_ALREADY_EXISTS,
                    "entry " + dn.getName() + " already exists");
        }
    }

    private static void store(StoreWriter writer, long parentId, DirectoryEntry entry) {
        if (parentId == 0) {
            writer.addSuffix(entry);
        } else {
            writer.add(parentId, entry.dn().getRdn(), entry);
        }
    }
}
