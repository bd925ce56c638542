package org.larch.backend.match;

import java.text.Normalizer;
import java.util.Locale;

/**
 * String preparation after RFC 4518, as the text matching rules need it: transcode (the caller
 * decodes UTF-8), map (characters mapped to nothing are dropped, every white space becomes a space),
 * normalize (NFKC, with case folding for the caseIgnore rules), and insignificant space handling
 * (runs of spaces count as one space; leading and trailing spaces do not count). The prohibit step is
 * not enforced: values are stored as given and compared prepared.
 */
final class StringPreparation {

    private StringPreparation() {}

    /** The prepared form of a whole value (or an equality assertion value). */
    static String prepare(String value, boolean foldCase) {
        return collapseSpaces(normalize(value, foldCase), true, true);
    }

    /**
     * The prepared form of a substring assertion component: spaces collapse as in a value, but only
     * the initial component loses its leading spaces and only the final one its trailing spaces.
     */
    static String prepareSubstring(String component, boolean foldCase, SubstringPosition position) {
        return collapseSpaces(normalize(component, foldCase),
                position == SubstringPosition.INITIAL, position == SubstringPosition.FINAL);
    }

    private static String normalize(String value, boolean foldCase) {
        if (isPlainAscii(value)) {
            return foldCase ? value.toLowerCase(Locale.ROOT) : value;
        }
        String mapped = mapCharacters(value);
        String normalized = Normalizer.normalize(mapped, Normalizer.Form.NFKC);
        if (!foldCase) {
            return normalized;
        }
        return Normalizer.normalize(normalized.toLowerCase(Locale.ROOT), Normalizer.Form.NFKC);
    }

    /** Printable ASCII and spaces: NFKC and the mapping step leave such text as it is. */
    private static boolean isPlainAscii(String value) {
        for (int index = 0; index < value.length(); index++) {
            char c = value.charAt(index);
            if (c < ' ' || c > '~') {
                return false;
            }
        }
        return true;
    }

    private static String mapCharacters(String value) {
        StringBuilder mapped = new StringBuilder(value.length());
        for (int index = 0; index < value.length(); index++) {
            char c = value.charAt(index);
            if (isMappedToNothing(c)) {
                continue;
            }
            mapped.append(isSpace(c) ? ' ' : c);
        }
        return mapped.toString();
    }

    private static boolean isMappedToNothing(char c) {
        return c == '\u00AD' || c == '\u1806' || c == '\u034F' || (c >= '\u180B' && c <= '\u180D')
                || (c >= '\uFE00' && c <= '\uFE0F') || c == '\uFFFC' || c == '\u200B'
                || (c <= 0x1F && !isSpace(c)) || (c >= 0x7F && c <= 0x9F && c != 0x85);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r'
                || c == '\u0085' || c == '\u00A0' || c == '\u1680' || (c >= '\u2000' && c <= '\u200A')
                || c == '\u2028' || c == '\u2029' || c == '\u202F' || c == '\u205F' || c == '\u3000';
    }

    private static String collapseSpaces(String value, boolean trimLeading, boolean trimTrailing) {
        if (!needsCollapsing(value, trimLeading, trimTrailing)) {
            return value;
        }
        StringBuilder collapsed = new StringBuilder(value.length());
        boolean lastWasSpace = false;
        for (int index = 0; index < value.length(); index++) {
            char c = value.charAt(index);
            if (c == ' ' && lastWasSpace) {
                continue;
            }
            collapsed.append(c);
            lastWasSpace = c == ' ';
        }
        String result = collapsed.toString();
        if (trimLeading) {
            result = result.stripLeading();
        }
        return trimTrailing ? result.stripTrailing() : result;
    }

    /** Whether {@link #collapseSpaces} would change {@code value}: a run of spaces, or a space at a trimmed edge. */
    private static boolean needsCollapsing(String value, boolean trimLeading, boolean trimTrailing) {
        if (value.isEmpty()) {
            return false;
        }
        if (trimLeading && Character.isWhitespace(value.charAt(0))
                || trimTrailing && Character.isWhitespace(value.charAt(value.length() - 1))) {
            return true;
        }
        return value.contains("  ");
    }
}
