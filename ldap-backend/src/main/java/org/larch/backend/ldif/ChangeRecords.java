package org.larch.backend.ldif;

import java.util.List;
import org.apache.directory.api.ldap.model.name.Dn;

/**
 * The {@code changetype:} line of a record: content records and {@code changetype: add} give their
 * attribute lines; other change types are refused for now.
 */
final class ChangeRecords {
    private ChangeRecords() {
    }

    /** The attribute lines of an add: the record without its dn: (and changetype: add) line. */
    static List<LdifLine> contentLines(List<LdifLine> record, String file, Dn dn) {
        if (record.size() > 1 && record.get(1).is("control")) {
            throw new LdifException(new LdifProblem(file, record.get(1).lineNumber(), dn.getName(),
                    "controls in LDIF change records are not supported"));
        }
        if (record.size() > 1 && record.get(1).is("changetype")) {
            LdifLine changeType = record.get(1);
            if (!changeType.text().strip().equalsIgnoreCase("add")) {
                throw new LdifException(new LdifProblem(file, changeType.lineNumber(), dn.getName(),
                        "changetype: " + changeType.text() + " is not supported by import yet (only add)"));
            }
            return record.subList(2, record.size());
        }
        return record.subList(1, record.size());
    }
}
