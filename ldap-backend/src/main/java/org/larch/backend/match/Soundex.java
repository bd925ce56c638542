package org.larch.backend.match;

/**
 * The American Soundex code of a word (a letter and three digits, {@code Robert -> R163}), the
 * phonetic key of approximate matching (slapd's approx rule is likewise a phonetic key per word).
 * Characters other than ASCII letters are skipped; a word without letters codes as itself.
 */
final class Soundex {
    //                                     ABCDEFGHIJKLMNOPQRSTUVWXYZ
    private static final String DIGITS = "01230120022455012623010202";
    private static final int CODE_LENGTH = 4;

    private Soundex() {}

    static String encode(String word) {
        StringBuilder code = new StringBuilder(CODE_LENGTH);
        char lastDigit = 0;
        for (int index = 0; index < word.length() && code.length() < CODE_LENGTH; index++) {
            char letter = Character.toUpperCase(word.charAt(index));
            if (letter < 'A' || letter > 'Z') {
                continue;
            }
            char digit = DIGITS.charAt(letter - 'A');
            if (code.isEmpty()) {
                code.append(letter);
            } else if (digit != '0' && digit != lastDigit) {
                code.append(digit);
            }
            if (letter != 'H' && letter != 'W') {
                lastDigit = digit;
            }
        }
        if (code.isEmpty()) {
            return word;
        }
        while (code.length() < CODE_LENGTH) {
            code.append('0');
        }
        return code.toString();
    }
}
