package org.larch.backend.schema;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prepares an OpenLDAP {@code .schema} file for the LDAP API's parser the way slapd reads it: a line
 * that starts with white space continues the previous line (so a DESC may wrap), comment lines are
 * skipped even inside a definition, and quoted OIDs ({@code SYNTAX '1.3.6.1.4.1.1466.115.121.1.12'},
 * which slapd accepts) lose their quotes. The result has exactly as many lines as the input: each
 * definition stands on the line where it started and the lines it absorbed are left empty, so the
 * parser's line numbers are the file's.
 */
final class SchemaText {
    private static final Pattern QUOTED_OID = Pattern.compile(
            "\\b(SYNTAX|SUP|EQUALITY|ORDERING|SUBSTR)\\s+'([0-9A-Za-z.:;{}-]+)'", Pattern.CASE_INSENSITIVE);

    private SchemaText() {}

    static String prepare(String text) {
        String[] lines = text.split("\r?\n", -1);
        int logicalStart = -1;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.startsWith("#")) {
                lines[i] = "";
            } else if (isContinuation(line) && logicalStart >= 0) {
                lines[logicalStart] = lines[logicalStart] + " " + line.strip();
                lines[i] = "";
            } else if (!line.isBlank()) {
                logicalStart = i;
            } else {
                logicalStart = -1;
            }
        }
        return unquoteOids(String.join("\n", lines));
    }

    private static boolean isContinuation(String line) {
        return !line.isBlank() && Character.isWhitespace(line.charAt(0));
    }

    private static String unquoteOids(String text) {
        Matcher matcher = QUOTED_OID.matcher(text);
        return matcher.replaceAll(result -> Matcher.quoteReplacement(result.group(1) + " " + result.group(2)));
    }
}
