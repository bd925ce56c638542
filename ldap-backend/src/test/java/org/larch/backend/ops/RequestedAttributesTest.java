package org.larch.backend.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.larch.backend.Identity;
import org.larch.backend.entry.DirectoryEntry;
import org.larch.backend.schema.DirectorySchema;

class RequestedAttributesTest {
    private static DirectorySchema schema;
    private static RequestedAttributes requested;
    private static DirectoryEntry alice;
    private static Identity root;

    @BeforeAll
    static void build() {
        schema = DirectoryFixture.schema();
        requested = new RequestedAttributes(schema);
        TestEntries entries = new TestEntries(schema);
        alice = entries.entry("cn=Alice,dc=example,dc=com", "objectClass: inetOrgPerson", "cn: Alice",
                "cn;lang-fr: Alix", "sn: Liddell", "userPassword: secret", "x-custom: kept as written",
                "entryCSN: 20261122001500.123456Z#000000#001#000000", "createTimestamp: 20261122001500Z");
        root = new Identity(entries.dn("cn=admin,dc=example,dc=com"), true);
    }

    @Test
    void noNamesOrStarMeanUserAttributes() {
        List<String> user = List.of("objectClass", "cn", "cn;lang-fr", "sn", "userPassword", "x-custom");
        assertEquals(user, names(List.of(), root));
        assertEquals(user, names(List.of("*"), root));
    }

    @Test
    void plusMeansOperationalAttributes() {
        assertEquals(List.of("entryCSN", "createTimestamp"), names(List.of("+"), root));
        assertEquals(6 + 2, names(List.of("*", "+"), root).size());
    }

    @Test
    void oneDotOneMeansNone() {
        assertEquals(List.of(), names(List.of("1.1"), root));
    }

    @Test
    void namesSelectSubtypesAliasesAndOptions() {
        assertEquals(List.of("cn", "cn;lang-fr", "sn"), names(List.of("name"), root));
        assertEquals(List.of("cn", "cn;lang-fr"), names(List.of("commonName"), root));
        assertEquals(List.of("cn;lang-fr"), names(List.of("CN;LANG-FR"), root));
        assertEquals(List.of("x-custom", "entryCSN"), names(List.of("X-CUSTOM", "entrycsn"), root));
    }

    @Test
    void passwordsOnlyForTheRootDn() {
        assertEquals(List.of("sn"), names(List.of("sn", "userPassword"), Identity.anonymous()));
        assertEquals(List.of("sn", "userPassword"), names(List.of("sn", "userPassword"), root));
    }

    @Test
    void theSelectionIsACopy() {
        DirectoryEntry selected = requested.select(alice, List.of("sn"), root);
        selected.attributes().getFirst().values().clear();
        assertEquals(1, alice.get("sn").values().size());
    }

    private static List<String> names(List<String> attributes, Identity who) {
        return requested.select(alice, attributes, who).attributes().stream()
                .map(attribute -> attribute.description().text()).toList();
    }
}
