package org.larch.backend.store;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import org.apache.directory.api.ldap.model.message.ResultCodeEnum;
import org.apache.directory.api.ldap.model.schema.AttributeType;
import org.larch.backend.LdapOperationException;
import org.larch.backend.entry.DirectoryEntry;
import org.larch.backend.entry.EntryAttribute;
import org.larch.backend.schema.DirectorySchema;
import org.larch.storage.Cursor;
import org.larch.storage.Dbi;
import org.larch.storage.PutFlag;
import org.larch.storage.Txn;

/**
 * Keeps {@code uuid2id} (16-byte entryUUID, big-endian halves → 8-byte id) in step with the entries of one
 * write transaction. New entries get time-ordered UUIDs, so most keys are greater than every key in the
 * database: those are put with {@link PutFlag#APPEND} (pages fill completely instead of splitting in half).
 */
final class EntryUuids {
    private static final String ENTRY_UUID = "entryUUID";
    private static final byte[] NOT_READ = null;

    private final Dbi uuid2id;
    private final AttributeType entryUuidType;
    /** No key in uuid2id is greater than this (an upper bound once deletes happened); null until read. */
    private byte[] greatest = NOT_READ;

    EntryUuids(Dbi uuid2id, DirectorySchema schema) {
        this.uuid2id = uuid2id;
        this.entryUuidType = schema.attributeType(ENTRY_UUID);
    }

    void add(Txn txn, long id, DirectoryEntry entry) {
        byte[] uuid = uuidOf(entry);
        if (uuid != null) {
            put(txn, uuid, EntryIds.key(id));
        }
    }

    private void put(Txn txn, byte[] uuid, byte[] id) {
        if (Arrays.compareUnsigned(uuid, greatest(txn)) > 0) {
            uuid2id.put(txn, uuid, id, PutFlag.APPEND);
            greatest = uuid;
        } else {
            uuid2id.put(txn, uuid, id);
        }
    }

    private byte[] greatest(Txn txn) {
        if (greatest == NOT_READ) {
            try (Cursor cursor = uuid2id.openCursor(txn)) {
                greatest = cursor.last() ? cursor.keyBytes() : new byte[0];
            }
        }
        return greatest;
    }

    void remove(Txn txn, DirectoryEntry entry) {
        byte[] uuid = uuidOf(entry);
        if (uuid != null) {
            uuid2id.delete(txn, uuid);
        }
    }

    void replace(Txn txn, long id, DirectoryEntry before, DirectoryEntry after) {
        byte[] old = uuidOf(before);
        byte[] now = uuidOf(after);
        if (!Arrays.equals(old, now)) {
            if (old != null) {
                uuid2id.delete(txn, old);
            }
            add(txn, id, after);
        }
    }

    /** The entry's entryUUID as 16 bytes, or null when it has none. */
    byte[] uuidOf(DirectoryEntry entry) {
        if (entry == null || entryUuidType == null) {
            return null;
        }
        for (EntryAttribute attribute : entry.ofType(entryUuidType)) {
            if (!attribute.values().isEmpty()) {
                return toBytes(new String(attribute.values().getFirst(), StandardCharsets.UTF_8));
            }
        }
        return null;
    }

    static byte[] toBytes(String text) {
        try {
            UUID uuid = UUID.fromString(text);
            return new ByteOutput(16).writeLong(uuid.getMostSignificantBits())
                    .writeLong(uuid.getLeastSignificantBits()).toByteArray();
        } catch (IllegalArgumentException e) {
            throw new LdapOperationException(ResultCodeEnum.INVALID_ATTRIBUTE_SYNTAX, "entryUUID " + text + " is not a UUID");
        }
    }
}
