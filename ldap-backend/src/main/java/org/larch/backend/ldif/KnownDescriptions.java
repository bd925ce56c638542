package org.larch.backend.ldif;

import java.util.HashMap;
import java.util.Map;
import org.apache.directory.api.ldap.model.schema.AttributeType;
import org.larch.backend.entry.AttributeDescription;
import org.larch.backend.schema.DirectorySchema;

/**
 * The attribute descriptions of an LDIF file's lines, each parsed and resolved to its schema type once
 * per distinct spelling: a file names the same few attributes on every record. Bounded (emptied when
 * {@link #MAX_REMEMBERED} spellings are known), for one reader thread.
 */
final class KnownDescriptions {
    /** A description with its schema type (null when the schema does not define it). */
    record Resolved(AttributeDescription description, AttributeType type) {
    }

    static final int MAX_REMEMBERED = 1_000;

    private final DirectorySchema schema;
    private final Map<String, Resolved> byText = new HashMap<>();

    KnownDescriptions(DirectorySchema schema) {
        this.schema = schema;
    }

    /** The description written as {@code text}, parsed, with its type. */
    Resolved resolve(String text) {
        Resolved known = byText.get(text);
        if (known != null) {
            return known;
        }
        if (byText.size() >= MAX_REMEMBERED) {
            byText.clear();
        }
        AttributeDescription description = AttributeDescription.parse(text);
        Resolved resolved = new Resolved(description, schema.attributeType(description.type()));
        byText.put(text, resolved);
        return resolved;
    }
}
