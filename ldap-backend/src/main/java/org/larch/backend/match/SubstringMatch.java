package org.larch.backend.match;

import java.util.Arrays;
import java.util.List;

/**
 * Substring matching on normalized keys: the initial component at the start, each any component
 * after the previous match, the final component at the end, none of them overlapping.
 */
final class SubstringMatch {

    private SubstringMatch() {}

    static boolean matches(byte[] value, byte[] initial, List<byte[]> any, byte[] last) {
        int start = 0;
        int end = value.length;
        if (initial != null) {
            if (!regionEquals(value, 0, initial)) {
                return false;
            }
            start = initial.length;
        }
        if (last != null) {
            end = value.length - last.length;
            if (end < start || !regionEquals(value, end, last)) {
                return false;
            }
        }
        for (byte[] component : any) {
            int found = indexOf(value, component, start, end);
            if (found < 0) {
                return false;
            }
            start = found + component.length;
        }
        return true;
    }

    private static boolean regionEquals(byte[] value, int offset, byte[] part) {
        return offset >= 0 && offset + part.length <= value.length
                && Arrays.equals(value, offset, offset + part.length, part, 0, part.length);
    }

    private static int indexOf(byte[] value, byte[] part, int from, int end) {
        for (int offset = from; offset + part.length <= end; offset++) {
            if (Arrays.equals(value, offset, offset + part.length, part, 0, part.length)) {
                return offset;
            }
        }
        return -1;
    }
}
