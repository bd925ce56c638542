package org.larch.backend.search;

/**
 * What a search walks: the ids in the order results go out, where this page starts, and how the
 * paged cookie names the position ({@link PagedCookie.Kind}). {@code scopeRecheck} says whether an
 * entry read after a snapshot renewal must be checked again against the scope (it may have moved).
 */
record SearchPlan(long baseId, Scope scope, long[] ids, int startPosition, PagedCookie.Kind cookieKind,
        boolean scopeRecheck) {}
