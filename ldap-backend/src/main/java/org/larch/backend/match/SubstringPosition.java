package org.larch.backend.match;

/** Where a substring assertion component sits: {@code initial*any*final}. */
public enum SubstringPosition {
    INITIAL,
    ANY,
    FINAL
}
