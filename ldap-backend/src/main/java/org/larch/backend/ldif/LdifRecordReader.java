package org.larch.backend.ldif;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Reads an LDIF file (RFC 2849) record by record: unfolds continuation lines, drops comments and the
 * {@code version: 1} line, decodes base64 values. Each record is read whole before its lines are
 * parsed, so a bad line ({@link LdifException} with file and line) leaves the reader at the next record.
 * URL values ({@code :<}) are refused.
 */
public final class LdifRecordReader {
    private final BufferedReader in;
    private final String file;
    private int lineNumber;
    private long charactersRead;
    private boolean first = true;
    private String[] previousNames = new String[0];

    public LdifRecordReader(BufferedReader in, String file) {
        this.in = in;
        this.file = file;
    }

    /** The next record's logical lines, the DN first; null at the end of the file. */
    public List<LdifLine> next() {
        List<RawLine> raw = readRawRecord();
        if (raw == null) {
            return null;
        }
        List<LdifLine> lines = new ArrayList<>(raw.size());
        for (int index = 0; index < raw.size(); index++) {
            lines.add(parse(raw.get(index), index));
        }
        rememberNames(lines);
        if (first && lines.getFirst().is("version")) {
            lines.removeFirst();
        }
        first = false;
        if (lines.isEmpty()) {
            return next();
        }
        if (!lines.getFirst().is("dn")) {
            throw problem(lines.getFirst().lineNumber(), "a record must start with dn:, not " + lines.getFirst().name() + ":");
        }
        return lines;
    }

    /** How many physical lines have been read. */
    public int lineNumber() {
        return lineNumber;
    }

    /** Characters read so far, counting one per line end. */
    public long charactersRead() {
        return charactersRead;
    }

    public String file() {
        return file;
    }

    /**
     * One folded line as it stood, with the number of its first physical line; most lines are not
     * folded, so a builder is made only for the continuation lines of one that is.
     */
    private static final class RawLine {
        private final int lineNumber;
        private final String first;
        private StringBuilder folded;

        RawLine(int lineNumber, String first) {
            this.lineNumber = lineNumber;
            this.first = first;
        }

        int lineNumber() {
            return lineNumber;
        }

        /** Appends a continuation line without its leading space. */
        void appendContinuation(String line) {
            if (folded == null) {
                folded = new StringBuilder(first);
            }
            folded.append(line, 1, line.length());
        }

        String text() {
            return folded == null ? first : folded.toString();
        }
    }

    private List<RawLine> readRawRecord() {
        List<RawLine> lines = new ArrayList<>();
        boolean inComment = false;
        int strayContinuation = 0;
        for (String line = readLine(); line != null; line = readLine()) {
            if (line.isEmpty()) {
                if (!lines.isEmpty() || strayContinuation != 0) {
                    return checked(lines, strayContinuation);
                }
                inComment = false;
            } else if (line.charAt(0) == ' ') {
                if (lines.isEmpty() && !inComment && strayContinuation == 0) {
                    strayContinuation = lineNumber;
                } else if (!inComment && !lines.isEmpty()) {
                    lines.getLast().appendContinuation(line);
                }
            } else if (line.charAt(0) == '#') {
                inComment = true;
            } else {
                inComment = false;
                lines.add(new RawLine(lineNumber, line));
            }
        }
        return lines.isEmpty() && strayContinuation == 0 ? null : checked(lines, strayContinuation);
    }

    /** The record's lines, once it has been read to its end; a continuation line that continues nothing is refused. */
    private List<RawLine> checked(List<RawLine> lines, int strayContinuation) {
        if (strayContinuation != 0) {
            throw problem(strayContinuation, "a continuation line (starting with a space) with no line to continue");
        }
        return lines;
    }

    /** The attribute names of the record just read, by line position: the next record likely repeats them. */
    private void rememberNames(List<LdifLine> lines) {
        if (previousNames.length < lines.size()) {
            previousNames = new String[lines.size()];
        }
        for (int index = 0; index < lines.size(); index++) {
            String name = lines.get(index).name();
            previousNames[index] = name.equals("-") ? null : name; // only names that passed isAttributeDescription
        }
    }

    /**
     * The previous record's name at this line position when the text before the colon at
     * {@code colon} is that name (so no new String, its hash already known, and already checked); else null.
     */
    private String previousName(String text, int colon, int position) {
        String previous = position < previousNames.length ? previousNames[position] : null;
        return previous != null && previous.length() == colon && text.startsWith(previous) ? previous : null;
    }

    private LdifLine parse(RawLine raw, int position) {
        String text = raw.text();
        if (text.equals("-")) {
            return new LdifLine(raw.lineNumber(), "-", new byte[0]);
        }
        int colon = text.indexOf(':');
        if (colon <= 0) {
            throw problem(raw.lineNumber(), "expected \"name: value\", found \"" + abbreviate(text) + "\"");
        }
        String name = previousName(text, colon, position);
        if (name == null) {
            name = text.substring(0, colon);
            if (!isAttributeDescription(text, colon)) {
                throw problem(raw.lineNumber(), "not an attribute description: \"" + abbreviate(name) + "\"");
            }
        }
        return new LdifLine(raw.lineNumber(), name, value(raw.lineNumber(), text, colon + 1));
    }

    /** {@code [A-Za-z0-9][A-Za-z0-9;.-]*}, of the text before the colon at {@code colon}, without a regular expression. */
    private static boolean isAttributeDescription(String text, int colon) {
        if (!isAsciiLetterOrDigit(text.charAt(0))) {
            return false;
        }
        for (int i = 1; i < colon; i++) {
            char c = text.charAt(i);
            if (!isAsciiLetterOrDigit(c) && c != ';' && c != '.' && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /** The value of the line {@code text} whose value part starts at {@code start} (just after the colon). */
    private byte[] value(int line, String text, int start) {
        if (text.startsWith(":", start)) {
            try {
                return Base64.getDecoder().decode(text.substring(start + 1).strip());
            } catch (IllegalArgumentException e) {
                throw problem(line, "invalid base64 value: " + e.getMessage());
            }
        }
        if (text.startsWith("<", start)) {
            throw problem(line, "URL values (\":<\") are not supported");
        }
        int from = start;
        while (from < text.length() && Character.isWhitespace(text.charAt(from))) {
            from++; // as String.stripLeading: every white space is in the BMP
        }
        return text.substring(from).getBytes(StandardCharsets.UTF_8);
    }

    private String readLine() {
        try {
            String line = in.readLine();
            if (line != null) {
                lineNumber++;
                charactersRead += line.length() + 1;
            }
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " at line " + lineNumber + ": " + e.getMessage(), e);
        }
    }

    private LdifException problem(int line, String reason) {
        return new LdifException(new LdifProblem(file, line, null, reason));
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
