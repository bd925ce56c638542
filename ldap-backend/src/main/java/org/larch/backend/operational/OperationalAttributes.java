package org.larch.backend.operational;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.directory.api.ldap.model.schema.AttributeType;
import org.larch.backend.Identity;
import org.larch.backend.csn.Csn;
import org.larch.backend.entry.AttributeDescription;
import org.larch.backend.entry.DirectoryEntry;
import org.larch.backend.entry.EntryAttribute;
import org.larch.backend.schema.DirectorySchema;

/**
 * Writes the operational attributes an update leaves on an entry, as slapd's {@code lastmod} does.
 *
 * <p>On add: {@code entryUUID} (a time-ordered version 7 UUID, see {@link EntryUuidGenerator}: uuid2id
 * then grows at its right edge), {@code entryCSN}, {@code createTimestamp}
 * and {@code modifyTimestamp}, {@code creatorsName} and {@code modifiersName} (the bound DN; empty for
 * anonymous, as slapd writes), {@code structuralObjectClass}. Values already present are kept: only a
 * client allowed to seed them (see {@link NoUserModification}) can have put them there. On every
 * change: {@code entryCSN}, {@code modifyTimestamp}, {@code modifiersName}. The timestamps are the
 * CSN's time to the second, so an entry's CSN and timestamp never disagree.
 */
public final class OperationalAttributes {
    /** One for the process, so the UUIDs of all adds ascend together. */
    private static final EntryUuidGenerator UUIDS = new EntryUuidGenerator();
    /** The descriptions of the types this class writes, by type name (a handful: bounded). */
    private static final Map<String, AttributeDescription> DESCRIPTIONS = new ConcurrentHashMap<>();

    private final AttributeType entryUuid;
    private final AttributeType entryCsn;
    private final AttributeType createTimestamp;
    private final AttributeType modifyTimestamp;
    private final AttributeType creatorsName;
    private final AttributeType modifiersName;
    private final AttributeType structuralObjectClass;
    private final AttributeType contextCsn;

    public OperationalAttributes(DirectorySchema schema) {
        this.entryUuid = schema.requireAttributeType("entryUUID");
        this.entryCsn = schema.requireAttributeType("entryCSN");
        this.createTimestamp = schema.requireAttributeType("createTimestamp");
        this.modifyTimestamp = schema.requireAttributeType("modifyTimestamp");
        this.creatorsName = schema.requireAttributeType("creatorsName");
        this.modifiersName = schema.requireAttributeType("modifiersName");
        this.structuralObjectClass = schema.requireAttributeType("structuralObjectClass");
        this.contextCsn = schema.requireAttributeType("contextCSN");
    }

    /**
     * Stamps a new entry: every operational attribute an add writes, unless already present;
     * {@code structuralObjectClass} becomes {@code structuralClass} (left as it is when that is null).
     */
    public void stampAdd(DirectoryEntry entry, Identity who, Csn csn, String structuralClass) {
        byte[] name = utf8(bindName(who));
        byte[] timestamp = utf8(GeneralizedTime.ofSeconds(csn.time()));
        addIfAbsent(entry, entryUuid, utf8(UUIDS.next().toString()));
        addIfAbsent(entry, creatorsName, name);
        addIfAbsent(entry, createTimestamp, timestamp);
        addIfAbsent(entry, entryCsn, utf8(csn.format()));
        addIfAbsent(entry, modifiersName, name);
        addIfAbsent(entry, modifyTimestamp, timestamp);
        if (structuralClass != null) {
            replace(entry, structuralObjectClass, utf8(structuralClass));
        }
    }

    /** Stamps a changed entry (modify, modDN): who changed it, when, and its new CSN. */
    public void stampChange(DirectoryEntry entry, Identity who, Csn csn) {
        stampChange(entry, who, csn, Set.of());
    }

    /**
     * Stamps a changed entry, except the types in {@code seededOids}: values a client allowed to seed
     * them (see {@link NoUserModification}) wrote in this change, which stand as written.
     */
    public void stampChange(DirectoryEntry entry, Identity who, Csn csn, Set<String> seededOids) {
        replaceUnlessSeeded(entry, entryCsn, utf8(csn.format()), seededOids);
        replaceUnlessSeeded(entry, modifyTimestamp, utf8(GeneralizedTime.ofSeconds(csn.time())), seededOids);
        replaceUnlessSeeded(entry, modifiersName, utf8(bindName(who)), seededOids);
    }

    /**
     * Raises the suffix entry's {@code contextCSN} value of {@code csn}'s server to {@code csn} when it
     * is greater (a CSN seeded by replication may be older). As in OpenLDAP, {@code contextCSN} holds one
     * value per serverID. Returns whether the entry changed.
     */
    public boolean raiseContextCsn(DirectoryEntry suffix, Csn csn) {
        List<EntryAttribute> found = suffix.ofType(contextCsn);
        if (found.isEmpty()) {
            suffix.attributes().add(attribute(contextCsn, utf8(csn.format())));
            return true;
        }
        List<byte[]> values = found.getFirst().values();
        for (int index = 0; index < values.size(); index++) {
            Csn current = Csn.parse(new String(values.get(index), StandardCharsets.UTF_8));
            if (current.serverId() == csn.serverId()) {
                if (!csn.isAfter(current)) {
                    return false;
                }
                values.set(index, utf8(csn.format()));
                return true;
            }
        }
        values.add(utf8(csn.format()));
        return true;
    }

    /** The greatest {@code contextCSN} value of the entry (of any server), or null when it has none. */
    public Csn contextCsn(DirectoryEntry suffix) {
        Csn greatest = null;
        for (EntryAttribute attribute : suffix.ofType(contextCsn)) {
            for (byte[] value : attribute.values()) {
                Csn candidate = Csn.parse(new String(value, StandardCharsets.UTF_8));
                if (greatest == null || candidate.isAfter(greatest)) {
                    greatest = candidate;
                }
            }
        }
        return greatest;
    }

    /** The entry's {@code entryCSN}, or null when it has none. */
    public Csn entryCsn(DirectoryEntry entry) {
        List<EntryAttribute> found = entry.ofType(entryCsn);
        if (found.isEmpty() || found.getFirst().values().isEmpty()) {
            return null;
        }
        return Csn.parse(new String(found.getFirst().values().getFirst(), StandardCharsets.UTF_8));
    }

    /** The DN slapd writes for {@code who}: the bound DN as written, empty for anonymous. */
    private static String bindName(Identity who) {
        return who.isAnonymous() ? "" : who.dn().getName();
    }

    private static void replaceUnlessSeeded(DirectoryEntry entry, AttributeType type, byte[] value, Set<String> seededOids) {
        if (!seededOids.contains(type.getOid())) {
            replace(entry, type, value);
        }
    }

    private static void addIfAbsent(DirectoryEntry entry, AttributeType type, byte[] value) {
        if (!entry.hasType(type)) {
            entry.attributes().add(attribute(type, value));
        }
    }

    /** Replaces the values in place (the attribute keeps its position), or appends the attribute. */
    private static void replace(DirectoryEntry entry, AttributeType type, byte[] value) {
        List<EntryAttribute> found = entry.ofType(type);
        if (found.isEmpty()) {
            entry.attributes().add(attribute(type, value));
            return;
        }
        EntryAttribute first = found.getFirst();
        first.values().clear();
        first.values().add(value);
        for (EntryAttribute extra : found.subList(1, found.size())) {
            entry.attributes().remove(extra);
        }
    }

    private static EntryAttribute attribute(AttributeType type, byte[] value) {
        // one immutable description per operational type name, not a parse per stamped entry
        AttributeDescription description = DESCRIPTIONS.computeIfAbsent(type.getName(), AttributeDescription::parse);
        return new EntryAttribute(description, type, List.of(value));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
