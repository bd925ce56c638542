package org.larch.backend.store;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.larch.backend.entry.AttributeDescription;
import org.larch.backend.schema.DirectorySchema;
import org.larch.storage.Cursor;
import org.larch.storage.Dbi;
import org.larch.storage.Txn;

/**
 * Attribute descriptions ↔ small integers ({@code ad2id}), so an encoded entry names each attribute in
 * a byte or two. Descriptions are kept exactly as a client first wrote them ({@code cn;lang-EN} and
 * {@code CN;lang-en} are two ids), so entries come back as stored. Both directions live in one database:
 *
 * <pre>
 * key                              | value
 * ---------------------------------+---------------------------------------
 * 0x01, description (UTF-8)        | id, 4 bytes big-endian
 * 0x02, id (4 bytes big-endian)    | description (UTF-8)
 * </pre>
 *
 * The in-memory cache holds only committed ids: a writer's new ids wait in its
 * {@link PendingDescriptions} and are published after its commit, so an abort leaves no trace.
 */
public final class AttributeDictionary {
    private static final int BY_TEXT = 1;
    private static final int BY_ID = 2;

    private final Dbi ad2id;
    private final DirectorySchema schema;
    private final Map<Integer, DictionaryEntry> byId = new ConcurrentHashMap<>();
    private final Map<String, DictionaryEntry> byText = new ConcurrentHashMap<>();

    AttributeDictionary(Dbi ad2id, DirectorySchema schema) {
        this.ad2id = ad2id;
        this.schema = schema;
    }

    /** Loads every committed description into the cache. */
    void load(Txn txn) {
        try (Cursor cursor = ad2id.openCursor(txn)) {
            for (boolean more = cursor.seekRange(new byte[] {BY_ID}); more; more = cursor.next()) {
                byte[] key = cursor.keyBytes();
                int id = new ByteInput(key, "ad2id key").readByteThenInt();
                cache(entry(id, new String(cursor.valueBytes(), StandardCharsets.UTF_8)));
            }
        }
    }

    /** The description with {@code id}: from the cache, the writer's pending ones, or the database. */
    DictionaryEntry byId(Txn txn, int id, PendingDescriptions pending) {
        DictionaryEntry found = byId.get(id);
        if (found == null && pending != null) {
            found = pending.byId(id);
        }
        if (found == null) {
            found = readById(txn, id);
        }
        return found;
    }

    /** The id of {@code description}, allocating one in the write transaction if it is new. */
    int idFor(Txn writeTxn, AttributeDescription description, PendingDescriptions pending) {
        DictionaryEntry found = byText.get(description.text());
        if (found == null) {
            found = pending.byText(description.text());
        }
        if (found == null) {
            found = allocate(writeTxn, description.text(), pending);
        }
        return found.id();
    }

    /** After the writer's commit: its new descriptions become visible to everyone. */
    void publish(PendingDescriptions pending) {
        pending.entries().forEach(this::cache);
    }

    private DictionaryEntry readById(Txn txn, int id) {
        byte[] text = ad2id.get(txn, idKey(id));
        if (text == null) {
            throw new CorruptRecordException("attribute description id " + id + " is not in ad2id");
        }
        DictionaryEntry entry = entry(id, new String(text, StandardCharsets.UTF_8));
        if (txn.isReadOnly()) {
            cache(entry);
        }
        return entry;
    }

    private DictionaryEntry allocate(Txn writeTxn, String text, PendingDescriptions pending) {
        byte[] stored = ad2id.get(writeTxn, textKey(text));
        if (stored != null) {
            DictionaryEntry committed = entry(new ByteInput(stored, "ad2id value").readInt(), text);
            cache(committed);
            return committed;
        }
        int id = nextId(writeTxn);
        ad2id.put(writeTxn, textKey(text), new ByteOutput(4).writeInt(id).toByteArray());
        ad2id.put(writeTxn, idKey(id), text.getBytes(StandardCharsets.UTF_8));
        DictionaryEntry entry = entry(id, text);
        pending.add(entry);
        return entry;
    }

    private int nextId(Txn writeTxn) {
        try (Cursor cursor = ad2id.openCursor(writeTxn)) {
            if (!cursor.last()) {
                return 1;
            }
            byte[] key = cursor.keyBytes();
            return key[0] == BY_ID ? new ByteInput(key, "ad2id key").readByteThenInt() + 1 : 1;
        }
    }

    private DictionaryEntry entry(int id, String text) {
        AttributeDescription description = AttributeDescription.parse(text);
        return new DictionaryEntry(id, description, schema.attributeType(description.type()));
    }

    private void cache(DictionaryEntry entry) {
        byId.put(entry.id(), entry);
        byText.put(entry.description().text(), entry);
    }

    static byte[] textKey(String text) {
        return new ByteOutput(text.length() + 1).writeByte(BY_TEXT).writeBytes(text.getBytes(StandardCharsets.UTF_8))
                .toByteArray();
    }

    static byte[] idKey(int id) {
        return new ByteOutput(5).writeByte(BY_ID).writeInt(id).toByteArray();
    }
}
