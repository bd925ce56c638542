package org.larch.benchmarks.data;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * What the workloads do with the bytes they read, so that every value is actually read, not only
 * located, the same way for every store: the sum of its 8-byte words (little-endian) and of the bytes
 * past the last whole word, plus its length. Ids of the index workload add as big-endian numbers.
 */
public final class Checksum {
    private static final VarHandle LITTLE_ENDIAN_LONG =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private long value;

    public long value() {
        return value;
    }

    public void reset() {
        value = 0;
    }

    /** The checksum of {@code bytes} alone: what a store must produce for a value it returns. */
    public static long of(byte[] bytes) {
        Checksum checksum = new Checksum();
        checksum.add(bytes);
        return checksum.value();
    }

    public void add(byte[] bytes) {
        int length = bytes.length;
        long sum = length;
        int i = 0;
        for (; i + Long.BYTES <= length; i += Long.BYTES) {
            sum += (long) LITTLE_ENDIAN_LONG.get(bytes, i);
        }
        for (; i < length; i++) {
            sum += bytes[i];
        }
        value += sum;
    }

    public void add(MemorySegment bytes) {
        add(bytes, 0, bytes.byteSize());
    }

    /** Adds the {@code length} bytes at {@code offset} of {@code segment}. */
    public void add(MemorySegment segment, long offset, long length) {
        long sum = length;
        long i = 0;
        for (; i + Long.BYTES <= length; i += Long.BYTES) {
            sum += segment.get(ValueLayout.JAVA_LONG_UNALIGNED, offset + i);
        }
        for (; i < length; i++) {
            sum += segment.get(ValueLayout.JAVA_BYTE, offset + i);
        }
        value += sum;
    }

    /** Adds the bytes from {@code buffer}'s position to its limit (setting its byte order, not moving it). */
    public void add(ByteBuffer buffer) {
        ByteBuffer bytes = buffer.order(ByteOrder.LITTLE_ENDIAN);
        int start = bytes.position();
        int end = bytes.limit();
        long sum = end - start;
        int i = start;
        for (; i + Long.BYTES <= end; i += Long.BYTES) {
            sum += bytes.getLong(i);
        }
        for (; i < end; i++) {
            sum += bytes.get(i);
        }
        value += sum;
    }

    /** Adds one id of the index workload. */
    public void addId(long id) {
        value += id;
    }
}
