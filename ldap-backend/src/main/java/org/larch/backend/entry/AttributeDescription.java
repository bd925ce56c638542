package org.larch.backend.entry;

import java.util.List;
import java.util.Locale;

/**
 * An attribute description as RFC 4512 section 2.5 defines it: a type (name or OID) and options,
 * {@code cn;lang-en;binary}. {@link #text()} is exactly what the client wrote; comparisons use
 * {@link #typeKey()} and {@link #optionKeys()}, lowercased.
 */
public record AttributeDescription(String text, String type, List<String> options) {

    public static AttributeDescription parse(String text) {
        String[] parts = text.trim().split(";");
        List<String> options = List.of(parts).subList(1, parts.length);
        return new AttributeDescription(text.trim(), parts[0], List.copyOf(options));
    }

    public String typeKey() {
        return type.toLowerCase(Locale.ROOT);
    }

    public List<String> optionKeys() {
        return options.stream().map(o -> o.toLowerCase(Locale.ROOT)).sorted().toList();
    }

    /** Same type text (case-insensitive) and same set of options: the same attribute of an entry. */
    public boolean sameAs(AttributeDescription other) {
        return typeKey().equals(other.typeKey()) && optionKeys().equals(other.optionKeys());
    }
}
