package org.larch.backend.schema;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import java.util.ArrayList;
import java.util.List;
import org.larch.backend.entry.DirectoryEntry;
import org.larch.backend.entry.EntryAttribute;

/** Converts a DirectoryEntry into UnboundID's Entry, as a client would receive it. */
final class UnboundIdEntries {

    private UnboundIdEntries() {}

    static Entry toUnboundId(DirectoryEntry entry) {
        List<Attribute> attributes = new ArrayList<>();
        for (EntryAttribute attribute : entry.attributes()) {
            attributes.add(new Attribute(attribute.description().text(), attribute.values().toArray(byte[][]::new)));
        }
        return new Entry(entry.dn().getName(), attributes);
    }
}
