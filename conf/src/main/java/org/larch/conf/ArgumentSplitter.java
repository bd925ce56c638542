package org.larch.conf;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Splits a directive's text into words as slapd.conf does: white space separates words, double
 * quotes group a word that contains white space ({@code "cn=John Smith,dc=example,dc=com"}), a
 * backslash takes the next character literally (inside quotes too: {@code \"}, {@code \\}).
 */
final class ArgumentSplitter {

    private ArgumentSplitter() {}

    /** The words of {@code text}; {@code error} builds the exception for an unterminated quote or escape. */
    static List<String> split(String text, Function<String, ConfigException> error) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        boolean quoted = false;
        for (int index = 0; index < text.length(); index++) {
            char c = text.charAt(index);
            if (c == '\\') {
                if (++index == text.length()) {
                    throw error.apply("backslash at the end of the line escapes nothing");
                }
                word.append(text.charAt(index));
                inWord = true;
            } else if (c == '"') {
                quoted = !quoted;
                inWord = true;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quoted) {
            throw error.apply("unterminated double quote");
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
