package org.larch.conf;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The index types of an {@code index} directive, named as slapd names them. {@code sub} (or
 * {@code substr}) stands for the three substring types; {@code eq} (or {@code equality}) also serves
 * {@code >=}/{@code <=} for integer and generalizedTime attributes.
 */
public enum IndexType {
    PRES,
    EQ,
    SUB_INITIAL,
    SUB_ANY,
    SUB_FINAL,
    APPROX;

    /** The types one word of a directive stands for, or null if the word names none. */
    static Set<IndexType> forWord(String word) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "pres", "present" -> EnumSet.of(PRES);
            case "eq", "equality" -> EnumSet.of(EQ);
            case "sub", "substr", "substring" -> EnumSet.of(SUB_INITIAL, SUB_ANY, SUB_FINAL);
            case "subinitial" -> EnumSet.of(SUB_INITIAL);
            case "subany" -> EnumSet.of(SUB_ANY);
            case "subfinal" -> EnumSet.of(SUB_FINAL);
            case "approx" -> EnumSet.of(APPROX);
            default -> null;
        };
    }
}
