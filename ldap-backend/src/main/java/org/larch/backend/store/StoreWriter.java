package org.larch.backend.store;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.directory.api.ldap.model.message.ResultCodeEnum;
import org.apache.directory.api.ldap.model.name.Rdn;
import org.larch.backend.LdapOperationException;
import org.larch.backend.entry.DirectoryEntry;
import org.larch.storage.PutFlag;
import org.larch.storage.Txn;

/**
 * Changes the directory in the one write transaction: adds, replaces, deletes and moves entries,
 * keeping id2entry, dn2id (with the subtree sizes of all ancestors), uuid2id and the attribute
 * dictionary consistent. It reads like a {@link StoreReader} and sees its own changes. The attribute
 * indexes are not touched here: their owner updates them in {@link #txn()}.
 * {@link #commit()} makes everything durable; {@link #close()} without commit aborts.
 *
 * <p>Subtree sizes of ancestors are summed in memory and written once per ancestor, before anything
 * reads them ({@link #childRecord}, {@link #childRecords}, {@link #subtreeSize}, {@link #subtree}),
 * before a delete or move, and at commit: adding many entries under one parent in one transaction
 * rewrites the parent's records once, not once per entry.
 */
public final class StoreWriter extends StoreReader {
    private static final long UNREAD = -1;
    private final PendingDescriptions pending = new PendingDescriptions();
    private final EntryUuids uuids;
    private final RepeatedLayoutIds descriptionIds;
    private final Map<Long, Long> pendingSizeChanges = new LinkedHashMap<>();
    /** The id the next insert takes: read from meta at the first insert, written back once, at commit. */
    private long nextId = UNREAD;
    /** Entry id → parent id, for entries known to exist (so also: which parents need no existence check). */
    private final Map<Long, Long> parentIds = new HashMap<>();

    StoreWriter(DirectoryStore store, Txn txn) {
        super(store, txn);
        this.uuids = new EntryUuids(store.uuid2id(), store.schema());
        this.descriptionIds = new RepeatedLayoutIds(description -> store.dictionary().idFor(txn, description, pending));
    }

    /**
     * Stores {@code entry} as a new child of {@code parentId} named {@code rdn}, returns its new id
     * (also set on the entry). ENTRY_ALREADY_EXISTS if the parent has a child with that RDN.
     */
    public long add(long parentId, Rdn rdn, DirectoryEntry entry) {
        return add(parentId, rdn, entry, true);
    }

    /**
     * {@link #add} without looking for a sibling named {@code rdn}: for a bulk load that knows there is
     * none (an import adding under a parent it created itself, with no repeat of the DN in its file).
     * Adding an existing name this way would list two children under one RDN: callers must be sure.
     */
    public long addKnownNew(long parentId, Rdn rdn, DirectoryEntry entry) {
        return add(parentId, rdn, entry, false);
    }

    private long add(long parentId, Rdn rdn, DirectoryEntry entry, boolean checkExisting) {
        if (!parentIds.containsKey(parentId) && selfRecord(parentId) == null) {
            throw new LdapOperationException(ResultCodeEnum.NO_SUCH_OBJECT, "parent entry " + parentId + " does not exist");
        }
        Rdn normalized = DnNames.schemaAware(store.schema().schemaManager(), rdn);
        return insert(parentId, normalized.getNormName(), rdn.getName(), entry, checkExisting);
    }

    /** Stores the suffix entry (at {@code entry.dn()}, which must be the suffix); returns its id. */
    public long addSuffix(DirectoryEntry entry) {
        if (!DnNames.schemaAware(store.schema().schemaManager(), entry.dn()).equals(store.suffix())) {
            throw new IllegalArgumentException("the suffix entry must be named " + store.suffix().getName()
                    + ", not " + entry.dn().getName());
        }
        return insert(EntryIds.NONE, store.suffix().getNormName(), entry.dn().getName(), entry, true);
    }

    /** Rewrites the attributes of entry {@code id} (its DN is not read from {@code entry}). */
    public void replace(long id, DirectoryEntry entry) {
        byte[] key = EntryIds.key(id);
        byte[] before = store.id2entry().get(txn, key);
        if (before == null) {
            throw new LdapOperationException(ResultCodeEnum.NO_SUCH_OBJECT, "entry " + id + " does not exist");
        }
        uuids.replace(txn, id, entry(id), entry);
        store.id2entry().put(txn, key, encode(entry));
    }

    /** Removes the leaf entry {@code id}; NOT_ALLOWED_ON_NON_LEAF if it has children. */
    public void delete(long id) {
        writeSubtreeSizes();
        SelfRecord self = requireSelf(id);
        if (hasChildren(id)) {
            throw new LdapOperationException(ResultCodeEnum.NOT_ALLOWED_ON_NON_LEAF,
                    "entry " + dnOf(id).getName() + " has children");
        }
        uuids.remove(txn, entry(id));
        ChildRecord listed = requireChildRecord(self, id);
        store.dn2id().delete(txn, EntryIds.key(self.parentId()), listed.encode());
        store.dn2id().delete(txn, EntryIds.key(id));
        store.id2entry().delete(txn, EntryIds.key(id));
        parentIds.remove(id);
        adjustSubtreeSizes(self.parentId(), -1);
        forgetDns();
    }

    /**
     * Moves entry {@code id} (with its subtree) under {@code newParentId} as {@code newRdn}: rewrites
     * its own dn2id records and the subtree sizes of old and new ancestors, nothing below it.
     * A move under itself is UNWILLING_TO_PERFORM; an existing sibling of that name ENTRY_ALREADY_EXISTS.
     * The RDN attribute values in the entry are the caller's business ({@link #replace}).
     */
    public void move(long id, long newParentId, Rdn newRdn) {
        writeSubtreeSizes();
        SelfRecord self = requireSelf(id);
        requireSelf(newParentId);
        if (isInSubtree(newParentId, id)) {
            throw new LdapOperationException(ResultCodeEnum.UNWILLING_TO_PERFORM,
                    "cannot move " + dnOf(id).getName() + " under itself");
        }
        String normalized = DnNames.schemaAware(store.schema().schemaManager(), newRdn).getNormName();
        long existing = childId(newParentId, normalized);
        if (existing != EntryIds.NONE && existing != id) {
            throw new LdapOperationException(ResultCodeEnum.ENTRY_ALREADY_EXISTS,
                    "an entry named " + newRdn.getName() + " already exists under " + dnOf(newParentId).getName());
        }
        ChildRecord listed = requireChildRecord(self, id);
        store.dn2id().delete(txn, EntryIds.key(self.parentId()), listed.encode());
        store.dn2id().delete(txn, EntryIds.key(id), self.encode());
        adjustSubtreeSizes(self.parentId(), -listed.subtreeSize());
        parentIds.clear();
        SelfRecord moved = new SelfRecord(newParentId, normalized, newRdn.getName());
        store.dn2id().put(txn, EntryIds.key(newParentId), moved.childRecord(id, listed.subtreeSize()).encode());
        store.dn2id().put(txn, EntryIds.key(id), moved.encode());
        adjustSubtreeSizes(newParentId, listed.subtreeSize());
        forgetDns();
    }

    /** Commits the transaction and publishes the new attribute descriptions. */
    public void commit() {
        writeSubtreeSizes();
        if (nextId != UNREAD) {
            store.meta().writeNextId(txn, nextId);
        }
        closeChildCursor();
        txn.commit();
        store.dictionary().publish(pending);
    }

    @Override
    public long nextId() {
        return nextId == UNREAD ? super.nextId() : nextId;
    }

    @Override
    public ChildRecord childRecord(long parentId, String normalizedRdn) {
        writeSubtreeSizes();
        return super.childRecord(parentId, normalizedRdn);
    }

    @Override
    public List<ChildRecord> childRecords(long parentId) {
        writeSubtreeSizes();
        return super.childRecords(parentId);
    }

    @Override
    public long subtreeSize(long id) {
        writeSubtreeSizes();
        return super.subtreeSize(id);
    }

    @Override
    public long[] subtree(long id, boolean includeSelf) {
        writeSubtreeSizes();
        return super.subtree(id, includeSelf);
    }

    @Override
    PendingDescriptions pendingDescriptions() {
        return pending;
    }

    private long insert(long parentId, String normalizedRdn, String rdn, DirectoryEntry entry, boolean checkExisting) {
        byte[] parentKey = EntryIds.key(parentId);
        byte[] prefix = ChildRecord.searchPrefix(normalizedRdn);
        if (checkExisting && childIdWithPrefix(parentKey, prefix) != EntryIds.NONE) {
            throw new LdapOperationException(ResultCodeEnum.ENTRY_ALREADY_EXISTS, "entry " + entry.dn() + " already exists");
        }
        long id = allocateId();
        SelfRecord self = new SelfRecord(parentId, normalizedRdn, rdn);
        store.dn2id().put(txn, parentKey, ChildRecord.encode(prefix, id, 1, normalizedRdn));
        // a new id is the greatest dn2id key: its self record goes at the end of the tree
        store.dn2id().put(txn, EntryIds.key(id), self.encode(), PutFlag.APPEND);
        store.id2entry().put(txn, EntryIds.key(id), encode(entry), PutFlag.APPEND);
        adjustSubtreeSizes(parentId, 1);
        uuids.add(txn, id, entry);
        entry.id(id);
        return id;
    }

    /** Takes the next entry id; meta learns the new next id at commit. */
    private long allocateId() {
        if (nextId == UNREAD) {
            nextId = super.nextId();
        }
        return nextId++;
    }

    /** Notes {@code delta} for the subtree size of {@code fromId} and of each of its ancestors. */
    private void adjustSubtreeSizes(long fromId, long delta) {
        for (long id = fromId; id != EntryIds.NONE; id = parentIdOf(id)) {
            pendingSizeChanges.merge(id, delta, Long::sum);
        }
    }

    private long parentIdOf(long id) {
        Long parent = parentIds.get(id);
        if (parent == null) {
            parent = requireSelf(id).parentId();
            parentIds.put(id, parent);
        }
        return parent;
    }

    /** Writes the noted subtree size changes into the child records. */
    private void writeSubtreeSizes() {
        for (Map.Entry<Long, Long> change : pendingSizeChanges.entrySet()) {
            if (change.getValue() != 0) {
                long id = change.getKey();
                SelfRecord self = requireSelf(id);
                ChildRecord listed = requireChildRecord(self, id);
                byte[] parentKey = EntryIds.key(self.parentId());
                store.dn2id().delete(txn, parentKey, listed.encode());
                store.dn2id().put(txn, parentKey, listed.withSubtreeSize(listed.subtreeSize() + change.getValue()).encode());
            }
        }
        pendingSizeChanges.clear();
    }

    private byte[] encode(DirectoryEntry entry) {
        return EntryRecord.encode(entry.attributes(), descriptionIds);
    }

    private SelfRecord requireSelf(long id) {
        SelfRecord self = selfRecord(id);
        if (self == null) {
            throw new LdapOperationException(ResultCodeEnum.NO_SUCH_OBJECT, "entry " + id + " does not exist");
        }
        return self;
    }

    private ChildRecord requireChildRecord(SelfRecord self, long id) {
        ChildRecord listed = findChildRecord(self.parentId(), self.normalizedRdn());
        if (listed == null || listed.childId() != id) {
            throw new CorruptRecordException("dn2id: entry " + id + " is not listed under its parent " + self.parentId());
        }
        return listed;
    }
}
