package org.larch.backend.search;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import org.larch.backend.entry.DirectoryEntry;
import org.larch.backend.store.StoreReader;

/**
 * The entries of a scope when aliases are dereferenced while searching (derefInSearching, derefAlways):
 * an alias in a one-level scope is replaced by the entry it names; an alias in a subtree by the
 * subtree of the entry it names (searched once, however many aliases lead there). Alias entries are
 * never results themselves; broken aliases and loops are passed over.
 */
final class AliasScope {
    private final Aliases aliases;

    AliasScope(Aliases aliases) {
        this.aliases = aliases;
    }

    /** @param candidates ascending ids that may match (alias entries included), or null for all */
    long[] ids(StoreReader reader, long baseId, Scope scope, long[] candidates) {
        TreeSet<Long> result = new TreeSet<>();
        Set<Long> searchedBases = new HashSet<>();
        Deque<Long> pendingBases = new ArrayDeque<>();
        collect(reader, ScopeCandidates.ids(reader, baseId, scope, candidates), scope, result, pendingBases);
        while (!pendingBases.isEmpty()) {
            long target = pendingBases.pop();
            if (searchedBases.add(target)) {
                collect(reader, ScopeCandidates.ids(reader, target, Scope.SUBTREE, candidates), scope, result, pendingBases);
            }
        }
        return result.stream().mapToLong(Long::longValue).toArray();
    }

    private void collect(StoreReader reader, long[] ids, Scope scope, Set<Long> result, Deque<Long> pendingBases) {
        for (long id : ids) {
            DirectoryEntry entry = reader.entry(id);
            if (entry == null) {
                continue;
            }
            if (!aliases.isAlias(entry)) {
                result.add(id);
                continue;
            }
            long target = aliases.followOrZero(reader, id);
            if (target == 0) {
                continue;
            }
            if (scope == Scope.ONE_LEVEL || scope == Scope.BASE) {
                result.add(target);
            } else {
                pendingBases.push(target);
            }
        }
    }
}
