package org.larch.backend.ops;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.directory.api.ldap.model.schema.AttributeType;
import org.larch.backend.entry.DirectoryEntry;
import org.larch.backend.entry.EntryAttribute;
import org.larch.backend.match.MatchingRules;
import org.larch.backend.store.EntryIds;
import org.larch.storage.Cursor;
import org.larch.storage.Dbi;
import org.larch.storage.DbiFlag;
import org.larch.storage.Env;
import org.larch.storage.Txn;

/**
 * A real equality index on {@code cn} (DUPSORT database {@code test-cn-eq}: equality key → entry id)
 * kept by {@link IndexMaintenance} calls in the update's own transaction, so tests can see that index
 * keys change with a committed update and stay untouched by an aborted one.
 */
final class CnEqualityIndex implements IndexMaintenance {
    private final Dbi dbi;
    private final AttributeType cn;
    private final MatchingRules rules;

    CnEqualityIndex(Env env, AttributeType cn, MatchingRules rules) {
        try (Txn txn = env.txnWrite()) {
            this.dbi = env.openDbi(txn, "test-cn-eq", DbiFlag.CREATE, DbiFlag.DUPSORT);
            txn.commit();
        }
        this.cn = cn;
        this.rules = rules;
    }

    @Override
    public void update(Txn writeTxn, long id, DirectoryEntry before, DirectoryEntry after) {
        if (before != null) {
            for (EntryAttribute attribute : before.ofType(cn)) {
                for (byte[] value : attribute.values()) {
                    dbi.delete(writeTxn, rules.equalityKey(cn, value), EntryIds.key(id));
                }
            }
        }
        if (after != null) {
            for (EntryAttribute attribute : after.ofType(cn)) {
                for (byte[] value : attribute.values()) {
                    dbi.put(writeTxn, rules.equalityKey(cn, value), EntryIds.key(id));
                }
            }
        }
    }

    /** The ids indexed under the value's key, in the newest snapshot. */
    long[] ids(Env env, String value) {
        byte[] key = rules.equalityKey(cn, value.getBytes(StandardCharsets.UTF_8));
        try (Txn txn = env.txnRead(); Cursor cursor = dbi.openCursor(txn)) {
            List<Long> ids = new ArrayList<>();
            for (boolean more = cursor.seek(key); more; more = cursor.nextDup()) {
                ids.add(EntryIds.fromKey(cursor.valueBytes()));
            }
            return ids.stream().mapToLong(Long::longValue).toArray();
        }
    }

    /** How many (key, id) pairs the index holds. */
    long size(Env env) {
        try (Txn txn = env.txnRead()) {
            return dbi.stat(txn).entries();
        }
    }
}
