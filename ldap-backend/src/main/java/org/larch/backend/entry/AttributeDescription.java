package org.larch.backend.entry;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * An attribute description as RFC 4512 section 2.5 defines it: a type (name or OID) and options,
 * {@code cn;lang-en;binary}. {@link #text()} is exactly what the client wrote; comparisons use
 * {@link #typeKey()} and {@link #optionKeys()}, lowercased. Immutable; the keys are computed once, on
 * first use, because entries compare descriptions many times (an import looks up each attribute
 * line's description among the entry's attributes).
 *
 * <p>Equality, hash code and {@link #toString()} are those of the record this class used to be: over
 * {@code text}, {@code type} and {@code options} as written.
 */
public final class AttributeDescription {
    private final String text;
    private final String type;
    private final List<String> options;
    /** Computed on first use (many descriptions are never compared); immutable values, so a race only repeats the work. */
    private String typeKey;
    private List<String> optionKeys;

    public AttributeDescription(String text, String type, List<String> options) {
        this.text = text;
        this.type = type;
        this.options = options;
    }

    /** Parses {@code type;option;option}, trimmed; the text without a {@code ;} is the type itself. */
    public static AttributeDescription parse(String text) {
        String trimmed = text.trim();
        if (trimmed.indexOf(';') < 0) {
            return new AttributeDescription(trimmed, trimmed, List.of());
        }
        String[] parts = trimmed.split(";");
        List<String> options = List.of(parts).subList(1, parts.length);
        return new AttributeDescription(trimmed, parts[0], List.copyOf(options));
    }

    /** The description exactly as written (trimmed). */
    public String text() {
        return text;
    }

    /** The type as written: a name or an OID. */
    public String type() {
        return type;
    }

    /** The options as written, in order. */
    public List<String> options() {
        return options;
    }

    /** The type lowercased. */
    public String typeKey() {
        String key = typeKey;
        if (key == null) {
            key = type.toLowerCase(Locale.ROOT);
            typeKey = key;
        }
        return key;
    }

    /** The options lowercased and sorted. */
    public List<String> optionKeys() {
        List<String> keys = optionKeys;
        if (keys == null) {
            keys = options.isEmpty() ? List.of() : keysOf(options);
            optionKeys = keys;
        }
        return keys;
    }

    /** Same type text (case-insensitive) and same set of options: the same attribute of an entry. */
    public boolean sameAs(AttributeDescription other) {
        return this == other || typeKey().equals(other.typeKey()) && optionKeys().equals(other.optionKeys());
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof AttributeDescription description
                && Objects.equals(text, description.text) && Objects.equals(type, description.type)
                && Objects.equals(options, description.options);
    }

    @Override
    public int hashCode() {
        return Objects.hash(text, type, options);
    }

    @Override
    public String toString() {
        return "AttributeDescription[text=" + text + ", type=" + type + ", options=" + options + "]";
    }

    private static List<String> keysOf(List<String> options) {
        return options.stream().map(option -> option.toLowerCase(Locale.ROOT)).sorted().toList();
    }
}
