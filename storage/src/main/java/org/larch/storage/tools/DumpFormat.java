package org.larch.storage.tools;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.larch.storage.DbiFlag;

/**
 * The text format of {@code mdb_dump} and {@code mdb_load} (Berkeley DB's {@code db_dump} format,
 * VERSION=3), so that LMDB's command-line tools and ours exchange data. A dump is one or more
 * sections, one per database, each a header and then the data:
 *
 * <pre>
 * line                    | meaning
 * ------------------------+------------------------------------------------------------------
 * VERSION=3               | starts a section
 * format=bytevalue        | data lines in hex pairs; {@code format=print}: printable text
 * database=NAME           | the named database (absent: the unnamed one)
 * type=btree              | the only type
 * mapsize=N               | the environment's size ceiling in bytes ({@code maxsize})
 * maxreaders=N            | reader slots
 * duplicates=1            | DUPSORT (Berkeley DB's name), written before the flag lines
 * reversekey=1 …          | one line per stored flag, in the order of {@link #FLAG_NAMES}
 * db_pagesize=N           | bytes per page
 * HEADER=END              | ends the header
 *  KEY                    | one space, then the key; the next line likewise its value
 *  VALUE                  |   (a DUPSORT key appears once per value)
 * DATA=END                | ends the section
 * </pre>
 *
 * Data lines: {@code bytevalue} writes every byte as two lowercase hex digits; {@code print} writes
 * printable ASCII (0x20 to 0x7e) as itself, a backslash as {@code \\} and any other byte as a backslash
 * and two hex digits ({@code \0a}). An empty key or value is a line holding just the space. Plain text
 * input ({@code mdb_load -T}) is {@code print} data without header, leading space or end lines: key
 * and value lines alternate to the end of the input.
 */
public final class DumpFormat {
    public static final int VERSION = 3;
    public static final String HEADER_END = "HEADER=END";
    public static final String DATA_END = "DATA=END";
    public static final String FORMAT_BYTEVALUE = "bytevalue";
    public static final String FORMAT_PRINT = "print";
    public static final String TYPE_BTREE = "btree";
    /** Berkeley DB's name for databases with duplicates: written for DUPSORT, read as DUPSORT. */
    public static final String DUPLICATES = "duplicates";

    /** Header names of the stored database flags, in the order mdb_dump writes them. */
    public static final Map<String, DbiFlag> FLAG_NAMES = flagNames();

    private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private DumpFormat() {
    }

    /** Appends one data line for {@code data}: the leading space, the encoded bytes, the newline. */
    public static void appendDataLine(StringBuilder line, byte[] data, boolean printable) {
        line.append(' ');
        if (printable) {
            appendPrintable(line, data);
        } else {
            appendHex(line, data);
        }
        line.append('\n');
    }

    static void appendHex(StringBuilder line, byte[] data) {
        for (byte b : data) {
            line.append((char) HEX_DIGITS[(b >> 4) & 0xf]).append((char) HEX_DIGITS[b & 0xf]);
        }
    }

    static void appendPrintable(StringBuilder line, byte[] data) {
        for (byte b : data) {
            if (b == '\\') {
                line.append("\\\\");
            } else if (b >= 0x20 && b <= 0x7e) {
                line.append((char) b);
            } else {
                line.append('\\').append((char) HEX_DIGITS[(b >> 4) & 0xf]).append((char) HEX_DIGITS[b & 0xf]);
            }
        }
    }

    /**
     * The bytes that {@code length} bytes of {@code line} from {@code start} encode in hex pairs; throws
     * {@link IllegalArgumentException} naming the first bad column (1-based within the line).
     */
    public static byte[] decodeHex(byte[] line, int start, int length) {
        if (length % 2 != 0) {
            throw new IllegalArgumentException("an odd number of hex digits (" + length + ")");
        }
        byte[] data = new byte[length / 2];
        for (int i = 0; i < data.length; i++) {
            int at = start + 2 * i;
            data[i] = (byte) (hexDigit(line, at) << 4 | hexDigit(line, at + 1));
        }
        return data;
    }

    /** The bytes that a printable-text field encodes: {@code \\} is a backslash, {@code \xx} a byte in hex. */
    public static byte[] decodePrintable(byte[] line, int start, int length) {
        byte[] data = new byte[length];
        int size = 0;
        int end = start + length;
        for (int at = start; at < end; at++) {
            byte b = line[at];
            if (b != '\\') {
                data[size++] = b;
            } else if (at + 1 < end && line[at + 1] == '\\') {
                data[size++] = '\\';
                at++;
            } else if (at + 2 < end && isHexDigit(line[at + 1]) && isHexDigit(line[at + 2])) {
                data[size++] = (byte) (hexDigit(line, at + 1) << 4 | hexDigit(line, at + 2));
                at += 2;
            } else {
                throw new IllegalArgumentException("column " + (at + 1)
                        + ": a backslash must be followed by another backslash or two hex digits");
            }
        }
        return Arrays.copyOf(data, size);
    }

    private static boolean isHexDigit(byte b) {
        return b >= 0 && Character.digit(b, 16) >= 0;
    }

    private static int hexDigit(byte[] line, int at) {
        if (!isHexDigit(line[at])) {
            throw new IllegalArgumentException("column " + (at + 1) + ": '" + shown(line[at])
                    + "' is not a hex digit");
        }
        return Character.digit(line[at], 16);
    }

    private static String shown(byte b) {
        return b >= 0x20 && b <= 0x7e ? String.valueOf((char) b) : String.format("\\x%02x", b & 0xff);
    }

    private static Map<String, DbiFlag> flagNames() {
        Map<String, DbiFlag> names = new LinkedHashMap<>();
        names.put("reversekey", DbiFlag.REVERSEKEY);
        names.put("dupsort", DbiFlag.DUPSORT);
        names.put("integerkey", DbiFlag.INTEGERKEY);
        names.put("dupfixed", DbiFlag.DUPFIXED);
        names.put("integerdup", DbiFlag.INTEGERDUP);
        names.put("reversedup", DbiFlag.REVERSEDUP);
        return Collections.unmodifiableMap(names);
    }
}
