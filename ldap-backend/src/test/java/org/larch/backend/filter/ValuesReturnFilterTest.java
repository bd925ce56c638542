package org.larch.backend.filter;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.apache.directory.api.ldap.model.filter.ExprNode;
import org.apache.directory.api.ldap.model.filter.FilterParser;
import org.larch.backend.entry.DirectoryEntry;
import org.larch.backend.entry.EntryAttribute;
import org.larch.backend.schema.DirectorySchema;
import org.junit.jupiter.api.Test;

class ValuesReturnFilterTest {
    private static final DirectorySchema SCHEMA = DirectorySchema.load(List.of());
    private final ValuesReturnFilter filter = new ValuesReturnFilter(new FilterEvaluator(SCHEMA));
    private final DirectoryEntry entry = TestEntries.entry(SCHEMA, "cn=staff,dc=example,dc=com",
            "objectClass: groupOfNames",
            "cn: staff",
            "cn;lang-en: Staff Members",
            "member: cn=alice,dc=example,dc=com",
            "member: cn=bob,dc=example,dc=com",
            "member: cn=carol,ou=x,dc=example,dc=com",
            "description: one",
            "description: two");

    @Test
    void keepsOnlyMatchingValuesOfMentionedAttributes() throws Exception {
        DirectoryEntry filtered = filter.apply(items("(member=CN=Bob,DC=Example,DC=Com)", "(description=t*)"), entry);
        assertEquals(List.of("cn=bob,dc=example,dc=com"), values(filtered, "member"));
        assertEquals(List.of("two"), values(filtered, "description"));
        assertNull(filtered.get("cn"), "attributes without a matching value are left out");
        assertEquals(3, entry.get("member").values().size(), "the original entry is unchanged");
    }

    @Test
    void itemsMatchSubtypesOptionsAndPresence() throws Exception {
        DirectoryEntry filtered = filter.apply(items("(name=staff members)", "(description=*)"), entry);
        assertEquals(List.of("Staff Members"), values(filtered, "cn;lang-en"));
        assertNull(filtered.get("cn"));
        assertEquals(List.of("one", "two"), values(filtered, "description"));
    }

    @Test
    void undefinedItemsMatchNothing() throws Exception {
        DirectoryEntry filtered = filter.apply(items("(noSuchAttribute=x)", "(member>=cn=a)"), entry);
        assertEquals(0, filtered.attributes().size());
    }

    private static List<ExprNode> items(String... filters) throws Exception {
        List<ExprNode> items = new ArrayList<>();
        for (String text : filters) {
            items.add(FilterParser.parse(text));
        }
        return items;
    }

    private static List<String> values(DirectoryEntry filtered, String description) {
        EntryAttribute attribute = filtered.get(description);
        return attribute == null ? List.of() : attribute.values().stream().map(v -> new String(v, UTF_8)).toList();
    }
}
