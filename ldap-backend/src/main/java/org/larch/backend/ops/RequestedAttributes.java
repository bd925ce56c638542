package org.larch.backend.ops;

import java.util.ArrayList;
import java.util.List;
import org.apache.directory.api.ldap.model.schema.AttributeType;
import org.apache.directory.api.ldap.model.schema.UsageEnum;
import org.larch.backend.Identity;
import org.larch.backend.access.AccessPolicy;
import org.larch.backend.entry.AttributeDescription;
import org.larch.backend.entry.DirectoryEntry;
import org.larch.backend.entry.EntryAttribute;
import org.larch.backend.schema.DirectorySchema;

/**
 * Reduces an entry to an attribute selection (RFC 4511 section 4.5.1.8), for the pre-read and
 * post-read controls: no names or {@code *} = every user attribute, {@code +} = every stored
 * operational attribute, {@code 1.1} = none, a name selects its type and subtypes ({@code name}
 * selects {@code cn}), with options only the attributes carrying them ({@code cn;lang-en}); names the
 * schema does not know select attributes written with that name. What the reader may not see
 * ({@link AccessPolicy#canRead}) is left out.
 */
public final class RequestedAttributes {
    private final DirectorySchema schema;

    public RequestedAttributes(DirectorySchema schema) {
        this.schema = schema;
    }

    /** A new entry with the selected attributes of {@code entry}, in stored order. */
    public DirectoryEntry select(DirectoryEntry entry, List<String> requested, Identity reader) {
        Selection selection = parse(requested);
        List<EntryAttribute> kept = new ArrayList<>();
        for (EntryAttribute attribute : entry.attributes()) {
            if (selection.includes(attribute) && AccessPolicy.canRead(reader, entry.dn(), attribute.type())) {
                kept.add(attribute.copy());
            }
        }
        return new DirectoryEntry(entry.dn(), entry.id(), kept);
    }

    private Selection parse(List<String> requested) {
        boolean allUser = requested.isEmpty();
        boolean allOperational = false;
        List<Named> names = new ArrayList<>();
        for (String text : requested) {
            switch (text.trim()) {
                case "*" -> allUser = true;
                case "+" -> allOperational = true;
                case "1.1", "" -> { }
                default -> names.add(named(AttributeDescription.parse(text)));
            }
        }
        return new Selection(allUser, allOperational, names);
    }

    private Named named(AttributeDescription description) {
        return new Named(description, schema.attributeType(description.type()));
    }

    private record Selection(boolean allUser, boolean allOperational, List<Named> names) {

        boolean includes(EntryAttribute attribute) {
            if (isOperational(attribute.type()) ? allOperational : allUser) {
                return true;
            }
            return names.stream().anyMatch(named -> named.selects(attribute));
        }

        private static boolean isOperational(AttributeType type) {
            return type != null && type.getUsage() != UsageEnum.USER_APPLICATIONS;
        }
    }

    private record Named(AttributeDescription description, AttributeType type) {

        boolean selects(EntryAttribute attribute) {
            if (!attribute.description().optionKeys().containsAll(description.optionKeys())) {
                return false;
            }
            if (type == null || attribute.type() == null) {
                return attribute.description().typeKey().equals(description.typeKey());
            }
            return TypeHierarchy.isSameOrSubtype(attribute.type(), type);
        }
    }
}
