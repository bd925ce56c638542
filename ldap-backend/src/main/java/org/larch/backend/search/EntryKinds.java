package org.larch.backend.search;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.directory.api.ldap.model.schema.AttributeType;
import org.larch.backend.entry.DirectoryEntry;
import org.larch.backend.entry.EntryAttribute;
import org.larch.backend.schema.DirectorySchema;

/**
 * Alias entries (objectClass {@code alias} with {@code aliasedObjectName}, RFC 4512 section 2.6) and
 * referral entries (objectClass {@code referral} with {@code ref}, RFC 3296).
 */
final class EntryKinds {
    private static final String ALIAS_OID = "2.5.6.1";
    private static final String REFERRAL_OID = "2.16.840.1.113730.3.2.6";

    private final AttributeType objectClass;
    private final AttributeType aliasedObjectName;
    private final AttributeType ref;

    EntryKinds(DirectorySchema schema) {
        this.objectClass = schema.requireAttributeType("objectClass");
        this.aliasedObjectName = schema.requireAttributeType("aliasedObjectName");
        this.ref = schema.attributeType("ref");
    }

    boolean isAlias(DirectoryEntry entry) {
        return hasObjectClass(entry, "alias", ALIAS_OID);
    }

    boolean isReferral(DirectoryEntry entry) {
        return ref != null && hasObjectClass(entry, "referral", REFERRAL_OID);
    }

    /** The alias's aliasedObjectName, or null. */
    String aliasTarget(DirectoryEntry entry) {
        List<String> values = strings(entry, aliasedObjectName);
        return values.isEmpty() ? null : values.getFirst();
    }

    /** A referral entry's URLs. */
    List<String> referralUrls(DirectoryEntry entry) {
        return ref == null ? List.of() : strings(entry, ref);
    }

    private boolean hasObjectClass(DirectoryEntry entry, String name, String oid) {
        for (String value : strings(entry, objectClass)) {
            String key = value.trim().toLowerCase(Locale.ROOT);
            if (key.equals(name) || key.equals(oid)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> strings(DirectoryEntry entry, AttributeType type) {
        List<String> values = new ArrayList<>();
        for (EntryAttribute attribute : entry.ofType(type)) {
            for (byte[] value : attribute.values()) {
                values.add(new String(value, StandardCharsets.UTF_8));
            }
        }
        return values;
    }
}
