package org.larch.backend.schema;

import java.util.List;
import org.apache.directory.api.ldap.model.message.ResultCodeEnum;
import org.apache.directory.api.ldap.model.schema.AttributeType;
import org.larch.backend.LdapOperationException;
import org.larch.backend.entry.DirectoryEntry;
import org.larch.backend.entry.EntryAttribute;
import org.larch.backend.match.MatchingRules;

/**
 * Checks an entry against the schema as slapd's {@code entry_schema_check} does, in its order, with
 * its result codes and diagnostic messages:
 *
 * <ol>
 *   <li>each attribute: type defined (undefinedAttributeType, {@code "x: attribute type undefined"}),
 *       each value valid per syntax (invalidAttributeSyntax, {@code "x: value #n invalid per syntax"}),
 *       no value twice under the equality rule (attributeOrValueExists,
 *       {@code "x: value #n provided more than once"}), at most one value of a SINGLE-VALUE type
 *       (constraintViolation, {@code "attribute 'x' cannot have multiple values"});
 *   <li>the object classes ({@link ObjectClassRules}): objectClass present, every class known,
 *       exactly one structural chain, no abstract class on its own, every MUST present, every user
 *       attribute allowed by some class (extensibleObject allows all) — objectClassViolation;
 *   <li>the RDN's values present in the entry ({@link RdnValues}): notAllowedOnRdn,
 *       {@code "value of naming attribute 'x' is not present in entry"}.
 * </ol>
 *
 * Value numbers count from 0, as in slapd. Operational attributes (any USAGE but userApplications)
 * are checked for syntax and values but not against MUST/MAY. Syntax checks use the LDAP API's
 * syntax checkers, value equality the shared {@link MatchingRules} ({@link AttributeValues}).
 */
final class SchemaChecker {
    private final DirectorySchema schema;
    private final AttributeValues values;
    private final ObjectClassRules objectClassRules;

    SchemaChecker(DirectorySchema schema) {
        this.schema = schema;
        this.values = new AttributeValues(new MatchingRules(schema.schemaManager()));
        this.objectClassRules = new ObjectClassRules(schema);
    }

    /** The structural object class's name, or the first violation as an LdapOperationException. */
    String check(DirectoryEntry entry) {
        for (EntryAttribute attribute : entry.attributes()) {
            checkValues(attribute, resolve(attribute));
        }
        String structural = objectClassRules.check(entry);
        new RdnValues(schema, values).checkPresent(entry);
        return structural;
    }

    /** The attribute's schema type, resolving its description if the entry was built without one. */
    AttributeType resolve(EntryAttribute attribute) {
        AttributeType type = schema.typeOf(attribute);
        if (type == null) {
            throw new LdapOperationException(ResultCodeEnum.UNDEFINED_ATTRIBUTE_TYPE,
                    attribute.description().text() + ": attribute type undefined");
        }
        return type;
    }

    /** Adds the RDN values the entry lacks (see {@link RdnValues#addMissing}). */
    void addMissingRdnValues(DirectoryEntry entry) {
        new RdnValues(schema, values).addMissing(entry);
    }

    private void checkValues(EntryAttribute attribute, AttributeType type) {
        String name = attribute.description().text();
        List<byte[]> stored = attribute.values();
        DistinctKeys seen = stored.size() > 1 ? new DistinctKeys() : null;
        for (int index = 0; index < stored.size(); index++) {
            byte[] value = stored.get(index);
            byte[] key = values.isValid(type, value) ? values.equalityKeyOrNull(type, value) : null;
            if (key == null) {
                throw new LdapOperationException(ResultCodeEnum.INVALID_ATTRIBUTE_SYNTAX,
                        name + ": value #" + index + " invalid per syntax");
            }
            if (seen != null && !seen.add(key)) {
                throw new LdapOperationException(ResultCodeEnum.ATTRIBUTE_OR_VALUE_EXISTS,
                        name + ": value #" + index + " provided more than once");
            }
        }
        if (type.isSingleValued() && stored.size() > 1) {
            throw new LdapOperationException(ResultCodeEnum.CONSTRAINT_VIOLATION,
                    "attribute '" + name + "' cannot have multiple values");
        }
    }
}
