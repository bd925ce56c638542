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
        return record(entry.dn().getName(), entry);
    }

    /** The record of {@code entry} named {@code dn} (its DN as written; the entry's own DN is not read). */
    public static String record(String dn, DirectoryEntry entry) {
        StringBuilder out = new StringBuilder(512);
        line(out, "dn", dn.getBytes(StandardCharsets.UTF_8));
        for (EntryAttribute attribute : entry.attributes()) {
            String name = attribute.description().text();
            for (byte[] value : attribute.values()) {
                line(out, name, value);
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
        int column = append(out, name, 0);
        if (value.length == 0) {
            append(out, ":", column);
        } else if (isSafe(value)) {
            column = append(out, ": ", column);
            appendAscii(out, value, column);
        } else {
            column = append(out, ":: ", column);
            appendAscii(out, Base64.getEncoder().encode(value), column);
        }
        out.append('\n');
    }

    /** Appends {@code text} at {@code column} of the current line, folding at {@link #LINE_WIDTH}; the new column. */
    private static int append(StringBuilder out, String text, int column) {
        for (int index = 0; index < text.length(); index++) {
            column = fold(out, column) + 1;
            out.append(text.charAt(index));
        }
        return column;
    }

    private static int appendAscii(StringBuilder out, byte[] ascii, int column) {
        int index = 0;
        while (index < ascii.length) {
            column = fold(out, column);
            int room = Math.min(ascii.length - index, LINE_WIDTH - column);
            for (int end = index + room; index < end; index++) {
                out.append((char) ascii[index]);
            }
            column += room;
        }
        return column;
    }

    /** Starts a continuation line (LF SPACE) when the current one is full; the column to write at. */
    private static int fold(StringBuilder out, int column) {
        if (column < LINE_WIDTH) {
            return column;
        }
        out.append('\n').append(' ');
        return 1;
    }
}
