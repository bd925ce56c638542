package org.larch.backend.ldif;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.larch.backend.entry.DirectoryEntry;
import org.larch.backend.entry.EntryAttribute;

/**
 * Writes an entry as an RFC 2849 LDIF content record, as {@code slapcat} does. The encoding:
 *
 * <pre>
 * element          | written as                        | when
 * -----------------+-----------------------------------+------------------------------------------------
 * DN               | "dn: " text  /  "dn:: " base64    | base64 unless the DN is a SAFE-STRING
 * attribute value  | desc ": " text / desc ":: " base64| base64 unless the value is a SAFE-STRING
 * empty value      | desc ":"                          | a zero-length value
 * SAFE-STRING      | ASCII 0x01-0x7F without NUL, LF,  | and not starting with SPACE, ':' or '<',
 *                  | CR                                | and not ending with SPACE
 * long line        | first 76 chars, then LF SPACE and | any line longer than 76 characters
 *                  | 75 chars per continuation line    |
 * record end       | one empty line (LF)               | after every record
 * line end         | LF                                |
 * </pre>
 *
 * Attributes and values come in stored order; every line is ASCII.
 */
public final class LdifText {
    static final int LINE_WIDTH = 76;

    private LdifText() {
    }

    /** The record of {@code entry}, ending with its empty line. */
    public static String record(DirectoryEntry entry) {
        StringBuilder out = new StringBuilder(256);
        line(out, "dn", entry.dn().getName().getBytes(StandardCharsets.UTF_8));
        for (EntryAttribute attribute : entry.attributes()) {
            for (byte[] value : attribute.values()) {
                line(out, attribute.description().text(), value);
            }
        }
        return out.append('\n').toString();
    }

    /** Whether {@code value} may be written as it is (RFC 2849 SAFE-STRING, no trailing space). */
    static boolean isSafe(byte[] value) {
        if (value.length == 0) {
            return true;
        }
        byte first = value[0];
        if (first == ' ' || first == ':' || first == '<' || value[value.length - 1] == ' ') {
            return false;
        }
        for (byte b : value) {
            if (b <= 0 || b == '\n' || b == '\r') {
                return false;
            }
        }
        return true;
    }

    private static void line(StringBuilder out, String name, byte[] value) {
        String text;
        if (value.length == 0) {
            text = name + ":";
        } else if (isSafe(value)) {
            text = name + ": " + new String(value, StandardCharsets.US_ASCII);
        } else {
            text = name + ":: " + Base64.getEncoder().encodeToString(value);
        }
        fold(out, text);
    }

    private static void fold(StringBuilder out, String text) {
        int end = Math.min(text.length(), LINE_WIDTH);
        out.append(text, 0, end).append('\n');
        for (int start = end; start < text.length(); start += LINE_WIDTH - 1) {
            out.append(' ').append(text, start, Math.min(text.length(), start + LINE_WIDTH - 1)).append('\n');
        }
    }
}
