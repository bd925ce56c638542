package org.larch.conf;

import java.util.ArrayList;
import java.util.List;

/**
 * One directive's text after comments are dropped and continuation lines joined, and the line it
 * starts on. The rules are slapd.conf's: a line starting with {@code #} is a comment, a line starting
 * with white space continues the previous one, a blank line ends it.
 *
 * @param source where the text came from
 * @param lineNumber the physical line the directive starts on (1-based)
 * @param text the joined text (continuations appended after one space)
 */
public record LogicalLine(ConfigSource source, int lineNumber, String text) {

    /** The logical lines of {@code source}, in order. */
    public static List<LogicalLine> of(ConfigSource source) {
        List<LogicalLine> result = new ArrayList<>();
        StringBuilder current = null;
        int startLine = 0;
        List<String> lines = source.lines();
        for (int index = 0; index < lines.size(); index++) {
            String line = lines.get(index);
            int lineNumber = index + 1;
            if (line.startsWith("#")) {
                continue;
            }
            if (line.isBlank()) {
                addIfPresent(result, source, startLine, current);
                current = null;
            } else if (Character.isWhitespace(line.charAt(0))) {
                if (current == null) {
                    throw new ConfigException(source.name() + ":" + lineNumber
                            + ": continuation line (starts with white space) with no directive before it");
                }
                current.append(' ').append(line.strip());
            } else {
                addIfPresent(result, source, startLine, current);
                current = new StringBuilder(line.strip());
                startLine = lineNumber;
            }
        }
        addIfPresent(result, source, startLine, current);
        return result;
    }

    /** The first word: the directive's keyword, as written. */
    public String keyword() {
        int end = 0;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
            end++;
        }
        return text.substring(0, end);
    }

    /** The directive with its arguments split as slapd does (double quotes group, backslash escapes). */
    public Directive toDirective() {
        List<String> words = ArgumentSplitter.split(text, this::error);
        return new Directive(source, lineNumber, words.getFirst(), words.subList(1, words.size()));
    }

    private ConfigException error(String reason) {
        return new ConfigException(source.name() + ":" + lineNumber + ": " + reason);
    }

    private static void addIfPresent(List<LogicalLine> result, ConfigSource source, int lineNumber,
            StringBuilder text) {
        if (text != null) {
            result.add(new LogicalLine(source, lineNumber, text.toString()));
        }
    }
}
