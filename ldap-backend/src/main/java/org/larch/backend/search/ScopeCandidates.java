package org.larch.backend.search;

import java.util.Arrays;
import org.larch.backend.store.StoreReader;
import org.larch.backend.index.IdArrays;

/**
 * The ids a search examines: the scope's entries, narrowed by the index candidates when there are
 * some. Whichever side is smaller drives: few candidates are each checked for their ancestry; a small
 * scope is walked through dn2id and intersected with the candidates. Ids come back ascending.
 */
final class ScopeCandidates {

    private ScopeCandidates() {}

    /** @param candidates ascending ids from the indexes, or null for "every entry" */
    static long[] ids(StoreReader reader, long baseId, Scope scope, long[] candidates) {
        return switch (scope) {
            case BASE -> candidates == null || Arrays.binarySearch(candidates, baseId) >= 0
                    ? new long[] {baseId} : new long[0];
            case ONE_LEVEL -> oneLevel(reader, baseId, candidates);
            case SUBTREE -> subtree(reader, baseId, true, candidates);
            case CHILDREN -> subtree(reader, baseId, false, candidates);
        };
    }

    /** Whether entry {@code id} is (still) in the scope of {@code baseId}. */
    static boolean inScope(StoreReader reader, long id, long baseId, Scope scope) {
        return switch (scope) {
            case BASE -> id == baseId;
            case ONE_LEVEL -> reader.parentOf(id) == baseId;
            case SUBTREE -> reader.isInSubtree(id, baseId);
            case CHILDREN -> id != baseId && reader.isInSubtree(id, baseId);
        };
    }

    private static long[] oneLevel(StoreReader reader, long baseId, long[] candidates) {
        if (candidates != null && candidates.length < reader.childCount(baseId)) {
            return Arrays.stream(candidates).filter(id -> reader.parentOf(id) == baseId).toArray();
        }
        long[] children = reader.children(baseId);
        return candidates == null ? children : IdArrays.intersect(children, candidates);
    }

    private static long[] subtree(StoreReader reader, long baseId, boolean includeBase, long[] candidates) {
        if (candidates != null && candidates.length < reader.subtreeSize(baseId)) {
            return Arrays.stream(candidates)
                    .filter(id -> (includeBase || id != baseId) && reader.isInSubtree(id, baseId))
                    .toArray();
        }
        long[] all = reader.subtree(baseId, includeBase);
        return candidates == null ? all : IdArrays.intersect(all, candidates);
    }
}
