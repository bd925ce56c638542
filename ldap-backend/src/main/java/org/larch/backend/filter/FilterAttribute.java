package org.larch.backend.filter;

import java.util.List;
import org.apache.directory.api.ldap.model.schema.AttributeType;
import org.larch.backend.entry.AttributeDescription;
import org.larch.backend.entry.EntryAttribute;
import org.larch.backend.schema.DirectorySchema;

/**
 * The attribute description of a filter item, resolved against the schema: it selects the entry
 * attributes of its type or of a subtype ({@code name} selects {@code cn} and {@code sn}) that carry
 * at least its options ({@code cn} selects {@code cn;lang-en}; {@code cn;lang-en} does not select
 * {@code cn}), as RFC 4512 section 2.5 describes.
 */
record FilterAttribute(AttributeType type, List<String> optionKeys) {

    /** The resolved description, or null when the schema does not know the type (Undefined). */
    static FilterAttribute resolve(String description, AttributeType typeFromParser, DirectorySchema schema) {
        if (description == null && typeFromParser == null) {
            return null;
        }
        AttributeDescription parsed = AttributeDescription.parse(
                description != null ? description : typeFromParser.getName());
        AttributeType type = typeFromParser != null ? typeFromParser : schema.attributeType(parsed.type());
        return type == null ? null : new FilterAttribute(type, parsed.optionKeys());
    }

    boolean selects(EntryAttribute attribute) {
        return selectsType(attribute.type()) && attribute.description().optionKeys().containsAll(optionKeys);
    }

    boolean selectsType(AttributeType candidate) {
        if (candidate == null) {
            return false;
        }
        return candidate.getOid().equals(type.getOid()) || candidate.isDescendantOf(type);
    }
}
