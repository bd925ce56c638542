package org.larch.backend.schema;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.apache.directory.api.ldap.model.schema.AttributeType;
import org.apache.directory.api.ldap.model.schema.LdapSyntax;
import org.apache.directory.api.ldap.model.schema.MatchingRule;
import org.apache.directory.api.ldap.model.schema.MatchingRuleUse;
import org.apache.directory.api.ldap.model.schema.SchemaManager;
import org.apache.directory.api.ldap.model.schema.SchemaObject;
import org.apache.directory.api.ldap.model.schema.SchemaObjectRenderer;
import org.larch.backend.entry.DirectoryEntry;

/**
 * The subschema subentry {@code cn=Subschema} (RFC 4512 section 4.2) that ldapsearch, Apache
 * Directory Studio and client libraries read to learn the schema: attributeTypes, objectClasses,
 * ldapSyntaxes, matchingRules and matchingRuleUse in RFC 4512's value syntax, rendered by the LDAP
 * API's {@link SchemaObjectRenderer#SUBSCHEMA_SUBENTRY_RENDERER}, sorted by OID. createTimestamp and
 * modifyTimestamp are the time the schema was loaded.
 *
 * <p>The API keeps no matchingRuleUse, so it is computed as slapd does: a rule applies to every
 * attribute type that uses it (EQUALITY, ORDERING, SUBSTR) or whose syntax is the rule's syntax.
 */
public final class SubschemaEntry {
    /** The DN every entry's subschemaSubentry names. */
    public static final String DN = "cn=Subschema";
    private static final DateTimeFormatter GENERALIZED_TIME =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final SchemaObjectRenderer RENDERER = SchemaObjectRenderer.SUBSCHEMA_SUBENTRY_RENDERER;

    private SubschemaEntry() {}

    public static DirectoryEntry build(DirectorySchema schema) {
        SchemaManager manager = schema.schemaManager();
        String loaded = GENERALIZED_TIME.format(schema.loadedAt());
        return new EntryBuilder(schema, DN)
                .add("objectClass", "top", "subentry", "subschema")
                .add("cn", "Subschema")
                .add("ldapSyntaxes", render(manager.getLdapSyntaxRegistry(), RENDERER::render))
                .add("matchingRules", render(manager.getMatchingRuleRegistry(), RENDERER::render))
                .add("matchingRuleUse", render(matchingRuleUses(manager), RENDERER::render))
                .add("attributeTypes", render(manager.getAttributeTypeRegistry(), RENDERER::render))
                .add("objectClasses", render(manager.getObjectClassRegistry(), RENDERER::render))
                .add("createTimestamp", loaded)
                .add("modifyTimestamp", loaded)
                .build();
    }

    private static <T extends SchemaObject> List<String> render(Iterable<T> objects, Function<T, String> renderer) {
        List<T> sorted = new ArrayList<>();
        objects.forEach(sorted::add);
        sorted.sort(Comparator.comparing(SchemaObject::getOid, SubschemaEntry::compareOids));
        return sorted.stream().map(renderer).toList();
    }

    /** Numeric OIDs arc by arc, so 2.5.4.3 sorts before 2.5.4.10. */
    private static int compareOids(String left, String right) {
        String[] leftArcs = left.split("\\.");
        String[] rightArcs = right.split("\\.");
        for (int i = 0; i < Math.min(leftArcs.length, rightArcs.length); i++) {
            int order = compareArc(leftArcs[i], rightArcs[i]);
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(leftArcs.length, rightArcs.length);
    }

    private static int compareArc(String left, String right) {
        return left.length() != right.length() ? Integer.compare(left.length(), right.length()) : left.compareTo(right);
    }

    private static List<MatchingRuleUse> matchingRuleUses(SchemaManager manager) {
        List<MatchingRuleUse> uses = new ArrayList<>();
        for (MatchingRule rule : manager.getMatchingRuleRegistry()) {
            MatchingRuleUse use = new MatchingRuleUse(rule.getOid());
            use.setNames(rule.getNames());
            for (AttributeType type : manager.getAttributeTypeRegistry()) {
                if (applies(rule, type)) {
                    use.addApplicableAttribute(type);
                }
            }
            if (!use.getApplicableAttributes().isEmpty()) {
                uses.add(use);
            }
        }
        return uses;
    }

    private static boolean applies(MatchingRule rule, AttributeType type) {
        String oid = rule.getOid();
        LdapSyntax syntax = type.getSyntax();
        return oid.equals(type.getEqualityOid()) || oid.equals(type.getOrderingOid())
                || oid.equals(type.getSubstringOid())
                || (syntax != null && syntax.getOid().equals(rule.getSyntaxOid()));
    }
}
