package org.larch.backend.schema;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.directory.api.ldap.model.message.ResultCodeEnum;
import org.apache.directory.api.ldap.model.name.Ava;
import org.apache.directory.api.ldap.model.schema.AttributeType;
import org.larch.backend.LdapOperationException;
import org.larch.backend.entry.AttributeDescription;
import org.larch.backend.entry.DirectoryEntry;
import org.larch.backend.entry.EntryAttribute;

/**
 * The values of an entry's RDN must be values of the entry (RFC 4512 section 2.3). On add, slapd
 * quietly adds missing ones ({@link #addMissing}: the backend's add calls it before checking); after a
 * modify or modDN, a missing RDN value is an error ({@link #checkPresent}: notAllowedOnRdn with slapd's
 * message {@code "value of naming attribute 'cn' is not present in entry"}).
 */
final class RdnValues {
    private final DirectorySchema schema;
    private final AttributeValues values;

    RdnValues(DirectorySchema schema, AttributeValues values) {
        this.schema = schema;
        this.values = values;
    }

    /** Throws notAllowedOnRdn when a value of the entry's RDN is not a value of the entry. */
    void checkPresent(DirectoryEntry entry) {
        for (Ava ava : rdnAvas(entry)) {
            AttributeType type = schema.requireAttributeType(ava.getType());
            if (!isPresent(entry, type, rdnValue(ava))) {
                throw new LdapOperationException(ResultCodeEnum.NOT_ALLOWED_ON_RDN,
                        "value of naming attribute '" + ava.getType() + "' is not present in entry");
            }
        }
    }

    /** Adds each RDN value the entry lacks, as the client wrote it in the DN, as slapd does on add. */
    void addMissing(DirectoryEntry entry) {
        for (Ava ava : rdnAvas(entry)) {
            AttributeType type = schema.requireAttributeType(ava.getType());
            byte[] value = rdnValue(ava);
            if (!isPresent(entry, type, value)) {
                addValue(entry, ava.getType(), type, value);
            }
        }
    }

    private static List<Ava> rdnAvas(DirectoryEntry entry) {
        List<Ava> avas = new ArrayList<>();
        if (entry.dn() != null && !entry.dn().isEmpty()) {
            entry.dn().getRdn().forEach(avas::add);
        }
        return avas;
    }

    private static byte[] rdnValue(Ava ava) {
        return ava.getValue().isHumanReadable()
                ? ava.getValue().getString().getBytes(StandardCharsets.UTF_8)
                : ava.getValue().getBytes();
    }

    private boolean isPresent(DirectoryEntry entry, AttributeType type, byte[] rdnValue) {
        byte[] wanted = values.equalityKeyOrNull(type, rdnValue);
        for (EntryAttribute attribute : entry.ofType(type)) {
            if (!attribute.description().options().isEmpty()) {
                continue;
            }
            for (byte[] value : attribute.values()) {
                byte[] key = values.equalityKeyOrNull(type, value);
                if (key != null && Arrays.equals(key, wanted)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void addValue(DirectoryEntry entry, String typeText, AttributeType type, byte[] value) {
        for (EntryAttribute attribute : entry.ofType(type)) {
            if (attribute.description().options().isEmpty()) {
                attribute.values().add(value);
                return;
            }
        }
        entry.attributes().add(new EntryAttribute(AttributeDescription.parse(typeText), type, List.of(value)));
    }
}
