package org.larch.storage.crash;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.CRC32C;

/**
 * The crash harness's transactions, as a pure function of (seed, transaction number): the writer
 * process and the verifier derive the same changes, so after any crash the verifier knows exactly
 * what the environment must hold after transaction {@code k}, key by key.
 *
 * <p>Shapes vary: blocks of {@value #TXNS_PER_BLOCK} transactions are either all tiny (one or two
 * changes: a commit is most of the loop, so kills land inside commits) or mixed (tiny, medium, large,
 * and transactions of large values in overflow pages). Changes touch three plain named databases
 * (puts with {@link RecordValue}s, deletes) and, when the engine supports it, a DUPSORT database
 * (adding and deleting single values, deleting all values of a key). Keys come from a bounded space,
 * so the file reaches a steady size and free pages are reused all the time.
 */
final class CrashWorkload {
    static final List<String> PLAIN = List.of("alpha", "beta", "gamma");
    static final String DUPLICATES = "dups";
    /** Key of the unnamed database holding the number of the last workload transaction committed. */
    static final byte[] MARKER = "last-txn".getBytes(StandardCharsets.UTF_8);
    static final int KEYS = 1_500;
    static final int DUPLICATE_KEYS = 150;
    static final int DUPLICATE_VALUES = 500;
    static final int TXNS_PER_BLOCK = 32;

    private final long seed;
    private final boolean duplicates;

    CrashWorkload(long seed, boolean duplicates) {
        this.seed = seed;
        this.duplicates = duplicates;
    }

    boolean duplicates() {
        return duplicates;
    }

    long seed() {
        return seed;
    }

    /** The changes of workload transaction {@code txn} (from 1), in order. */
    List<Change> changesOf(long txn) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + txn);
        boolean tinyBlock = new SplittableRandom(seed ^ (txn / TXNS_PER_BLOCK) * 31).nextInt(10) < 3;
        int roll = random.nextInt(100);
        int count;
        int bigPercent = 2;
        if (tinyBlock || roll < 35) {
            count = 1 + random.nextInt(2);
        } else if (roll < 75) {
            count = 3 + random.nextInt(58);
        } else if (roll < 92) {
            count = 60 + random.nextInt(541);
        } else {
            count = 5 + random.nextInt(16);
            bigPercent = 40;
        }
        List<Change> changes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            changes.add(change(random, txn, bigPercent));
        }
        return changes;
    }

    private Change change(SplittableRandom random, long txn, int bigPercent) {
        int roll = random.nextInt(100);
        if (duplicates && roll >= 85) {
            return duplicateChange(random);
        }
        int database = random.nextInt(PLAIN.size());
        byte[] key = key(random.nextInt(KEYS));
        if (roll < 25) {
            return new Change(Change.Kind.DELETE, database, key, null);
        }
        int payload = random.nextInt(100) < bigPercent ? 4_000 + random.nextInt(56_000) : random.nextInt(180);
        return new Change(Change.Kind.PUT, database, key, RecordValue.encode(key, txn, payload));
    }

    private static Change duplicateChange(SplittableRandom random) {
        byte[] key = duplicateKey(random.nextInt(DUPLICATE_KEYS));
        byte[] value = duplicateValue(key, random.nextInt(DUPLICATE_VALUES));
        int roll = random.nextInt(100);
        Change.Kind kind = roll < 70 ? Change.Kind.ADD_DUPLICATE
                : roll < 98 ? Change.Kind.DELETE_DUPLICATE : Change.Kind.DELETE_ALL_DUPLICATES;
        return new Change(kind, -1, key, value);
    }

    /** Key number {@code n}: lengths vary from 9 to 20 bytes. */
    static byte[] key(int n) {
        return ("key" + n + ".".repeat(n % 11)).getBytes(StandardCharsets.UTF_8);
    }

    static byte[] duplicateKey(int n) {
        return ("dup" + n).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Value {@code n} of a duplicate key, self-verifying: u32 n, u64 mixed from n, u32 CRC32C of the key
     * and those 12 bytes (16 bytes, big-endian so that byte order is the order of n).
     */
    static byte[] duplicateValue(byte[] key, int n) {
        ByteBuffer value = ByteBuffer.allocate(16).order(ByteOrder.BIG_ENDIAN);
        value.putInt(n).putLong(n * 0xC2B2AE3D27D4EB4FL);
        value.putInt(duplicateCrc(key, value.array()));
        return value.array();
    }

    /** Whether {@code value} under {@code key} is a whole duplicate value. */
    static boolean isDuplicateValue(byte[] key, byte[] value) {
        return value.length == 16 && ByteBuffer.wrap(value).getInt(12) == duplicateCrc(key, value);
    }

    private static int duplicateCrc(byte[] key, byte[] value) {
        CRC32C crc = new CRC32C();
        crc.update(key);
        crc.update(value, 0, 12);
        return (int) crc.getValue();
    }
}
