package org.larch.conf;

import java.util.Set;

/**
 * One attribute's indexes, from an {@code index} directive ({@code index cn,sn eq,sub} gives two).
 *
 * @param attribute the attribute name or OID as written
 * @param types the index types, never empty
 * @param location {@code file:line} of the directive, for messages once the schema is known (e.g. an
 *     attribute type the schema does not define)
 */
public record IndexSetting(String attribute, Set<IndexType> types, String location) {

    public IndexSetting {
        types = Set.copyOf(types);
    }

    /** An exception for this directive: {@code file:line: reason}. */
    public ConfigException error(String reason) {
        return new ConfigException(location + ": " + reason);
    }
}
