package org.larch.storage.tools;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** A key as a report shows it: quoted text when it is printable ASCII, hex otherwise; long keys cut short. */
final class KeyText {
    static final int MAX_SHOWN_BYTES = 32;

    private KeyText() {
    }

    static String of(MemorySegment key) {
        byte[] bytes = key.asSlice(0, Math.min(key.byteSize(), MAX_SHOWN_BYTES)).toArray(ValueLayout.JAVA_BYTE);
        String shown = isPrintable(bytes) ? "'" + new String(bytes, StandardCharsets.US_ASCII) + "'"
                : "0x" + HexFormat.of().formatHex(bytes);
        return key.byteSize() > MAX_SHOWN_BYTES ? shown + "... (" + key.byteSize() + " bytes)" : shown;
    }

    private static boolean isPrintable(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0x20 || b > 0x7e) {
                return false;
            }
        }
        return true;
    }
}
