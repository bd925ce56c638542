package org.larch.storage;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import org.larch.storage.tools.Checker;

/**
 * Helpers shared by the engine's behavioural tests: the consistency check after commits, the key
 * orders the models use, full scans into a {@link TreeMap}.
 */
public final class EnvTesting {
    /** Unsigned lexicographic byte order, shorter first on a common prefix: LMDB's default. */
    public static final Comparator<byte[]> LEXICOGRAPHIC = Arrays::compareUnsigned;

    /** Unsigned order from the last byte backwards, shorter first on a common suffix: REVERSEKEY. */
    public static final Comparator<byte[]> REVERSE = (a, b) -> {
        int common = Math.min(a.length, b.length);
        for (int i = 1; i <= common; i++) {
            int c = Integer.compare(a[a.length - i] & 0xff, b[b.length - i] & 0xff);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.length, b.length);
    };

    /** INTEGERKEY: shorter first, then unsigned little-endian value. */
    public static final Comparator<byte[]> INTEGER = (a, b) -> {
        if (a.length != b.length) {
            return Integer.compare(a.length, b.length);
        }
        for (int i = a.length - 1; i >= 0; i--) {
            int c = Integer.compare(a[i] & 0xff, b[i] & 0xff);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    };

    private EnvTesting() {
    }

    /** Runs the consistency checker over the newest snapshot and fails with its report. */
    public static void check(Env env) {
        Checker.check(env).assertOk();
    }

    /** Runs the consistency checker over the snapshot of {@code readTxn}. */
    public static void check(Txn readTxn) {
        Checker.check(readTxn).assertOk();
    }

    /** The seed from system property {@code name} if set, else a fresh one; printed for replay. */
    public static long seed(String name) {
        Long fixed = Long.getLong(name);
        long seed = fixed != null ? fixed : java.util.concurrent.ThreadLocalRandom.current().nextLong();
        System.out.println(name + "=" + seed + (fixed != null ? " (from the system property)" : ""));
        return seed;
    }

    public static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    public static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    public static byte[] copy(MemorySegment segment) {
        return segment.toArray(ValueLayout.JAVA_BYTE);
    }

    /** Every key and value of {@code dbi} in {@code txn}, by a forward cursor walk. */
    public static TreeMap<byte[], byte[]> scan(Txn txn, Dbi dbi, Comparator<byte[]> order) {
        TreeMap<byte[], byte[]> all = new TreeMap<>(order);
        try (Cursor cursor = dbi.openCursor(txn)) {
            for (boolean more = cursor.first(); more; more = cursor.next()) {
                byte[] key = cursor.keyBytes();
                if (all.put(key, cursor.valueBytes()) != null) {
                    throw new AssertionError("key " + Arrays.toString(key) + " seen twice in one scan");
                }
            }
        }
        return all;
    }

    /** Whether two maps hold the same keys with byte-equal values. */
    public static boolean sameContent(Map<byte[], byte[]> expected, Map<byte[], byte[]> actual) {
        if (expected.size() != actual.size()) {
            return false;
        }
        var a = expected.entrySet().iterator();
        var b = actual.entrySet().iterator();
        while (a.hasNext()) {
            var x = a.next();
            var y = b.next();
            if (!Arrays.equals(x.getKey(), y.getKey()) || !Arrays.equals(x.getValue(), y.getValue())) {
                return false;
            }
        }
        return true;
    }

    /** An 8-byte key whose byte order is numeric order. */
    public static byte[] key(long number) {
        return java.nio.ByteBuffer.allocate(Long.BYTES).putLong(number).array();
    }
}
