package org.larch.backend.index;

import java.util.Set;

/** One attribute's {@code index} directive: the attribute (name or OID) and its kinds. */
public record IndexDirective(String attribute, Set<IndexKind> kinds) {}
