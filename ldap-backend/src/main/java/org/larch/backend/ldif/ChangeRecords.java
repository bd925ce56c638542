package org.larch.backend.ldif;

import java.util.Locale;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.directory.api.ldap.model.entry.ModificationOperation;
import org.apache.directory.api.ldap.model.name.Dn;
import org.larch.backend.LdapOperationException;
import org.larch.backend.entry.AttributeDescription;
import org.larch.backend.request.EntryModification;
import org.larch.backend.schema.DirectorySchema;
import org.larch.backend.store.DnNames;

/**
 * Reads the {@code changetype:} of a record (RFC 2849): content records and {@code add} give the
 * attribute lines of a new entry; {@code delete}, {@code modify} (add/delete/replace/increment groups
 * ended by {@code -}) and {@code modrdn}/{@code moddn} give the change. Controls are refused.
 */
final class ChangeRecords {
    private static final Map<String, ModificationOperation> OPERATIONS = Map.of(
            "add", ModificationOperation.ADD_ATTRIBUTE,
            "delete", ModificationOperation.REMOVE_ATTRIBUTE,
            "replace", ModificationOperation.REPLACE_ATTRIBUTE,
            "increment", ModificationOperation.INCREMENT_ATTRIBUTE);

    private final DirectorySchema schema;
    private final String file;

    ChangeRecords(DirectorySchema schema, String file) {
        this.schema = schema;
        this.file = file;
    }

    /** The change of {@code record} (its DN already parsed). */
    LdifChange read(Dn dn, List<LdifLine> record) {
        int lineNumber = record.getFirst().lineNumber();
        if (record.size() > 1 && record.get(1).is("control")) {
            throw problem(record.get(1), dn, "controls in LDIF change records are not supported");
        }
        if (record.size() < 2 || !record.get(1).is("changetype")) {
            return new LdifChange.Add(dn, lineNumber, record.subList(1, record.size()));
        }
        LdifLine changeType = record.get(1);
        List<LdifLine> rest = record.subList(2, record.size());
        return switch (changeType.text().strip().toLowerCase(Locale.ROOT)) {
            case "add" -> new LdifChange.Add(dn, lineNumber, rest);
            case "delete" -> delete(dn, lineNumber, rest);
            case "modify" -> new LdifChange.Modify(dn, lineNumber, modifications(dn, rest));
            case "modrdn", "moddn" -> modifyDn(dn, lineNumber, changeType, rest);
            default -> throw problem(changeType, dn, "unknown changetype \"" + changeType.text()
                    + "\" (add, delete, modify, modrdn, moddn)");
        };
    }

    private LdifChange delete(Dn dn, int lineNumber, List<LdifLine> rest) {
        if (!rest.isEmpty()) {
            throw problem(rest.getFirst(), dn, "a delete record has no further lines");
        }
        return new LdifChange.Delete(dn, lineNumber);
    }

    private List<EntryModification> modifications(Dn dn, List<LdifLine> lines) {
        List<EntryModification> modifications = new ArrayList<>();
        int index = 0;
        while (index < lines.size()) {
            LdifLine header = lines.get(index++);
            ModificationOperation operation = OPERATIONS.get(header.name().toLowerCase(Locale.ROOT));
            if (operation == null) {
                throw problem(header, dn, "expected add:, delete:, replace: or increment:, not " + header.name() + ":");
            }
            String attribute = header.text().strip();
            List<byte[]> values = new ArrayList<>();
            for (; index < lines.size() && !lines.get(index).is("-"); index++) {
                LdifLine value = lines.get(index);
                if (!AttributeDescription.parse(value.name()).sameAs(AttributeDescription.parse(attribute))) {
                    throw problem(value, dn, "a value of " + value.name() + " in the " + header.name() + ": " + attribute
                            + " group");
                }
                values.add(value.value());
            }
            index++;
            modifications.add(new EntryModification(operation, AttributeDescription.parse(attribute), values));
        }
        return modifications;
    }

    private LdifChange modifyDn(Dn dn, int lineNumber, LdifLine changeType, List<LdifLine> rest) {
        if (rest.size() < 2 || !rest.get(0).is("newrdn") || !rest.get(1).is("deleteoldrdn")) {
            throw problem(changeType, dn, "a " + changeType.text().strip() + " record needs newrdn: and deleteoldrdn: lines");
        }
        String deleteOld = rest.get(1).text().strip();
        if (!deleteOld.equals("0") && !deleteOld.equals("1")) {
            throw problem(rest.get(1), dn, "deleteoldrdn must be 0 or 1, not " + deleteOld);
        }
        Dn newSuperior = null;
        if (rest.size() > 2) {
            if (!rest.get(2).is("newsuperior") || rest.size() > 3) {
                throw problem(rest.get(2), dn, "expected newsuperior: as the last line, not " + rest.get(2).name() + ":");
            }
            newSuperior = parseDn(rest.get(2), dn);
        }
        try {
            return new LdifChange.ModifyDn(dn, lineNumber, DnNames.parseRdn(schema.schemaManager(), rest.get(0).text()),
                    deleteOld.equals("1"), newSuperior);
        } catch (LdapOperationException | IllegalArgumentException e) {
            throw problem(rest.get(0), dn, "invalid newrdn \"" + rest.get(0).text() + "\": " + e.getMessage());
        }
    }

    private Dn parseDn(LdifLine line, Dn dn) {
        try {
            return DnNames.parse(schema.schemaManager(), line.text());
        } catch (LdapOperationException | IllegalArgumentException e) {
            throw problem(line, dn, "invalid DN \"" + line.text() + "\": " + e.getMessage());
        }
    }

    private LdifException problem(LdifLine line, Dn dn, String reason) {
        return new LdifException(new LdifProblem(file, line.lineNumber(), dn.getName(), reason));
    }
}
