package org.larch.backend.ops;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.directory.api.ldap.model.message.ResultCodeEnum;
import org.apache.directory.api.ldap.model.schema.AttributeType;
import org.larch.backend.LdapOperationException;
import org.larch.backend.match.MatchingRules;
import org.larch.backend.entry.DirectoryEntry;
import org.larch.backend.entry.EntryAttribute;
import org.larch.backend.request.EntryModification;
import org.larch.backend.schema.DirectorySchema;

/**
 * Applies a ModifyRequest's changes, in order, to a copy of an entry (RFC 4511 section 4.6, RFC 4525
 * for increment). Pure logic: the caller schema-checks the result and stores it. Messages follow
 * slapd's ({@code modify/add: cn: value #0 already exists}).
 *
 * <ul>
 *   <li>add: values already present, or given twice → attributeOrValueExists;
 *   <li>delete: without values removes the attribute; an absent attribute or value → noSuchAttribute;
 *   <li>replace: without values removes the attribute if present; else the values replace the old ones
 *       in the attribute's place;
 *   <li>increment: one integer value added to every value of an integer-syntax attribute.
 * </ul>
 * That the RDN's values remain (notAllowedOnRDN) is part of the schema check of the result.
 */
public final class ModificationApplier {
    private static final String INTEGER_SYNTAX_OID = "1.3.6.1.4.1.1466.115.121.1.27";

    private final DirectorySchema schema;
    private final EntryValues values;

    public ModificationApplier(DirectorySchema schema, MatchingRules rules) {
        this.schema = schema;
        this.values = new EntryValues(rules);
    }

    /** The entry after the modifications; {@code before} is left unchanged. */
    public DirectoryEntry apply(DirectoryEntry before, List<EntryModification> modifications) {
        DirectoryEntry after = before.copy();
        for (EntryModification modification : modifications) {
            apply(after, modification);
        }
        return after;
    }

    private void apply(DirectoryEntry entry, EntryModification modification) {
        AttributeType type = resolve(modification);
        switch (modification.operation()) {
            case ADD_ATTRIBUTE -> add(entry, type, modification);
            case REMOVE_ATTRIBUTE -> delete(entry, type, modification);
            case REPLACE_ATTRIBUTE -> replace(entry, type, modification);
            case INCREMENT_ATTRIBUTE -> increment(entry, type, modification);
        }
    }

    private AttributeType resolve(EntryModification modification) {
        AttributeType type = schema.attributeType(modification.attribute().type());
        if (type == null) {
            throw new LdapOperationException(ResultCodeEnum.UNDEFINED_ATTRIBUTE_TYPE,
                    modification.attribute().text() + ": attribute type undefined");
        }
        return type;
    }

    private void add(DirectoryEntry entry, AttributeType type, EntryModification modification) {
        if (modification.values().isEmpty()) {
            throw failure(ResultCodeEnum.PROTOCOL_ERROR, "modify/add", modification, "no values given");
        }
        requireNoDuplicates(type, modification, "modify/add");
        EntryAttribute attribute = values.find(entry, type, modification.attribute());
        if (attribute == null) {
            entry.attributes().add(new EntryAttribute(modification.attribute(), type, copies(modification)));
            return;
        }
        Map<ByteBuffer, Integer> present = values.positionsByKey(type, attribute.values());
        for (int index = 0; index < modification.values().size(); index++) {
            if (present.containsKey(values.key(type, modification.values().get(index)))) {
                throw failure(ResultCodeEnum.ATTRIBUTE_OR_VALUE_EXISTS, "modify/add", modification,
                        "value #" + index + " already exists");
            }
        }
        attribute.values().addAll(copies(modification));
    }

    private void delete(DirectoryEntry entry, AttributeType type, EntryModification modification) {
        EntryAttribute attribute = values.find(entry, type, modification.attribute());
        if (attribute == null) {
            throw failure(ResultCodeEnum.NO_SUCH_ATTRIBUTE, "modify/delete", modification, "no such attribute");
        }
        Map<ByteBuffer, Integer> present = values.positionsByKey(type, attribute.values());
        Set<Integer> removed = new TreeSet<>(Comparator.reverseOrder());
        for (int index = 0; index < modification.values().size(); index++) {
            Integer found = present.get(values.key(type, modification.values().get(index)));
            if (found == null || !removed.add(found)) {
                throw failure(ResultCodeEnum.NO_SUCH_ATTRIBUTE, "modify/delete", modification,
                        "value #" + index + " not found");
            }
        }
        for (int position : removed) {
            attribute.values().remove(position);
        }
        if (modification.values().isEmpty() || attribute.values().isEmpty()) {
            entry.attributes().remove(attribute);
        }
    }

    private void replace(DirectoryEntry entry, AttributeType type, EntryModification modification) {
        requireNoDuplicates(type, modification, "modify/replace");
        EntryAttribute attribute = values.find(entry, type, modification.attribute());
        if (modification.values().isEmpty()) {
            entry.attributes().remove(attribute);
        } else if (attribute == null) {
            entry.attributes().add(new EntryAttribute(modification.attribute(), type, copies(modification)));
        } else {
            attribute.values().clear();
            attribute.values().addAll(copies(modification));
        }
    }

    private void increment(DirectoryEntry entry, AttributeType type, EntryModification modification) {
        if (modification.values().size() != 1) {
            throw failure(ResultCodeEnum.PROTOCOL_ERROR, "modify/increment", modification,
                    "requires a single value");
        }
        EntryAttribute attribute = values.find(entry, type, modification.attribute());
        if (attribute == null) {
            throw failure(ResultCodeEnum.NO_SUCH_ATTRIBUTE, "modify/increment", modification, "no such attribute");
        }
        if (type.getSyntax() == null || !INTEGER_SYNTAX_OID.equals(type.getSyntax().getOid())) {
            throw failure(ResultCodeEnum.CONSTRAINT_VIOLATION, "modify/increment", modification, "type not integer");
        }
        BigInteger delta = integer(modification.values().getFirst(), modification, "invalid syntax of increment");
        List<byte[]> current = attribute.values();
        for (int index = 0; index < current.size(); index++) {
            BigInteger value = integer(current.get(index), modification, "stored value not an integer");
            current.set(index, value.add(delta).toString().getBytes(StandardCharsets.US_ASCII));
        }
    }

    private void requireNoDuplicates(AttributeType type, EntryModification modification, String what) {
        int duplicate = values.firstDuplicate(type, modification.values());
        if (duplicate >= 0) {
            throw failure(ResultCodeEnum.ATTRIBUTE_OR_VALUE_EXISTS, what, modification,
                    "value #" + duplicate + " provided more than once");
        }
    }

    private static BigInteger integer(byte[] value, EntryModification modification, String problem) {
        try {
            return new BigInteger(new String(value, StandardCharsets.UTF_8).trim());
        } catch (NumberFormatException e) {
            throw failure(ResultCodeEnum.INVALID_ATTRIBUTE_SYNTAX, "modify/increment", modification, problem);
        }
    }

    private static List<byte[]> copies(EntryModification modification) {
        return modification.values().stream().map(byte[]::clone).toList();
    }

    private static LdapOperationException failure(
            ResultCodeEnum code, String what, EntryModification modification, String problem) {
        return new LdapOperationException(code, what + ": " + modification.attribute().text() + ": " + problem);
    }
}
