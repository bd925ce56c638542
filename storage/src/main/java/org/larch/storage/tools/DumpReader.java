package org.larch.storage.tools;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.larch.storage.DbiFlag;

/**
 * Reads a dump ({@link DumpFormat}) section by section: {@link #nextSection()} gives a header, then
 * {@link #nextRecord()} the section's pairs until it returns null at {@code DATA=END}. Bad input is a
 * {@link DumpFormatException} naming the line. Stricter than mdb_load where mdb_load would load
 * something else than was meant: a section cut off before {@code DATA=END} (a truncated file) is an
 * error, and flag lines with value 0 clear the flag. Keywords it does not know are skipped with a
 * warning, as mdb_load does.
 */
final class DumpReader {
    private final LineInput lines;
    private final boolean plainText;
    private final List<String> warnings = new ArrayList<>();
    private DumpHeader section;
    private boolean plainTextStarted;

    /** One key and its value, and the line the value ended on. */
    record Pair(byte[] key, byte[] value, long lineNumber) {
    }

    /** {@code plainText}: input as {@code mdb_load -T} reads it, no header and no leading spaces. */
    DumpReader(InputStream in, String source, boolean plainText) {
        this.lines = new LineInput(in, source);
        this.plainText = plainText;
    }

    /** The next section's header, or null when the input ends. */
    DumpHeader nextSection() {
        if (section != null) {
            throw new IllegalStateException("the section before was not read to its end");
        }
        if (plainText) {
            section = plainTextStarted ? null : DumpHeader.plainText();
            plainTextStarted = true;
            return section;
        }
        byte[] first = lines.next();
        while (first != null && first.length == 0) {
            first = lines.next();
        }
        if (first == null) {
            return null;
        }
        section = new HeaderParser().parse(first);
        return section;
    }

    /** The section's next pair, or null at its end. */
    Pair nextRecord() {
        if (section == null) {
            throw new IllegalStateException("no section is being read");
        }
        byte[] keyLine = lines.next();
        if (plainText ? keyLine == null : isDataEnd(keyLine)) {
            section = null;
            return null;
        }
        byte[] key = decode(keyLine);
        byte[] valueLine = lines.next();
        if (valueLine == null || (!plainText && isDataEnd(valueLine))) {
            throw error("a key without a value" + (valueLine == null ? " at the end of the input" : ""));
        }
        return new Pair(key, decode(valueLine), lines.lineNumber());
    }

    /** The last line read: where an error that a pair causes lies. */
    long lineNumber() {
        return lines.lineNumber();
    }

    String source() {
        return lines.source();
    }

    /** Header keywords that were skipped, each with its line. */
    List<String> warnings() {
        return List.copyOf(warnings);
    }

    private boolean isDataEnd(byte[] line) {
        if (line == null) {
            throw error("the input ends before " + DumpFormat.DATA_END + " (a truncated dump?)");
        }
        if (line.length > 0 && line[0] == ' ') {
            return false;
        }
        if (chomp(text(line)).equals(DumpFormat.DATA_END)) {
            return true;
        }
        throw error("expected a data line (starting with a space) or " + DumpFormat.DATA_END + ", found '"
                + abbreviated(line) + "'");
    }

    private byte[] decode(byte[] line) {
        int start = plainText ? 0 : 1;
        try {
            return section.printable() ? DumpFormat.decodePrintable(line, start, line.length - start)
                    : DumpFormat.decodeHex(line, start, line.length - start);
        } catch (IllegalArgumentException e) {
            throw error(e.getMessage());
        }
    }

    private DumpFormatException error(String reason) {
        return new DumpFormatException(lines.source(), lines.lineNumber(), reason);
    }

    private static String text(byte[] line) {
        return new String(line, StandardCharsets.UTF_8);
    }

    /** The line without a carriage return before its newline (a file edited on Windows). */
    private static String chomp(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    private static String abbreviated(byte[] line) {
        String text = text(line);
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    /** Reads header lines from {@code VERSION=} to {@code HEADER=END}. */
    private final class HeaderParser {
        private boolean printable;
        private String database;
        private long mapSizeBytes;
        private int maxReaders;
        private int pageSize;
        private int flags;

        DumpHeader parse(byte[] first) {
            String line = chomp(text(first));
            if (!line.startsWith("VERSION=")) {
                throw error("a dump section starts with VERSION=" + DumpFormat.VERSION + ", found '"
                        + abbreviated(first) + "'");
            }
            for (; !line.equals(DumpFormat.HEADER_END); line = nextHeaderLine()) {
                int equals = line.indexOf('=');
                if (equals < 0) {
                    throw error("a header line must be keyword=value, found '" + line + "'");
                }
                apply(line.substring(0, equals), line.substring(equals + 1));
            }
            return new DumpHeader(printable, database, mapSizeBytes, maxReaders, pageSize, flags);
        }

        private String nextHeaderLine() {
            byte[] line = lines.next();
            if (line == null) {
                throw error("the input ends inside a header, before " + DumpFormat.HEADER_END);
            }
            return chomp(text(line));
        }

        private void apply(String keyword, String value) {
            switch (keyword) {
                case "VERSION" -> checkVersion(value);
                case "format" -> printable = format(value);
                case "database" -> database = value;
                case "type" -> checkType(value);
                case "mapsize" -> mapSizeBytes = number(keyword, value);
                case "maxreaders" -> maxReaders = smallNumber(keyword, value);
                case "db_pagesize" -> pageSize = smallNumber(keyword, value);
                case "mapaddr" -> { }
                case DumpFormat.DUPLICATES -> flag(DbiFlag.DUPSORT, value);
                default -> applyFlag(keyword, value);
            }
        }

        private void applyFlag(String keyword, String value) {
            DbiFlag flag = DumpFormat.FLAG_NAMES.get(keyword);
            if (flag != null) {
                flag(flag, value);
            } else {
                warnings.add(lines.source() + ":" + lines.lineNumber() + ": unrecognized keyword ignored: " + keyword);
            }
        }

        private void flag(DbiFlag flag, String value) {
            if (!value.equals("0")) {
                flags |= flag.bits;
            }
        }

        private void checkVersion(String value) {
            long version = number("VERSION", value);
            if (version < 1 || version > DumpFormat.VERSION) {
                throw error("unsupported VERSION " + value + " (this reads 1 to " + DumpFormat.VERSION + ")");
            }
        }

        private boolean format(String value) {
            return switch (value) {
                case DumpFormat.FORMAT_PRINT -> true;
                case DumpFormat.FORMAT_BYTEVALUE -> false;
                default -> throw error("unsupported format '" + value + "' (print or bytevalue)");
            };
        }

        private void checkType(String value) {
            if (!value.equals(DumpFormat.TYPE_BTREE)) {
                throw error("unsupported type '" + value + "' (only btree)");
            }
        }

        private int smallNumber(String keyword, String value) {
            long number = number(keyword, value);
            if (number > Integer.MAX_VALUE) {
                throw error(keyword + " " + value + " is too large");
            }
            return (int) number;
        }

        private long number(String keyword, String value) {
            try {
                long number = Long.parseLong(value);
                if (number < 0) {
                    throw new NumberFormatException();
                }
                return number;
            } catch (NumberFormatException e) {
                throw error("invalid " + keyword + " '" + value + "'");
            }
        }
    }
}
