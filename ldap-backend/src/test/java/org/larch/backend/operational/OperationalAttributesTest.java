package org.larch.backend.operational;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.directory.api.ldap.model.name.Dn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.larch.backend.Identity;
import org.larch.backend.csn.Csn;
import org.larch.backend.entry.AttributeDescription;
import org.larch.backend.entry.DirectoryEntry;
import org.larch.backend.entry.EntryAttribute;
import org.larch.backend.schema.DirectorySchema;

class OperationalAttributesTest {
    private static DirectorySchema schema;
    private static OperationalAttributes operational;
    private static final Csn FIRST = Csn.parse("20261122001500.123456Z#000000#001#000000");
    private static final Csn SECOND = Csn.parse("20261122001733.000001Z#000003#001#000000");

    @BeforeAll
    static void loadSchema() {
        schema = DirectorySchema.load(List.of());
        operational = new OperationalAttributes(schema);
    }

    @Test
    void addWritesEveryOperationalAttribute() throws Exception {
        DirectoryEntry entry = person();
        Identity admin = new Identity(new Dn("cn=Admin,dc=example,dc=com"), true);
        operational.stampAdd(entry, admin, FIRST, "person");

        assertEquals("20261122001500.123456Z#000000#001#000000", text(entry, "entryCSN"));
        assertEquals("20261122001500Z", text(entry, "createTimestamp"));
        assertEquals("20261122001500Z", text(entry, "modifyTimestamp"));
        assertEquals("cn=Admin,dc=example,dc=com", text(entry, "creatorsName"));
        assertEquals("cn=Admin,dc=example,dc=com", text(entry, "modifiersName"));
        assertEquals("person", text(entry, "structuralObjectClass"));
        assertEquals(7, UUID.fromString(text(entry, "entryUUID")).version());
        assertEquals("objectClass", entry.attributes().getFirst().description().text(), "user attributes stay first");
    }

    @Test
    void anonymousIsWrittenAsTheEmptyDn() {
        DirectoryEntry entry = person();
        operational.stampAdd(entry, Identity.anonymous(), FIRST, "person");
        assertEquals("", text(entry, "creatorsName"));
    }

    @Test
    void eachAddGetsItsOwnUuid() {
        DirectoryEntry one = person();
        DirectoryEntry two = person();
        operational.stampAdd(one, Identity.anonymous(), FIRST, "person");
        operational.stampAdd(two, Identity.anonymous(), SECOND, "person");
        assertNotEquals(text(one, "entryUUID"), text(two, "entryUUID"));
    }

    @Test
    void addKeepsSeededValues() {
        DirectoryEntry entry = person();
        String seededUuid = "5f0bd2a4-2d0c-4f42-9c38-6c1f3b8c55aa";
        entry.attributes().add(attribute("entryUUID", seededUuid));
        entry.attributes().add(attribute("entryCSN", SECOND.format()));
        operational.stampAdd(entry, Identity.anonymous(), FIRST, "person");
        assertEquals(seededUuid, text(entry, "entryUUID"));
        assertEquals(SECOND.format(), text(entry, "entryCSN"));
        assertEquals(1, entry.get("entryCSN").values().size());
    }

    @Test
    void changeUpdatesCsnTimestampAndModifierInPlace() throws Exception {
        DirectoryEntry entry = person();
        operational.stampAdd(entry, Identity.anonymous(), FIRST, "person");
        int csnPosition = entry.attributes().indexOf(entry.get("entryCSN"));
        Identity user = new Identity(new Dn("cn=Alice,dc=example,dc=com"), false);

        operational.stampChange(entry, user, SECOND);

        assertEquals(SECOND.format(), text(entry, "entryCSN"));
        assertEquals(csnPosition, entry.attributes().indexOf(entry.get("entryCSN")));
        assertEquals("20261122001733Z", text(entry, "modifyTimestamp"));
        assertEquals("20261122001500Z", text(entry, "createTimestamp"));
        assertEquals("cn=Alice,dc=example,dc=com", text(entry, "modifiersName"));
        assertEquals("", text(entry, "creatorsName"));
        assertEquals(SECOND, operational.entryCsn(entry));
    }

    @Test
    void contextCsnOnlyRises() {
        DirectoryEntry suffix = new DirectoryEntry(Dn.EMPTY_DN);
        assertNull(operational.contextCsn(suffix));
        assertTrue(operational.raiseContextCsn(suffix, FIRST));
        assertTrue(operational.raiseContextCsn(suffix, SECOND));
        assertFalse(operational.raiseContextCsn(suffix, FIRST), "an older CSN leaves contextCSN alone");
        assertEquals(SECOND, operational.contextCsn(suffix));
        assertEquals(1, suffix.get("contextCSN").values().size());
    }

    @Test
    void contextCsnKeepsOneValuePerServer() {
        DirectoryEntry suffix = new DirectoryEntry(Dn.EMPTY_DN);
        Csn otherServer = Csn.parse("20261122001600.000000Z#000000#002#000000");
        operational.raiseContextCsn(suffix, FIRST);
        assertTrue(operational.raiseContextCsn(suffix, otherServer));
        assertTrue(operational.raiseContextCsn(suffix, SECOND));
        assertEquals(List.of(SECOND.format(), otherServer.format()), texts(suffix, "contextCSN"));
        assertEquals(SECOND, operational.contextCsn(suffix));
    }

    @Test
    void generalizedTimeIsUtcToTheSecond() {
        assertEquals("20261122001500Z", GeneralizedTime.ofSeconds(Instant.parse("2026-11-22T00:15:00.999Z")));
    }

    private static DirectoryEntry person() {
        try {
            DirectoryEntry entry = new DirectoryEntry(new Dn("cn=Bob,dc=example,dc=com"));
            entry.attributes().add(attribute("objectClass", "person"));
            entry.attributes().add(attribute("cn", "Bob"));
            entry.attributes().add(attribute("sn", "Builder"));
            return entry;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static EntryAttribute attribute(String name, String value) {
        return new EntryAttribute(
                AttributeDescription.parse(name),
                schema.attributeType(name),
                List.of(value.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> texts(DirectoryEntry entry, String name) {
        return entry.get(name).values().stream().map(value -> new String(value, StandardCharsets.UTF_8)).toList();
    }

    private static String text(DirectoryEntry entry, String name) {
        EntryAttribute attribute = entry.get(name);
        assertEquals(1, attribute.values().size(), name + " has one value");
        return new String(attribute.values().getFirst(), StandardCharsets.UTF_8);
    }
}
