package org.larch.storage.crash;

import java.util.ArrayList;
import java.util.List;
import org.larch.storage.Dbi;
import org.larch.storage.DbiFlag;
import org.larch.storage.Env;
import org.larch.storage.Txn;

/**
 * The crash workload's databases in one environment: the three plain ones, the DUPSORT one when the
 * workload has duplicates, and the unnamed database holding the marker (the number of the last
 * workload transaction committed, as a {@link RecordValue}).
 */
final class WorkloadDatabases {
    private final Env env;
    private final List<Dbi> plain;
    private final Dbi duplicates;

    private WorkloadDatabases(Env env, List<Dbi> plain, Dbi duplicates) {
        this.env = env;
        this.plain = plain;
        this.duplicates = duplicates;
    }

    /** Opens the databases, creating those missing, in one write transaction of their own. */
    static WorkloadDatabases create(Env env, boolean withDuplicates) {
        try (Txn txn = env.txnWrite()) {
            List<Dbi> plain = new ArrayList<>();
            for (String name : CrashWorkload.PLAIN) {
                plain.add(env.openDbi(txn, name, DbiFlag.CREATE));
            }
            Dbi duplicates = withDuplicates
                    ? env.openDbi(txn, CrashWorkload.DUPLICATES, DbiFlag.CREATE, DbiFlag.DUPSORT) : null;
            txn.commit();
            return new WorkloadDatabases(env, plain, duplicates);
        }
    }

    /** Opens the databases that exist, for reading; those not created yet read as empty (null handles). */
    static WorkloadDatabases existing(Env env) {
        List<String> names = env.dbiNames();
        List<Dbi> plain = new ArrayList<>();
        for (String name : CrashWorkload.PLAIN) {
            plain.add(names.contains(name) ? env.openDbi(name) : null);
        }
        Dbi duplicates = names.contains(CrashWorkload.DUPLICATES) ? env.openDbi(CrashWorkload.DUPLICATES) : null;
        return new WorkloadDatabases(env, plain, duplicates);
    }

    /** Whether the engine supports DUPSORT databases (another engineer is adding them). */
    static boolean engineSupportsDuplicates(Env scratch) {
        try {
            scratch.openDbi("duplicates-probe", DbiFlag.CREATE, DbiFlag.DUPSORT);
            return true;
        } catch (org.larch.storage.StorageException notYet) {
            return false;
        }
    }

    /** Commits workload transaction {@code txn}: its changes and the marker, in one write transaction. */
    void commit(CrashWorkload workload, long txn) {
        try (Txn write = env.txnWrite()) {
            for (Change change : workload.changesOf(txn)) {
                apply(write, change);
            }
            env.openDbi(write, null).put(write, CrashWorkload.MARKER,
                    RecordValue.encode(CrashWorkload.MARKER, txn, 0));
            write.commit();
        }
    }

    private void apply(Txn txn, Change change) {
        switch (change.kind()) {
            case PUT -> plain.get(change.database()).put(txn, change.key(), change.value());
            case DELETE -> plain.get(change.database()).delete(txn, change.key());
            case ADD_DUPLICATE -> duplicates.put(txn, change.key(), change.value());
            case DELETE_DUPLICATE -> duplicates.delete(txn, change.key(), change.value());
            case DELETE_ALL_DUPLICATES -> duplicates.delete(txn, change.key());
        }
    }

    /** The number of the last workload transaction committed, 0 before the first. */
    long marker() {
        try (Txn txn = env.txnRead()) {
            byte[] value = env.openDbi(txn, null).get(txn, CrashWorkload.MARKER);
            return value == null ? 0 : RecordValue.txn(value);
        }
    }

    /** Plain database {@code index}, or null if it does not exist yet. */
    Dbi plain(int index) {
        return plain.get(index);
    }

    /** The DUPSORT database, or null. */
    Dbi duplicates() {
        return duplicates;
    }
}
