package org.larch.storage.tools;

import java.util.List;

/**
 * What a load did.
 *
 * @param sections  sections read (databases loaded into)
 * @param stored    pairs stored
 * @param skipped   pairs left out because the key (DUPSORT: the pair) existed, with {@code -N}
 * @param warnings  header keywords skipped, each with its line
 */
public record LoadResult(int sections, long stored, long skipped, List<String> warnings) {
    public LoadResult {
        warnings = List.copyOf(warnings);
    }
}
