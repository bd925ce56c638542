package org.larch.backend.search;

import java.util.HashSet;
import java.util.Set;
import org.apache.directory.api.ldap.model.message.ResultCodeEnum;
import org.larch.backend.LdapOperationException;
import org.larch.backend.entry.DirectoryEntry;
import org.larch.backend.store.DnLookup;
import org.larch.backend.store.DnNames;
import org.larch.backend.store.StoreReader;

/** Follows alias entries to the entries they name, detecting loops and dangling aliases. */
final class Aliases {
    private final EntryKinds kinds;

    Aliases(EntryKinds kinds) {
        this.kinds = kinds;
    }

    /**
     * The id of the first entry that is not an alias when following {@code id}'s aliasedObjectName
     * chain ({@code id} itself if it is no alias). ALIAS_PROBLEM for a loop or a missing target.
     */
    long follow(StoreReader reader, long id) {
        Set<Long> seen = new HashSet<>();
        long current = id;
        DirectoryEntry entry = reader.entry(current);
        while (entry != null && kinds.isAlias(entry)) {
            if (!seen.add(current)) {
                throw new LdapOperationException(ResultCodeEnum.ALIAS_PROBLEM, "alias loop at " + entry.dn().getName());
            }
            current = target(reader, entry);
            entry = reader.entry(current);
        }
        return current;
    }

    /** Like {@link #follow}, but 0 instead of an error: a search passes over broken aliases. */
    long followOrZero(StoreReader reader, long id) {
        try {
            return follow(reader, id);
        } catch (LdapOperationException broken) {
            return 0;
        }
    }

    boolean isAlias(DirectoryEntry entry) {
        return kinds.isAlias(entry);
    }

    private long target(StoreReader reader, DirectoryEntry alias) {
        String target = kinds.aliasTarget(alias);
        if (target == null) {
            throw new LdapOperationException(ResultCodeEnum.ALIAS_PROBLEM,
                    "alias " + alias.dn().getName() + " has no aliasedObjectName");
        }
        DnLookup lookup;
        try {
            lookup = reader.lookup(DnNames.parse(reader.store().schema().schemaManager(), target));
        } catch (LdapOperationException invalidDn) {
            throw new LdapOperationException(ResultCodeEnum.ALIAS_PROBLEM,
                    "alias " + alias.dn().getName() + " names an invalid DN: " + target);
        }
        if (!lookup.found()) {
            throw new LdapOperationException(ResultCodeEnum.ALIAS_PROBLEM,
                    "alias " + alias.dn().getName() + " names " + target + ", which does not exist");
        }
        return lookup.id();
    }
}
