package org.larch.storage.page;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/** The value layouts of every on-disk field: little-endian, unaligned. Declared once. */
public final class Bytes {
    public static final ValueLayout.OfShort U16 =
            ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    public static final ValueLayout.OfInt U32 =
            ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    public static final ValueLayout.OfLong U64 =
            ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    /** Eight key bytes as one number whose unsigned order is theirs (keys are compared, not stored, so). */
    public static final ValueLayout.OfLong BIG_ENDIAN_U64 =
            ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);

    private Bytes() {
    }

    public static int u16(MemorySegment segment, long offset) {
        return Short.toUnsignedInt(segment.get(U16, offset));
    }

    public static void putU16(MemorySegment segment, long offset, int value) {
        segment.set(U16, offset, (short) value);
    }

    public static long u32(MemorySegment segment, long offset) {
        return Integer.toUnsignedLong(segment.get(U32, offset));
    }

    public static void putU32(MemorySegment segment, long offset, long value) {
        segment.set(U32, offset, (int) value);
    }

    public static long u64(MemorySegment segment, long offset) {
        return segment.get(U64, offset);
    }

    public static void putU64(MemorySegment segment, long offset, long value) {
        segment.set(U64, offset, value);
    }
}
