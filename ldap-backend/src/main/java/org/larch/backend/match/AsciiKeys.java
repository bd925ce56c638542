package org.larch.backend.match;

import java.util.Arrays;

/**
 * The equality keys of the text families for values that are printable ASCII (bytes 0x20 to 0x7E),
 * worked out on the bytes with no String in between. For such values RFC 4518's map and NFKC steps
 * change nothing and case folding is ASCII lowercasing, so {@link StringPreparation#prepare} reduces
 * to: lowercase (caseIgnore), collapse runs of spaces to one, drop leading and trailing spaces. The
 * keys are byte for byte those of the general path; other values get null and take that path.
 */
final class AsciiKeys {

    private AsciiKeys() {}

    /** The key of {@code value} in {@code family}, or null when the value or family has no fast path. */
    static byte[] keyOrNull(RuleFamily family, byte[] value) {
        if (!isPrintableAscii(value)) {
            return null;
        }
        return switch (family) {
            case CASE_IGNORE -> prepared(value, true);
            case CASE_EXACT -> prepared(value, false);
            case TELEPHONE_NUMBER -> withoutSpacesAndHyphens(value);
            default -> null;
        };
    }

    static boolean isPrintableAscii(byte[] value) {
        for (byte b : value) {
            if (b < ' ' || b > '~') {
                return false;
            }
        }
        return true;
    }

    /** Lowercased if {@code foldCase}, space runs collapsed, leading and trailing spaces dropped. */
    static byte[] prepared(byte[] value, boolean foldCase) {
        int start = 0;
        int end = value.length;
        while (start < end && value[start] == ' ') {
            start++;
        }
        while (end > start && value[end - 1] == ' ') {
            end--;
        }
        byte[] key = new byte[end - start];
        int length = 0;
        for (int index = start; index < end; index++) {
            byte b = value[index];
            if (b == ' ' && value[index - 1] == ' ') { // index > start: value[start] is no space
                continue;
            }
            key[length++] = foldCase ? lowercase(b) : b;
        }
        return length == key.length ? key : Arrays.copyOf(key, length);
    }

    /** The telephone number key: lowercased, every space and hyphen dropped. */
    static byte[] withoutSpacesAndHyphens(byte[] value) {
        byte[] key = new byte[value.length];
        int length = 0;
        for (byte b : value) {
            if (b != ' ' && b != '-') {
                key[length++] = lowercase(b);
            }
        }
        return length == key.length ? key : Arrays.copyOf(key, length);
    }

    private static byte lowercase(byte b) {
        return b >= 'A' && b <= 'Z' ? (byte) (b + ('a' - 'A')) : b;
    }
}
