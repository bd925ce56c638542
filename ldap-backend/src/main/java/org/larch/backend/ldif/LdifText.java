package org.larch.backend.ldif;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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
    private static final byte[] ASCII_DN = {'d', 'n'};
    private static final byte[] EMPTY_SEPARATOR = {':'};
    private static final byte[] SEPARATOR = {':', ' '};
    private static final byte[] BASE64_SEPARATOR = {':', ':', ' '};

    private LdifText() {
    }

    /** The record of {@code entry}, ending with its empty line. */
    public static String record(DirectoryEntry entry) {
        return record(entry.dn().getName(), entry);
    }

    /** The record of {@code entry} named {@code dn} (its DN as written; the entry's own DN is not read). */
    public static String record(String dn, DirectoryEntry entry) {
        Lines out = new Lines();
        out.line(ASCII_DN, dn.getBytes(StandardCharsets.UTF_8));
        for (EntryAttribute attribute : entry.attributes()) {
            byte[] name = attribute.description().text().getBytes(StandardCharsets.UTF_8);
            for (byte[] value : attribute.values()) {
                out.line(name, value);
            }
        }
        out.append((byte) '\n');
        return out.toText();
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

    /**
     * The ASCII bytes of a record, folded as they are appended: at {@link #LINE_WIDTH} characters a
     * line goes on after LF SPACE. Attribute descriptions are ASCII (RFC 4512; written as UTF-8 if not), values safe
     * (ASCII) or base64.
     */
    private static final class Lines {
        private byte[] bytes = new byte[1024];
        private int length;
        private int column;

        void line(byte[] name, byte[] value) {
            appendFolded(name);
            if (value.length == 0) {
                appendFolded(EMPTY_SEPARATOR);
            } else if (isSafe(value)) {
                appendFolded(SEPARATOR);
                appendFolded(value);
            } else {
                appendFolded(BASE64_SEPARATOR);
                appendFolded(Base64.getEncoder().encode(value));
            }
            append((byte) '\n');
        }

        private void appendFolded(byte[] ascii) {
            int index = 0;
            while (index < ascii.length) {
                if (column == LINE_WIDTH) {
                    append((byte) '\n');
                    append((byte) ' ');
                }
                int room = Math.min(ascii.length - index, LINE_WIDTH - column);
                ensureRoom(room);
                System.arraycopy(ascii, index, bytes, length, room);
                length += room;
                column += room;
                index += room;
            }
        }

        void append(byte b) {
            ensureRoom(1);
            bytes[length++] = b;
            column = b == '\n' ? 0 : column + 1;
        }

        private void ensureRoom(int more) {
            if (length + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
            }
        }

        String toText() {
            return new String(bytes, 0, length, StandardCharsets.UTF_8);
        }
    }
}
