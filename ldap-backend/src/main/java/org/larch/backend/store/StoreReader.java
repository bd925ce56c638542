package org.larch.backend.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.directory.api.ldap.model.message.ResultCodeEnum;
import org.apache.directory.api.ldap.model.name.Dn;
import org.apache.directory.api.ldap.model.schema.SchemaManager;
import org.larch.backend.LdapOperationException;
import org.larch.backend.entry.DirectoryEntry;
import org.larch.storage.Cursor;
import org.larch.storage.Txn;

/**
 * Reads the directory in one transaction: entries by id, ids by DN, the DN tree (children, subtree,
 * subtree sizes), entryUUIDs. Not thread-safe (one per search or operation). DNs built from dn2id are
 * cached per reader; {@link #renew()} moves a read transaction to the newest snapshot.
 */
public class StoreReader implements AutoCloseable {
    final DirectoryStore store;
    final Txn txn;
    private final SchemaManager schemaManager;
    private final Map<Long, Dn> dnCache = new HashMap<>();
    /** The dn2id cursor of the child lookups, opened at the first and kept until the transaction ends or resets. */
    private Cursor childCursor;

    StoreReader(DirectoryStore store, Txn txn) {
        this.store = store;
        this.txn = txn;
        this.schemaManager = store.schema().schemaManager();
    }

    /** The entry with its DN and resolved attribute types, or null if there is none with this id. */
    public DirectoryEntry entry(long id) {
        DirectoryEntry entry = entryWithoutDn(id);
        if (entry != null) {
            entry.dn(dnOf(id));
        }
        return entry;
    }

    /**
     * The entry's attributes with a null DN, or null if there is none with this id: for a search
     * that tests many entries and needs the DN (which costs more than the attributes) only of those
     * it returns. Set it with {@link #dnOf} before the entry leaves the caller.
     */
    public DirectoryEntry entryWithoutDn(long id) {
        byte[] record = store.id2entry().get(txn, EntryIds.key(id));
        if (record == null) {
            return null;
        }
        var attributes = EntryRecord.decode(record, descriptionId ->
                store.dictionary().byId(txn, descriptionId, pendingDescriptions()));
        return new DirectoryEntry(null, id, attributes);
    }

    /** The entry at {@code dn}, or NO_SUCH_OBJECT naming the deepest existing ancestor. */
    public DirectoryEntry requireEntry(Dn dn) {
        return entry(requireId(dn));
    }

    /** The id of the entry at {@code dn}, or 0. */
    public long idOf(Dn dn) {
        return lookup(dn).id();
    }

    /** The id of the entry at {@code dn}, or NO_SUCH_OBJECT with the matched DN. */
    public long requireId(Dn dn) {
        DnLookup lookup = lookup(dn);
        if (!lookup.found()) {
            Dn matched = lookup.matchedId() == EntryIds.NONE ? null : dnOf(lookup.matchedId());
            throw new LdapOperationException(ResultCodeEnum.NO_SUCH_OBJECT, matched, "no such entry: " + dn.getName());
        }
        return lookup.id();
    }

    /** Walks dn2id from the suffix down along {@code dn}'s RDNs. */
    public DnLookup lookup(Dn dn) {
        Dn target = DnNames.schemaAware(schemaManager, dn);
        Dn suffix = store.suffix();
        if (!target.equals(suffix) && !suffix.isAncestorOf(target)) {
            return new DnLookup(EntryIds.NONE, EntryIds.NONE);
        }
        long id = childId(EntryIds.NONE, suffix.getNormName());
        if (id == EntryIds.NONE) {
            return new DnLookup(EntryIds.NONE, EntryIds.NONE);
        }
        for (int index = target.size() - suffix.size() - 1; index >= 0; index--) {
            long child = childId(id, target.getRdn(index).getNormName());
            if (child == EntryIds.NONE) {
                return new DnLookup(EntryIds.NONE, id);
            }
            id = child;
        }
        return new DnLookup(id, id);
    }

    /** The id of the child of {@code parentId} with this normalized RDN, or 0. */
    public long childId(long parentId, String normalizedRdn) {
        return childIdWithPrefix(EntryIds.key(parentId), ChildRecord.searchPrefix(normalizedRdn));
    }

    /**
     * The id of the child listed under {@code parentKey} whose record starts with {@code prefix} (a
     * {@link ChildRecord#searchPrefix}), or 0; reads the id alone, decoding nothing else.
     */
    final long childIdWithPrefix(byte[] parentKey, byte[] prefix) {
        Cursor cursor = childCursor();
        if (!cursor.seekBothRange(parentKey, prefix)) {
            return EntryIds.NONE;
        }
        byte[] value = cursor.valueBytes();
        return ChildRecord.startsWith(value, prefix) ? ChildRecord.childIdOf(value) : EntryIds.NONE;
    }

    /** The DN of entry {@code id}, built by walking self records up to the suffix; null if absent. */
    public Dn dnOf(long id) {
        Dn cached = dnCache.get(id);
        if (cached != null) {
            return cached;
        }
        SelfRecord self = selfRecord(id);
        if (self == null) {
            return null;
        }
        Dn dn;
        if (self.parentId() == EntryIds.NONE) {
            dn = store.suffixDnAsWritten(self.rdn());
        } else {
            Dn parent = dnOf(self.parentId());
            if (parent == null) {
                throw new CorruptRecordException("dn2id: entry " + id + " names parent " + self.parentId()
                        + ", which has no self record");
            }
            dn = DnNames.child(parent, self.rdn());
        }
        dnCache.put(id, dn);
        return dn;
    }

    /** The parent's id (0 for the suffix entry), or -1 if there is no entry {@code id}. */
    public long parentOf(long id) {
        SelfRecord self = selfRecord(id);
        return self == null ? -1 : self.parentId();
    }

    /** The self record of entry {@code id}, or null. */
    public SelfRecord selfRecord(long id) {
        if (id == EntryIds.NONE) {
            return null;
        }
        byte[] first = store.dn2id().get(txn, EntryIds.key(id));
        if (first == null || first[0] != SelfRecord.KIND) {
            return null;
        }
        return SelfRecord.decode(first);
    }

    /** The child record listing {@code normalizedRdn} under {@code parentId}, or null. */
    public ChildRecord childRecord(long parentId, String normalizedRdn) {
        return findChildRecord(parentId, normalizedRdn);
    }

    /** The child record as stored (a writer may hold subtree size changes not written yet). */
    final ChildRecord findChildRecord(long parentId, String normalizedRdn) {
        byte[] prefix = ChildRecord.searchPrefix(normalizedRdn);
        Cursor cursor = childCursor();
        if (!cursor.seekBothRange(EntryIds.key(parentId), prefix)) {
            return null;
        }
        byte[] value = cursor.valueBytes();
        return ChildRecord.startsWith(value, prefix) ? ChildRecord.decode(value) : null;
    }

    /**
     * One cursor for every child lookup of the transaction (each seeks afresh; in a write transaction
     * the cursor follows the changes): a bulk load looks up each new entry among its siblings.
     */
    private Cursor childCursor() {
        if (childCursor == null) {
            childCursor = store.dn2id().openCursor(txn);
        }
        return childCursor;
    }

    /** Closes the child lookups' cursor before the transaction commits, resets or ends. */
    final void closeChildCursor() {
        if (childCursor != null) {
            childCursor.close();
            childCursor = null;
        }
    }

    /** The child records under {@code parentId}, in normalized RDN order. */
    public List<ChildRecord> childRecords(long parentId) {
        List<ChildRecord> children = new ArrayList<>();
        try (Cursor cursor = store.dn2id().openCursor(txn)) {
            for (boolean more = cursor.seek(EntryIds.key(parentId)); more; more = cursor.nextDup()) {
                byte[] value = cursor.valueBytes();
                if (ChildRecord.isChild(value)) {
                    children.add(ChildRecord.decode(value));
                }
            }
        }
        return children;
    }

    /** The ids of {@code parentId}'s children, ascending. */
    public long[] children(long parentId) {
        long[] ids = childRecords(parentId).stream().mapToLong(ChildRecord::childId).toArray();
        Arrays.sort(ids);
        return ids;
    }

    /** How many children entry {@code id} has (numSubordinates). */
    public int childCount(long id) {
        try (Cursor cursor = store.dn2id().openCursor(txn)) {
            if (!cursor.seek(EntryIds.key(id))) {
                return 0;
            }
            long values = cursor.count();
            boolean hasSelf = cursor.valueBytes()[0] == SelfRecord.KIND;
            return (int) (hasSelf ? values - 1 : values);
        }
    }

    public boolean hasChildren(long id) {
        return childCount(id) > 0;
    }

    /** Entries in the subtree of {@code id}, itself included (0 if there is no such entry). */
    public long subtreeSize(long id) {
        SelfRecord self = selfRecord(id);
        if (self == null) {
            return 0;
        }
        ChildRecord record = childRecord(self.parentId(), self.normalizedRdn());
        if (record == null || record.childId() != id) {
            throw new CorruptRecordException("dn2id: entry " + id + " is not listed under its parent " + self.parentId());
        }
        return record.subtreeSize();
    }

    /** The ids of the subtree of {@code id} (itself included when {@code includeSelf}), ascending. */
    public long[] subtree(long id, boolean includeSelf) {
        IdBuffer ids = new IdBuffer((int) Math.min(Integer.MAX_VALUE - 8, Math.max(16, subtreeSize(id))));
        if (includeSelf) {
            ids.add(id);
        }
        collectDescendants(id, ids);
        return ids.sorted();
    }

    private void collectDescendants(long id, IdBuffer ids) {
        IdBuffer withChildren = new IdBuffer(4);
        try (Cursor cursor = store.dn2id().openCursor(txn)) {
            for (boolean more = cursor.seek(EntryIds.key(id)); more; more = cursor.nextDup()) {
                byte[] value = cursor.valueBytes();
                if (ChildRecord.isChild(value)) {
                    long childId = ChildRecord.childIdOf(value);
                    ids.add(childId);
                    if (ChildRecord.subtreeSizeOf(value) > 1) {
                        withChildren.add(childId);
                    }
                }
            }
        }
        for (long childId : withChildren.sorted()) {
            collectDescendants(childId, ids);
        }
    }

    /** Every entry of the directory, read one at a time in id order (for rebuilding indexes). */
    public Iterable<DirectoryEntry> allEntries() {
        long suffixId = suffixId();
        long[] ids = suffixId == EntryIds.NONE ? new long[0] : subtree(suffixId, true);
        return () -> Arrays.stream(ids).mapToObj(this::entry).filter(java.util.Objects::nonNull).iterator();
    }

    /** Whether {@code id} is {@code ancestorId} or lies below it. */
    public boolean isInSubtree(long id, long ancestorId) {
        long current = id;
        while (current != EntryIds.NONE) {
            if (current == ancestorId) {
                return true;
            }
            SelfRecord self = selfRecord(current);
            if (self == null) {
                return false;
            }
            current = self.parentId();
        }
        return false;
    }

    /** The id of the entry whose entryUUID is {@code uuid} (16 bytes), or 0. */
    public long idOfUuid(byte[] uuid) {
        byte[] value = store.uuid2id().get(txn, uuid);
        return value == null ? EntryIds.NONE : EntryIds.fromKey(value);
    }

    /** The suffix entry's id, or 0 when it does not exist yet. */
    public long suffixId() {
        return childId(EntryIds.NONE, store.suffix().getNormName());
    }

    /** The id the next added entry will get: every existing id is below it. */
    public long nextId() {
        return store.meta().nextId(txn);
    }

    public DirectoryStore store() {
        return store;
    }

    /** The transaction this reader reads in (for the attribute indexes). */
    public Txn txn() {
        return txn;
    }

    /** Moves a read transaction to the newest committed snapshot. */
    public void renew() {
        release();
        resume();
    }

    /** Lets go of a read transaction's snapshot (nothing may be read until {@link #resume()}). */
    public void release() {
        closeChildCursor();
        txn.reset();
    }

    /** After {@link #release()}: reads from the newest committed snapshot. */
    public void resume() {
        txn.renew();
        dnCache.clear();
    }

    /** Ends the transaction (a writer's uncommitted changes are dropped). */
    @Override
    public void close() {
        closeChildCursor();
        txn.close();
    }

    /** A writer's not yet committed dictionary entries; none for a reader. */
    PendingDescriptions pendingDescriptions() {
        return null;
    }

    void forgetDns() {
        dnCache.clear();
    }
}
