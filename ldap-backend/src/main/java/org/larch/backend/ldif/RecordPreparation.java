package org.larch.backend.ldif;

import java.util.List;
import java.util.function.Function;
import org.apache.directory.api.ldap.model.name.Dn;
import org.apache.directory.api.ldap.model.schema.AttributeType;
import org.larch.backend.Identity;
import org.larch.backend.LdapOperationException;
import org.larch.backend.csn.CsnGenerator;
import org.larch.backend.entry.DirectoryEntry;
import org.larch.backend.index.EntryIndexKeys;
import org.larch.backend.operational.OperationalAttributes;
import org.larch.backend.schema.DirectorySchema;

/**
 * The reading side of an import: reads the next record and does all the work that needs no store —
 * the DN, the entry, the schema check (unless skipped), the operational attributes the file did not
 * bring (the importer as creator), the index keys. Runs on the {@link RecordPipeline}'s reader thread.
 */
final class RecordPreparation {
    private final LdifRecordReader reader;
    private final DirectorySchema schema;
    private final LdifEntries entries;
    private final ChangeRecords changes;
    private final ImportOptions options;
    private final OperationalAttributes operational;
    private final CsnGenerator csns;
    private final Identity importer;
    private final Function<DirectoryEntry, EntryIndexKeys> indexKeys;
    private final AttributeType structuralObjectClass;
    private final SeenDns seenDns = new SeenDns();
    private final AttributeType entryUuid;
    private final Dn suffix;

    RecordPreparation(LdifRecordReader reader, DirectorySchema schema, ImportOptions options,
            OperationalAttributes operational, CsnGenerator csns, Identity importer,
            Function<DirectoryEntry, EntryIndexKeys> indexKeys, Dn suffix) {
        this.reader = reader;
        this.schema = schema;
        this.entries = new LdifEntries(schema);
        this.changes = new ChangeRecords(schema, reader.file());
        this.options = options;
        this.operational = operational;
        this.csns = csns;
        this.importer = importer;
        this.indexKeys = indexKeys;
        this.structuralObjectClass = schema.requireAttributeType("structuralObjectClass");
        this.entryUuid = schema.requireAttributeType("entryUUID");
        this.suffix = suffix;
    }

    /** The next record, prepared; null at the end of the file. Change records are left out with dryRun. */
    ReadRecord next() {
        while (true) {
            try {
                List<LdifLine> record = reader.next();
                if (record == null) {
                    return null;
                }
                Dn dn = entries.dn(record, reader.file());
                LdifChange change = changes.read(dn, record);
                if (change instanceof LdifChange.Add add) {
                    DirectoryEntry entry = entries.entry(dn, add.attributeLines());
                    return new ReadRecord.Entry(prepare(entry, add.lineNumber()), reader.charactersRead());
                }
                if (!options.dryRun()) {
                    return new ReadRecord.Change(change);
                }
            } catch (LdifException e) {
                return new ReadRecord.Problem(e.problem());
            }
        }
    }

    /** Schema check (unless skipped), then the operational attributes the file did not bring, then the index keys. */
    private PreparedEntry prepare(DirectoryEntry entry, int lineNumber) {
        boolean uuidFromFile = entry.hasType(entryUuid);
        Dn parentDn = parentBelowSuffix(entry.dn());
        boolean firstOfItsDn = seenDns.addIfNew(entry.dn().getNormName());
        try {
            String structural = options.skipSchemaCheck() ? null : schema.check(entry);
            boolean hasStructural = entry.hasType(structuralObjectClass);
            operational.stampAdd(entry, importer, csns.next(), hasStructural ? null : structural);
        } catch (LdapOperationException e) {
            return PreparedEntry.failed(entry, lineNumber, e, uuidFromFile, parentDn, firstOfItsDn);
        }
        return new PreparedEntry(entry, lineNumber, indexKeys.apply(entry), null, uuidFromFile, parentDn, firstOfItsDn);
    }

    /** The parent of {@code dn} if {@code dn} lies below the suffix; null for the suffix and DNs outside it. */
    private Dn parentBelowSuffix(Dn dn) {
        return suffix.isAncestorOf(dn) && !dn.equals(suffix) ? entries.parentOf(dn) : null;
    }
}
