package org.larch.backend.ops;

import java.util.function.Predicate;
import org.apache.directory.api.ldap.model.name.Dn;
import org.apache.directory.api.ldap.model.schema.AttributeType;
import org.larch.backend.Identity;
import org.larch.backend.access.AccessPolicy;

/**
 * The attribute types a requester may read ({@link AccessPolicy#canRead}), as the predicate a
 * requester's filter is compiled with ({@code FilterEvaluator.compile(filter, readable)}).
 */
public final class ReadableTypes {

    private ReadableTypes() {}

    /**
     * The types {@code who} may read in {@code entryDn}. A search compiles its filter once for all its
     * entries and passes its base: the policy decides by type and requester only, not by entry.
     */
    public static Predicate<AttributeType> of(Identity who, Dn entryDn) {
        return type -> AccessPolicy.canRead(who, entryDn, type);
    }
}
