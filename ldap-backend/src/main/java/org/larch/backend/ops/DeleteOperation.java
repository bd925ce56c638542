package org.larch.backend.ops;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.apache.directory.api.ldap.model.message.ResultCodeEnum;
import org.apache.directory.api.ldap.model.name.Dn;
import org.larch.backend.Identity;
import org.larch.backend.LdapOperationException;
import org.larch.backend.access.AccessPolicy;
import org.larch.backend.entry.DirectoryEntry;
import org.larch.backend.request.UpdateControls;
import org.larch.backend.request.UpdateOutcome;
import org.larch.backend.store.DnNames;
import org.larch.backend.store.ChildRecord;
import org.larch.backend.store.StoreWriter;

/**
 * LDAP Delete (RFC 4511 section 4.8), in one write transaction: a leaf only (NOT_ALLOWED_ON_NON_LEAF
 * otherwise), or with the subtree delete control the entry and everything below it, children first.
 * Each removed entry leaves dn2id, id2entry, uuid2id and the indexes; the suffix's contextCSN rises
 * (unless the suffix entry itself went).
 */
public final class DeleteOperation {
    private final OperationContext context;
    private final SpecialEntryGuard specialEntries;

    public DeleteOperation(OperationContext context) {
        this.context = context;
        this.specialEntries = new SpecialEntryGuard(context);
    }

    public UpdateOutcome run(Identity who, Dn dn, UpdateControls controls) {
        Dn target = DnNames.schemaAware(context.schema().schemaManager(), dn);
        specialEntries.refuseChange(target, "delete");
        AccessPolicy.requireWrite(who, target);
        try (UpdateTransaction update = new UpdateTransaction(context)) {
            StoreWriter writer = update.writer();
            DirectoryEntry entry = writer.requireEntry(dn);
            update.requireAssertion(who, entry, controls);
            DirectoryEntry preRead = update.readControl(controls.preRead(), entry, who);
            if (controls.subtreeDelete()) {
                deleteSubtree(update, who, entry);
            } else {
                requireLeaf(writer, entry);
                update.delete(entry);
            }
            update.commit();
            return new UpdateOutcome(preRead, null);
        }
    }

    private static void requireLeaf(StoreWriter writer, DirectoryEntry entry) {
        if (writer.hasChildren(entry.id())) {
            throw new LdapOperationException(ResultCodeEnum.NOT_ALLOWED_ON_NON_LEAF,
                    "subordinate objects must be deleted first: " + entry.dn().getName() + " has children");
        }
    }

    /** Deletes the subtree bottom-up, so each entry is a leaf when its turn comes. */
    private static void deleteSubtree(UpdateTransaction update, Identity who, DirectoryEntry top) {
        StoreWriter writer = update.writer();
        for (long id : childrenFirst(writer, top.id())) {
            DirectoryEntry entry = id == top.id() ? top : writer.entry(id);
            AccessPolicy.requireWrite(who, entry.dn());
            update.delete(entry);
        }
    }

    /** The ids of the subtree of {@code topId} in an order where every entry follows its descendants. */
    private static List<Long> childrenFirst(StoreWriter writer, long topId) {
        List<Long> parentsFirst = new ArrayList<>();
        Deque<Long> pending = new ArrayDeque<>();
        pending.push(topId);
        while (!pending.isEmpty()) {
            long id = pending.pop();
            parentsFirst.add(id);
            for (ChildRecord child : writer.childRecords(id)) {
                pending.push(child.childId());
            }
        }
        return parentsFirst.reversed();
    }
}
