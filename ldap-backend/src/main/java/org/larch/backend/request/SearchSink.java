package org.larch.backend.request;

import java.util.List;
import org.larch.backend.entry.DirectoryEntry;

/**
 * Where a search sends what it finds. The protocol layer writes each entry to the client as it comes.
 * Both methods return false when the search must stop (abandoned, connection closed).
 */
public interface SearchSink {

    /** One entry, already reduced to the requested attributes (typesOnly: values empty). */
    boolean entry(DirectoryEntry entry);

    /** A continuation reference (a referral entry found without ManageDsaIT). */
    boolean reference(List<String> urls);
}
