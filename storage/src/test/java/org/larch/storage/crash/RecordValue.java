package org.larch.storage.crash;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.SplittableRandom;
import java.util.zip.CRC32C;

/**
 * The self-verifying values the crash workload stores: each names the transaction that wrote it and
 * carries a CRC32C of its key and bytes, so a value that was torn, misplaced or mixed up is
 * recognised on its own, without the model.
 *
 * <pre>
 * offset      | size | field   | meaning
 * ------------+------+---------+-----------------------------------------------------------
 *           0 |    8 | txn     | the workload transaction (not the engine's txn id) that wrote it
 *           8 |    4 | length  | payload bytes that follow
 *          12 | len  | payload | pseudo-random bytes, a function of (txn, key)
 *    12 + len |    4 | crc     | CRC32C of the key followed by bytes 0 to 12 + len
 * </pre>
 *
 * All integers little-endian. A value is at least {@value #OVERHEAD} bytes.
 */
final class RecordValue {
    static final int OVERHEAD = 16;

    private RecordValue() {
    }

    /** The value transaction {@code txn} stores under {@code key}, with {@code payloadLength} payload bytes. */
    static byte[] encode(byte[] key, long txn, int payloadLength) {
        ByteBuffer value = ByteBuffer.allocate(OVERHEAD + payloadLength).order(ByteOrder.LITTLE_ENDIAN);
        value.putLong(txn).putInt(payloadLength);
        byte[] payload = new byte[payloadLength];
        new SplittableRandom(txn * 0x9E3779B97F4A7C15L ^ java.util.Arrays.hashCode(key)).nextBytes(payload);
        value.put(payload);
        value.putInt(crc(key, value.array(), 12 + payloadLength));
        return value.array();
    }

    /** Why {@code value} stored under {@code key} is not a whole record value, or null if it is. */
    static String problem(byte[] key, byte[] value) {
        if (value.length < OVERHEAD) {
            return "value of " + value.length + " bytes is shorter than a record";
        }
        ByteBuffer bytes = ByteBuffer.wrap(value).order(ByteOrder.LITTLE_ENDIAN);
        int length = bytes.getInt(8);
        if (length != value.length - OVERHEAD) {
            return "value of " + value.length + " bytes records a payload of " + length;
        }
        int stored = bytes.getInt(12 + length);
        int computed = crc(key, value, 12 + length);
        return stored == computed ? null
                : "checksum " + Integer.toHexString(stored) + " does not match " + Integer.toHexString(computed);
    }

    /** The transaction recorded in a value that passed {@link #problem}. */
    static long txn(byte[] value) {
        return ByteBuffer.wrap(value).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
    }

    private static int crc(byte[] key, byte[] value, int length) {
        CRC32C crc = new CRC32C();
        crc.update(key);
        crc.update(value, 0, length);
        return (int) crc.getValue();
    }
}
