package org.larch.benchmarks.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Just enough JSON to read JMH's result file: objects become {@link Map}s (in file order), arrays
 * {@link List}s, numbers {@link Double}s, and strings, booleans and null themselves.
 */
final class Json {
    private final String text;
    private int position;

    private Json(String text) {
        this.text = text;
    }

    static Object parse(String text) {
        Json json = new Json(text);
        Object value = json.value();
        json.skipSpace();
        if (json.position != text.length()) {
            throw json.error("text after the JSON value");
        }
        return value;
    }

    private Object value() {
        skipSpace();
        if (position >= text.length()) {
            throw error("unexpected end");
        }
        return switch (text.charAt(position)) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> number();
        };
    }

    private Map<String, Object> object() {
        Map<String, Object> members = new LinkedHashMap<>();
        position++;
        if (peekAfterSpace() == '}') {
            position++;
            return members;
        }
        do {
            skipSpace();
            String name = string();
            expect(':');
            members.put(name, value());
        } while (nextIsComma());
        expect('}');
        return members;
    }

    private List<Object> array() {
        List<Object> elements = new ArrayList<>();
        position++;
        if (peekAfterSpace() == ']') {
            position++;
            return elements;
        }
        do {
            elements.add(value());
        } while (nextIsComma());
        expect(']');
        return elements;
    }

    private String string() {
        if (text.charAt(position) != '"') {
            throw error("a string was expected");
        }
        StringBuilder out = new StringBuilder();
        position++;
        while (true) {
            char c = text.charAt(position++);
            if (c == '"') {
                return out.toString();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char escaped = text.charAt(position++);
            switch (escaped) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    out.append((char) Integer.parseInt(text.substring(position, position + 4), 16));
                    position += 4;
                }
                default -> out.append(escaped);   // \" \\ \/
            }
        }
    }

    private Object number() {
        int start = position;
        while (position < text.length() && "+-0123456789.eE".indexOf(text.charAt(position)) >= 0) {
            position++;
        }
        if (start == position) {
            throw error("a value was expected");
        }
        return Double.parseDouble(text.substring(start, position));
    }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, position)) {
            throw error("'" + word + "' was expected");
        }
        position += word.length();
        return value;
    }

    private boolean nextIsComma() {
        if (peekAfterSpace() == ',') {
            position++;
            return true;
        }
        return false;
    }

    private void expect(char wanted) {
        if (peekAfterSpace() != wanted) {
            throw error("'" + wanted + "' was expected");
        }
        position++;
    }

    private char peekAfterSpace() {
        skipSpace();
        return position < text.length() ? text.charAt(position) : '\0';
    }

    private void skipSpace() {
        while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
            position++;
        }
    }

    private IllegalArgumentException error(String problem) {
        return new IllegalArgumentException("bad JSON at character " + position + ": " + problem);
    }
}
