package org.larch.backend.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.schema.AttributeTypeDefinition;
import com.unboundid.ldap.sdk.schema.MatchingRuleUseDefinition;
import com.unboundid.ldap.sdk.schema.ObjectClassDefinition;
import com.unboundid.ldap.sdk.schema.ObjectClassType;
import com.unboundid.ldap.sdk.schema.Schema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.larch.backend.entry.DirectoryEntry;

class SubschemaEntryTest {
    @TempDir
    Path directory;

    @Test
    void unboundIdParsesEveryDefinitionIncludingACustomSchema() throws Exception {
        Path file = Files.writeString(directory.resolve("example.schema"), DirectorySchemaTest.CUSTOM_SCHEMA);
        DirectorySchema schema = DirectorySchema.load(List.of(file));
        Entry entry = UnboundIdEntries.toUnboundId(SubschemaEntry.build(schema));

        Schema parsed = new Schema(entry);

        ObjectClassDefinition inetOrgPerson = parsed.getObjectClass("inetOrgPerson");
        assertNotNull(inetOrgPerson);
        assertEquals("2.16.840.1.113730.3.2.2", inetOrgPerson.getOID());
        assertEquals(ObjectClassType.STRUCTURAL, inetOrgPerson.getObjectClassType());
        AttributeTypeDefinition badge = parsed.getAttributeType("exampleBadge");
        assertNotNull(badge);
        assertEquals("1.3.6.1.4.1.55555.1.1", badge.getOID());
        assertTrue(badge.isSingleValued());
        assertNotNull(parsed.getObjectClass("exampleBadgeHolder"));
        assertNotNull(parsed.getAttributeType("numSubordinates"));
        assertNotNull(parsed.getMatchingRule("caseIgnoreMatch"));
        assertNotNull(parsed.getAttributeSyntax("1.3.6.1.4.1.1466.115.121.1.15"));
        assertEverythingParsed(schema, entry, parsed);
    }

    private static void assertEverythingParsed(DirectorySchema schema, Entry entry, Schema parsed) {
        assertEquals(entry.getAttribute("attributeTypes").size(), parsed.getAttributeTypes().size());
        assertEquals(entry.getAttribute("objectClasses").size(), parsed.getObjectClasses().size());
        assertEquals(entry.getAttribute("ldapSyntaxes").size(), parsed.getAttributeSyntaxes().size());
        assertEquals(entry.getAttribute("matchingRules").size(), parsed.getMatchingRules().size());
        assertEquals(entry.getAttribute("matchingRuleUse").size(), parsed.getMatchingRuleUses().size());
        assertEquals(schema.schemaManager().getAttributeTypeRegistry().size(), parsed.getAttributeTypes().size());
        assertEquals(schema.schemaManager().getObjectClassRegistry().size(), parsed.getObjectClasses().size());
    }

    @Test
    void matchingRuleUseListsTheTypesARuleAppliesTo() throws Exception {
        Schema parsed = new Schema(UnboundIdEntries.toUnboundId(SubschemaEntry.build(SharedSchema.get())));
        MatchingRuleUseDefinition caseIgnore = parsed.getMatchingRuleUse("caseIgnoreMatch");
        assertNotNull(caseIgnore);
        Set<String> applies = Set.of(caseIgnore.getApplicableAttributeTypes());
        assertTrue(applies.contains("2.5.4.3"), "cn: " + applies);
        assertTrue(applies.contains("2.5.4.13"), "description: " + applies);
        assertTrue(!applies.contains("1.3.6.1.1.1.1.0"), "uidNumber is an integer: " + applies);
    }

    @Test
    void theEntryIsASubschemaSubentryWithTimestamps() {
        DirectoryEntry entry = SubschemaEntry.build(SharedSchema.get());
        assertEquals("cn=Subschema", entry.dn().getName());
        assertEquals(List.of("top", "subentry", "subschema"), TestEntries.values(entry, "objectClass"));
        assertEquals(List.of("Subschema"), TestEntries.values(entry, "cn"));
        String created = TestEntries.values(entry, "createTimestamp").getFirst();
        assertTrue(created.matches("\\d{14}Z"), created);
        assertEquals(List.of(created), TestEntries.values(entry, "modifyTimestamp"));
        assertNotNull(entry.get("attributeTypes").type(), "types are resolved through the schema");
        assertTrue(DirectorySchema.isOperational(entry.get("attributeTypes").type()));
    }

    @Test
    void definitionsAreSortedByOidArcs() {
        List<String> types = TestEntries.values(SubschemaEntry.build(SharedSchema.get()), "attributeTypes");
        int cn = indexOfOid(types, "2.5.4.3");
        int o = indexOfOid(types, "2.5.4.10");
        assertTrue(cn >= 0 && o > cn, cn + " " + o);
    }

    private static int indexOfOid(List<String> definitions, String oid) {
        for (int i = 0; i < definitions.size(); i++) {
            if (definitions.get(i).startsWith("( " + oid + " ")) {
                return i;
            }
        }
        return -1;
    }
}
