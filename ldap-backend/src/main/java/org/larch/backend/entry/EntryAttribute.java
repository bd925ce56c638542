package org.larch.backend.entry;

import java.util.ArrayList;
import java.util.List;
import org.apache.directory.api.ldap.model.schema.AttributeType;

/**
 * One attribute of an entry as stored: its description as the client wrote it, the schema type it
 * resolves to (null when the schema does not know it), and its values in the order they were stored.
 * String values are UTF-8. The value list is mutable; copy before sharing across transactions.
 */
public final class EntryAttribute {
    private final AttributeDescription description;
    private final AttributeType type;
    private final List<byte[]> values;

    public EntryAttribute(AttributeDescription description, AttributeType type, List<byte[]> values) {
        this.description = description;
        this.type = type;
        this.values = new ArrayList<>(values);
    }

    public AttributeDescription description() {
        return description;
    }

    /** The resolved schema type, or null for a type the schema does not define. */
    public AttributeType type() {
        return type;
    }

    public List<byte[]> values() {
        return values;
    }

    public EntryAttribute copy() {
        List<byte[]> copies = new ArrayList<>(values.size());
        for (byte[] value : values) {
            copies.add(value.clone());
        }
        return new EntryAttribute(description, type, copies);
    }

    @Override
    public String toString() {
        return description.text() + "(" + values.size() + " values)";
    }
}
