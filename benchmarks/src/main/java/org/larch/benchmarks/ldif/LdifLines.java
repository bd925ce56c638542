package org.larch.benchmarks.ldif;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Appends RFC 2849 attribute lines to a record being built: {@code name: value} for a SAFE-STRING,
 * {@code name:: base64} for anything else (non-ASCII, a leading space, colon or less-than sign, a
 * trailing space, a control character that ends a line). Lines are not folded: RFC 2849 allows lines
 * of any length, and every generated value is short.
 */
final class LdifLines {
    private final StringBuilder text;

    LdifLines(StringBuilder text) {
        this.text = text;
    }

    /** Appends {@code name: value} (or {@code name:: base64(utf-8 value)}). */
    LdifLines line(String name, String value) {
        text.append(name);
        if (isSafe(value)) {
            text.append(": ").append(value);
        } else {
            text.append(":: ").append(Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)));
        }
        text.append('\n');
        return this;
    }

    /** Ends the record with its empty line. */
    void end() {
        text.append('\n');
    }

    /** RFC 2849's SAFE-STRING, and no trailing space (which readers may drop). */
    static boolean isSafe(String value) {
        if (value.isEmpty()) {
            return true;
        }
        char first = value.charAt(0);
        if (first == ' ' || first == ':' || first == '<' || value.charAt(value.length() - 1) == ' ') {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == 0 || c == '\n' || c == '\r' || c > 127) {
                return false;
            }
        }
        return true;
    }
}
