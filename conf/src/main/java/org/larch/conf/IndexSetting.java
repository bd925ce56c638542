package org.larch.conf;

import java.util.Set;

/**
 * One attribute's indexes, from an {@code index} directive ({@code index cn,sn eq,sub} gives two).
 *
 * @param attribute the attribute name or OID as written
 * @param types the index types, never empty
 */
public record IndexSetting(String attribute, Set<IndexType> types) {

    public IndexSetting {
        types = Set.copyOf(types);
    }
}
