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
    /**
     * The letters from U+00C0 to U+017F that are not mapped, are their own NFKC form, lowercase to
     * one character, and whose lowercase is its own NFKC form; computed once from the JDK's tables.
     * They are all starters (canonical combining class 0) that compose with nothing, so a text made of
     * them and ASCII normalizes character by character. (Left out: U+0130, U+0132/3, U+013F/40, U+0149,
     * U+017F, which NFKC or lowercasing expand.)
     */
    private static final char STABLE_FROM = '\u00C0';
    private static final boolean[] STABLE_LETTERS = stableLetters('\u00C0', '\u017F');

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
        if (isUnchangedByNormalizing(value)) {
            return foldCase ? value.toLowerCase(Locale.ROOT) : value;
        }
        return normalizeInFull(value, foldCase);
    }

    /** The map and normalize steps done in full, whatever the text. */
    static String normalizeInFull(String value, boolean foldCase) {
        String mapped = mapCharacters(value);
        String normalized = Normalizer.normalize(mapped, Normalizer.Form.NFKC);
        if (!foldCase) {
            return normalized;
        }
        return Normalizer.normalize(normalized.toLowerCase(Locale.ROOT), Normalizer.Form.NFKC);
    }

    /**
     * Printable ASCII, spaces and the {@link #isStableLetter stable} Latin letters: the mapping step
     * and NFKC leave such text as it is, before and after lowercasing, so lowercasing is all that
     * case folding does to it.
     */
    private static boolean isUnchangedByNormalizing(String value) {
        for (int index = 0; index < value.length(); index++) {
            char c = value.charAt(index);
            if ((c < ' ' || c > '~') && !isStableLetter(c)) {
                return false;
            }
        }
        return true;
    }

    /** A letter of Latin-1 or Latin Extended-A that {@link #STABLE_LETTERS} lists. */
    static boolean isStableLetter(char c) {
        return c >= STABLE_FROM && c < STABLE_FROM + STABLE_LETTERS.length && STABLE_LETTERS[c - STABLE_FROM];
    }

    private static boolean[] stableLetters(char from, char to) {
        boolean[] stable = new boolean[to - from + 1];
        for (char c = from; c <= to; c++) {
            String text = String.valueOf(c);
            String lower = text.toLowerCase(Locale.ROOT);
            stable[c - from] = Character.isLetter(c) && !isMappedToNothing(c) && !isSpace(c)
                    && Normalizer.normalize(text, Normalizer.Form.NFKC).equals(text)
                    && lower.length() == 1
                    && Normalizer.normalize(lower, Normalizer.Form.NFKC).equals(lower);
        }
        return stable;
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
