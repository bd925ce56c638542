package org.larch.storage.crash;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.larch.storage.Cursor;
import org.larch.storage.Dbi;
import org.larch.storage.Env;
import org.larch.storage.Txn;

/**
 * What an environment must hold after workload transaction {@link #txn()}: the crash workload replayed
 * into {@link TreeMap}s. Moves forward only ({@link #advanceTo}); {@link #differences} compares an
 * environment with it key by key and value by value.
 */
final class CrashModel {
    private static final int MAX_REPORTED = 10;

    private final CrashWorkload workload;
    private final List<TreeMap<byte[], byte[]>> plain = new ArrayList<>();
    private final TreeMap<byte[], TreeSet<byte[]>> duplicates = new TreeMap<>(Arrays::compareUnsigned);
    private long txn;

    CrashModel(CrashWorkload workload) {
        this.workload = workload;
        for (int i = 0; i < CrashWorkload.PLAIN.size(); i++) {
            plain.add(new TreeMap<>(Arrays::compareUnsigned));
        }
    }

    long txn() {
        return txn;
    }

    /** Applies workload transactions up to {@code target} (no further back than where it stands). */
    void advanceTo(long target) {
        if (target < txn) {
            throw new IllegalArgumentException("the model is at txn " + txn + " and cannot go back to " + target);
        }
        while (txn < target) {
            txn++;
            workload.changesOf(txn).forEach(this::apply);
        }
    }

    private void apply(Change change) {
        switch (change.kind()) {
            case PUT -> plain.get(change.database()).put(change.key(), change.value());
            case DELETE -> plain.get(change.database()).remove(change.key());
            case ADD_DUPLICATE -> duplicates
                    .computeIfAbsent(change.key(), key -> new TreeSet<>(Arrays::compareUnsigned))
                    .add(change.value());
            case DELETE_DUPLICATE -> {
                TreeSet<byte[]> values = duplicates.get(change.key());
                if (values != null && values.remove(change.value()) && values.isEmpty()) {
                    duplicates.remove(change.key());
                }
            }
            case DELETE_ALL_DUPLICATES -> duplicates.remove(change.key());
        }
    }

    /**
     * How {@code env}'s newest snapshot differs from the model: wrong or missing marker, missing, extra
     * or different entries, values whose own checksum fails. Empty when they agree exactly.
     */
    List<String> differences(Env env) {
        List<String> found = new ArrayList<>();
        WorkloadDatabases databases = WorkloadDatabases.existing(env);
        try (Txn read = env.txnRead()) {
            compareMarker(env, read, found);
            for (int i = 0; i < plain.size(); i++) {
                comparePlain(CrashWorkload.PLAIN.get(i), plain.get(i), scan(read, databases.plain(i)), found);
            }
            compareDuplicates(scanPairs(read, databases.duplicates()), found);
        }
        return found.size() > MAX_REPORTED ? found.subList(0, MAX_REPORTED) : found;
    }

    private void compareMarker(Env env, Txn read, List<String> found) {
        byte[] marker = env.openDbi(read, null).get(read, CrashWorkload.MARKER);
        long recorded = marker == null ? 0 : RecordValue.txn(marker);
        if (marker != null && RecordValue.problem(CrashWorkload.MARKER, marker) != null) {
            found.add("marker: " + RecordValue.problem(CrashWorkload.MARKER, marker));
        } else if (recorded != txn) {
            found.add("marker says txn " + recorded + ", the model is at txn " + txn);
        }
    }

    private static void comparePlain(String name, TreeMap<byte[], byte[]> expected, TreeMap<byte[], byte[]> actual,
            List<String> found) {
        for (Map.Entry<byte[], byte[]> entry : actual.entrySet()) {
            String problem = RecordValue.problem(entry.getKey(), entry.getValue());
            if (problem != null) {
                found.add(name + " " + text(entry.getKey()) + ": " + problem);
            }
            byte[] wanted = expected.get(entry.getKey());
            if (wanted == null) {
                found.add(name + " " + text(entry.getKey()) + ": present (written by txn "
                        + RecordValue.txn(entry.getValue()) + ") but deleted or never written");
            } else if (!Arrays.equals(wanted, entry.getValue())) {
                found.add(name + " " + text(entry.getKey()) + ": holds the value of txn "
                        + RecordValue.txn(entry.getValue()) + ", expected that of txn " + RecordValue.txn(wanted));
            }
        }
        for (byte[] key : expected.keySet()) {
            if (!actual.containsKey(key)) {
                found.add(name + " " + text(key) + ": missing (written by txn " + RecordValue.txn(expected.get(key))
                        + ")");
            }
        }
    }

    private void compareDuplicates(List<byte[][]> actual, List<String> found) {
        Iterator<byte[][]> pairs = actual.iterator();
        for (Map.Entry<byte[], TreeSet<byte[]>> entry : duplicates.entrySet()) {
            for (byte[] value : entry.getValue()) {
                byte[][] pair = pairs.hasNext() ? pairs.next() : null;
                if (pair == null || !Arrays.equals(pair[0], entry.getKey()) || !Arrays.equals(pair[1], value)) {
                    found.add(CrashWorkload.DUPLICATES + ": expected " + text(entry.getKey()) + " = "
                            + Arrays.toString(value) + ", found " + (pair == null ? "the end"
                            : text(pair[0]) + " = " + Arrays.toString(pair[1])));
                    return;
                }
            }
        }
        if (pairs.hasNext()) {
            found.add(CrashWorkload.DUPLICATES + ": " + text(pairs.next()[0]) + " holds values the model has not");
        }
        for (byte[][] pair : actual) {
            if (!CrashWorkload.isDuplicateValue(pair[0], pair[1])) {
                found.add(CrashWorkload.DUPLICATES + " " + text(pair[0]) + ": a value fails its checksum");
            }
        }
    }

    private static TreeMap<byte[], byte[]> scan(Txn txn, Dbi dbi) {
        TreeMap<byte[], byte[]> all = new TreeMap<>(Arrays::compareUnsigned);
        for (byte[][] pair : scanPairs(txn, dbi)) {
            all.put(pair[0], pair[1]);
        }
        return all;
    }

    /** Every (key, value) pair in cursor order; none for a database that does not exist yet. */
    private static List<byte[][]> scanPairs(Txn txn, Dbi dbi) {
        List<byte[][]> pairs = new ArrayList<>();
        if (dbi == null) {
            return pairs;
        }
        try (Cursor cursor = dbi.openCursor(txn)) {
            for (boolean more = cursor.first(); more; more = cursor.next()) {
                pairs.add(new byte[][] {cursor.keyBytes(), cursor.valueBytes()});
            }
        }
        return pairs;
    }

    private static String text(byte[] key) {
        return new String(key, StandardCharsets.UTF_8);
    }
}
