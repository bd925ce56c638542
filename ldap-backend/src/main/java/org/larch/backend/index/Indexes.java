package org.larch.backend.index;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.directory.api.ldap.model.filter.ExprNode;
import org.apache.directory.api.ldap.model.schema.AttributeType;
import org.larch.backend.entry.DirectoryEntry;
import org.larch.backend.filter.ObjectClassHierarchy;
import org.larch.backend.match.MatchingRules;
import org.larch.backend.schema.DirectorySchema;
import org.larch.storage.Dbi;
import org.larch.storage.DbiFlag;
import org.larch.storage.Env;
import org.larch.storage.PutFlag;
import org.larch.storage.Txn;

/**
 * The attribute indexes of a directory: one DUPSORT + DUPFIXED sub-database per configured attribute
 * ({@code idx.<name>}, keys in {@link IndexKey}, values the 8-byte big-endian ids of the entries),
 * plus {@code idx.config}, a {@link IndexConfigRecord} per attribute saying what its index holds.
 * {@code objectClass eq} is always indexed.
 *
 * <p>An index whose configuration differs from its record (new attribute, other kinds) is stale:
 * {@link #update} maintains it but {@link #candidates} does not use it until {@link #rebuild} has
 * filled it from every entry (on a new, empty directory: from none) and recorded its configuration.
 * A large rebuild ({@code larch reindex}) runs the same steps in several transactions:
 * {@link #beginRebuild}, {@link #addToStale} per batch of entries, {@link #finishRebuild}.
 */
public final class Indexes {
    private static final String OBJECT_CLASS = "objectClass";
    /** Entries whose keys a rebuild collects in memory before writing them (bounds the memory a rebuild takes). */
    private static final int REBUILD_BATCH_ENTRIES = 10_000;

    private final Map<String, IndexedAttribute> byOid;
    private final Dbi configDbi;
    private final IndexKeyMaker keyMaker;
    private final IndexStats stats = new IndexStats();
    private final CandidateFinder finder;

    private Indexes(Map<String, IndexedAttribute> byOid, Dbi configDbi, DirectorySchema schema) {
        MatchingRules rules = new MatchingRules(schema.schemaManager());
        this.byOid = Collections.unmodifiableMap(byOid);
        this.configDbi = configDbi;
        this.keyMaker = new IndexKeyMaker(rules, new ObjectClassHierarchy(schema.schemaManager()));
        this.finder = new CandidateFinder(schema, rules, keyMaker, new IdListReader(stats), this.byOid);
    }

    /** Opens (creating as needed) the index sub-databases of {@code directives} in {@code writeTxn}. */
    public static Indexes open(Env env, Txn writeTxn, List<IndexDirective> directives, DirectorySchema schema) {
        Dbi configDbi = env.openDbi(writeTxn, IndexConfigRecord.DATABASE, DbiFlag.CREATE);
        Map<String, IndexedAttribute> byOid = new LinkedHashMap<>();
        for (Map.Entry<AttributeType, Set<IndexKind>> wanted : merge(directives, schema).entrySet()) {
            AttributeType type = wanted.getKey();
            Dbi dbi = env.openDbi(writeTxn, IndexedAttribute.databaseName(type),
                    DbiFlag.CREATE, DbiFlag.DUPSORT, DbiFlag.DUPFIXED);
            IndexConfigRecord record = new IndexConfigRecord(type.getOid(), wanted.getValue());
            byte[] stored = configDbi.get(writeTxn, configKey(type));
            boolean ready = stored != null && IndexConfigRecord.decode(stored).equals(record);
            byOid.put(type.getOid(), new IndexedAttribute(type, wanted.getValue(), dbi, ready));
        }
        return new Indexes(byOid, configDbi, schema);
    }

    /**
     * Writes the key differences between {@code before} (null on add) and {@code after} (null on
     * delete) for entry {@code id}: keys both have are not touched.
     */
    public void update(Txn writeTxn, long id, DirectoryEntry before, DirectoryEntry after) {
        byte[] idBytes = IdListReader.encodeId(id);
        for (IndexedAttribute index : byOid.values()) {
            Set<IndexKey> old = index.keysOf(before, keyMaker);
            Set<IndexKey> current = index.keysOf(after, keyMaker);
            for (IndexKey key : old) {
                if (!current.contains(key)) {
                    index.dbi().delete(writeTxn, key.bytes(), idBytes);
                }
            }
            for (IndexKey key : current) {
                if (!old.contains(key)) {
                    index.dbi().put(writeTxn, key.bytes(), idBytes, PutFlag.NODUPDATA);
                }
            }
        }
    }

    /** The candidate ids of {@code filter}, a superset of its matches; null when every entry is one. */
    public IdSet candidates(Txn txn, ExprNode filter) {
        stats.lookup();
        return finder.candidates(txn, filter);
    }

    /** Canonical names of the indexes not used until {@link #rebuild}. */
    public List<String> staleAttributes() {
        List<String> stale = new ArrayList<>();
        for (IndexedAttribute index : byOid.values()) {
            if (!index.ready()) {
                stale.add(IndexedAttribute.canonicalName(index.type()));
            }
        }
        return stale;
    }

    /**
     * Marks the index of {@code type} stale, so that the next {@link #rebuild} refills it even though
     * its configuration did not change ({@code larch reindex ATTR}); false when {@code type} is not indexed.
     */
    public boolean markStale(AttributeType type) {
        IndexedAttribute index = byOid.get(type.getOid());
        if (index == null) {
            return false;
        }
        index.markStale();
        return true;
    }

    /** Marks every index stale (a {@code larch reindex} without attributes). */
    public void markAllStale() {
        byOid.values().forEach(IndexedAttribute::markStale);
    }

    /**
     * Empties every stale index, fills it from {@code allEntries} (each with its id) and records its
     * configuration; the indexes are used once {@code writeTxn} commits (callers open Indexes again
     * if it aborts). The three steps below in one transaction.
     */
    public void rebuild(Txn writeTxn, Iterable<DirectoryEntry> allEntries) {
        beginRebuild(writeTxn);
        addToStale(writeTxn, allEntries);
        finishRebuild(writeTxn);
    }

    /**
     * First step of a rebuild that may span transactions: empties every stale index and deletes its
     * configuration record, so that a rebuild interrupted after this commits leaves the index stale
     * (unused, and rebuilt when the server opens the directory). Returns the names of those indexes.
     */
    public List<String> beginRebuild(Txn writeTxn) {
        for (IndexedAttribute index : stale()) {
            index.dbi().drop(writeTxn, false);
            configDbi.delete(writeTxn, configKey(index.type()));
        }
        return staleAttributes();
    }

    /** Second step, once per batch: adds the keys of {@code entries} (each with its id) to every stale index. */
    public void addToStale(Txn writeTxn, Iterable<DirectoryEntry> entries) {
        IndexBatch batch = new IndexBatch(stale(), keyMaker);
        for (DirectoryEntry entry : entries) {
            batch.add(entry.id(), entry);
            if (batch.size() >= REBUILD_BATCH_ENTRIES) {
                batch.flush(writeTxn);
            }
        }
        batch.flush(writeTxn);
    }

    /**
     * A batch for the keys of new entries in every index (ready or stale, as {@link #update} writes
     * them): for bulk adds, flushed before the transaction commits or anything else reads the indexes.
     */
    public IndexBatch newBatch() {
        return new IndexBatch(List.copyOf(byOid.values()), keyMaker);
    }

    /** Last step: records the configuration of every stale index, which is used once {@code writeTxn} commits. */
    public void finishRebuild(Txn writeTxn) {
        for (IndexedAttribute index : stale()) {
            IndexConfigRecord record = new IndexConfigRecord(index.type().getOid(), index.kinds());
            configDbi.put(writeTxn, configKey(index.type()), record.encode());
            index.markReady();
        }
    }

    private List<IndexedAttribute> stale() {
        return byOid.values().stream().filter(index -> !index.ready()).toList();
    }

    /** Counters of index reads, for tests and explain lines. */
    public IndexStats stats() {
        return stats;
    }

    private static Map<AttributeType, Set<IndexKind>> merge(List<IndexDirective> directives, DirectorySchema schema) {
        Map<AttributeType, Set<IndexKind>> merged = new LinkedHashMap<>();
        merged.put(require(schema, OBJECT_CLASS), EnumSet.of(IndexKind.EQ));
        for (IndexDirective directive : directives) {
            AttributeType type = require(schema, directive.attribute());
            merged.computeIfAbsent(type, any -> EnumSet.noneOf(IndexKind.class)).addAll(directive.kinds());
        }
        return merged;
    }

    private static AttributeType require(DirectorySchema schema, String attribute) {
        AttributeType type = schema.attributeType(attribute);
        if (type == null) {
            throw new IllegalArgumentException("index directive names attribute type '" + attribute
                    + "', which the schema does not define");
        }
        return type;
    }

    private static byte[] configKey(AttributeType type) {
        return IndexedAttribute.canonicalName(type).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
