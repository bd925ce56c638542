package org.larch.backend.index;

/**
 * The kinds of index keys an {@code index} directive asks for. {@code sub} means the three substring
 * kinds. An {@code eq} index on an attribute with an ordering rule of integer or generalizedTime syntax
 * also answers {@code >=} and {@code <=}.
 */
public enum IndexKind {
    PRES,
    EQ,
    SUB_INITIAL,
    SUB_ANY,
    SUB_FINAL,
    APPROX
}
