package org.larch.backend.index;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.directory.api.ldap.model.schema.AttributeType;
import org.larch.backend.LdapOperationException;
import org.larch.backend.filter.ObjectClassHierarchy;
import org.larch.backend.match.MatchingRules;
import org.larch.backend.match.SubstringPosition;

/**
 * The index keys of values (what {@link Indexes#update} writes) and of assertions (what
 * {@link Indexes#candidates} reads), built from the schema's matching rules. Substring keys follow
 * OpenLDAP's scheme with fixed lengths: a value's substring key yields its first and last 1 to
 * {@link #GRAM_LENGTH} code points (subinitial, subfinal) and every run of {@code GRAM_LENGTH} code
 * points (subany); an assertion component looks up its own first/last/every gram. objectClass
 * values are keyed under their class and every superclass, so {@code (objectClass=person)} finds
 * inetOrgPerson entries.
 */
final class IndexKeyMaker {
    static final int GRAM_LENGTH = 3;
    private static final String OBJECT_CLASS_OID = "2.5.4.0";

    private final MatchingRules rules;
    private final ObjectClassHierarchy objectClasses;

    IndexKeyMaker(MatchingRules rules, ObjectClassHierarchy objectClasses) {
        this.rules = rules;
        this.objectClasses = objectClasses;
    }

    /** Every key of one value for the given kinds; a value invalid for the syntax gets no keys. */
    void addValueKeys(AttributeType type, Set<IndexKind> kinds, byte[] value, Set<IndexKey> keys) {
        try {
            byte[] substringKey = null; // one per value, shared by the three substring kinds
            for (IndexKind kind : kinds) {
                switch (kind) {
                    case PRES -> keys.add(IndexKey.present());
                    case EQ -> addEqualityKeys(type, value, keys);
                    case SUB_INITIAL, SUB_FINAL, SUB_ANY -> {
                        if (rules.hasSubstrings(type)) {
                            substringKey = substringKey != null ? substringKey : rules.substringKey(type, value);
                            addSubstringKeys(kind, substringKey, keys);
                        }
                    }
                    case APPROX -> addApproxKeys(type, value, keys);
                }
            }
        } catch (LdapOperationException invalidValue) {
            // a value the schema rejects never matches a filter, so it needs no key
        }
    }

    /** The equality key an assertion value looks up. */
    IndexKey equalityKey(AttributeType type, byte[] assertion) {
        return IndexKey.of(IndexKey.EQUALITY, rules.equalityKey(type, assertion));
    }

    /** The keys a substring assertion's parts look up (those too short to look up are left out). */
    List<IndexKey> substringKeys(AttributeType type, Set<IndexKind> kinds, String initial, List<String> any, String last) {
        List<IndexKey> keys = new ArrayList<>();
        if (initial != null && kinds.contains(IndexKind.SUB_INITIAL)) {
            String prepared = prepared(type, initial, SubstringPosition.INITIAL);
            if (!prepared.isEmpty()) {
                keys.add(edgeKey(IndexKey.SUB_INITIAL, prepared, true));
            }
        }
        if (last != null && kinds.contains(IndexKind.SUB_FINAL)) {
            String prepared = prepared(type, last, SubstringPosition.FINAL);
            if (!prepared.isEmpty()) {
                keys.add(edgeKey(IndexKey.SUB_FINAL, prepared, false));
            }
        }
        if (kinds.contains(IndexKind.SUB_ANY)) {
            for (String component : any == null ? List.<String>of() : any) {
                addGrams(prepared(type, component, SubstringPosition.ANY), keys);
            }
            // grams inside the initial and final parts narrow the candidates further
            if (initial != null) {
                addGrams(prepared(type, initial, SubstringPosition.INITIAL), keys);
            }
            if (last != null) {
                addGrams(prepared(type, last, SubstringPosition.FINAL), keys);
            }
        }
        return keys;
    }

    /** The keys of an approximate assertion: one per word. */
    List<IndexKey> approxKeys(AttributeType type, byte[] assertion) {
        List<IndexKey> keys = new ArrayList<>();
        for (String word : rules.approxWords(type, assertion)) {
            keys.add(IndexKey.of(IndexKey.APPROX, word.getBytes(StandardCharsets.UTF_8)));
        }
        return keys;
    }

    private void addEqualityKeys(AttributeType type, byte[] value, Set<IndexKey> keys) {
        if (type.getOid().equals(OBJECT_CLASS_OID)) {
            for (String oid : objectClasses.selfAndSuperclassOids(value)) {
                keys.add(IndexKey.of(IndexKey.EQUALITY, oid.getBytes(StandardCharsets.UTF_8)));
            }
            return;
        }
        keys.add(IndexKey.of(IndexKey.EQUALITY, rules.equalityKey(type, value)));
    }

    /** A value's substring keys of one kind, from its substring key {@code prepared} (UTF-8). */
    private static void addSubstringKeys(IndexKind kind, byte[] prepared, Set<IndexKey> keys) {
        if (isAscii(prepared)) {
            addAsciiSubstringKeys(kind, prepared, keys);
            return;
        }
        String text = new String(prepared, StandardCharsets.UTF_8);
        int length = text.codePointCount(0, text.length());
        switch (kind) {
            case SUB_INITIAL -> {
                for (int count = 1; count <= Math.min(GRAM_LENGTH, length); count++) {
                    keys.add(IndexKey.of(IndexKey.SUB_INITIAL, utf8(prefix(text, count))));
                }
            }
            case SUB_FINAL -> {
                for (int count = 1; count <= Math.min(GRAM_LENGTH, length); count++) {
                    keys.add(IndexKey.of(IndexKey.SUB_FINAL, utf8(suffix(text, count))));
                }
            }
            default -> addGrams(text, keys);
        }
    }

    /** As {@link #addSubstringKeys} for ASCII, where each byte is one code point: byte ranges, no String. */
    private static void addAsciiSubstringKeys(IndexKind kind, byte[] prepared, Set<IndexKey> keys) {
        int length = prepared.length;
        switch (kind) {
            case SUB_INITIAL -> {
                for (int count = 1; count <= Math.min(GRAM_LENGTH, length); count++) {
                    keys.add(IndexKey.of(IndexKey.SUB_INITIAL, Arrays.copyOfRange(prepared, 0, count)));
                }
            }
            case SUB_FINAL -> {
                for (int count = 1; count <= Math.min(GRAM_LENGTH, length); count++) {
                    keys.add(IndexKey.of(IndexKey.SUB_FINAL, Arrays.copyOfRange(prepared, length - count, length)));
                }
            }
            default -> {
                for (int start = 0; start + GRAM_LENGTH <= length; start++) {
                    keys.add(IndexKey.of(IndexKey.SUB_ANY, Arrays.copyOfRange(prepared, start, start + GRAM_LENGTH)));
                }
            }
        }
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    private void addApproxKeys(AttributeType type, byte[] value, Set<IndexKey> keys) {
        keys.addAll(approxKeys(type, value));
    }

    private String prepared(AttributeType type, String component, SubstringPosition position) {
        return new String(rules.substringKey(type, utf8(component), position), StandardCharsets.UTF_8);
    }

    private static IndexKey edgeKey(byte kind, String prepared, boolean initial) {
        int count = Math.min(GRAM_LENGTH, prepared.codePointCount(0, prepared.length()));
        return IndexKey.of(kind, utf8(initial ? prefix(prepared, count) : suffix(prepared, count)));
    }

    private static void addGrams(String prepared, java.util.Collection<IndexKey> keys) {
        int[] codePoints = prepared.codePoints().toArray();
        Set<IndexKey> grams = new LinkedHashSet<>();
        for (int start = 0; start + GRAM_LENGTH <= codePoints.length; start++) {
            grams.add(IndexKey.of(IndexKey.SUB_ANY, utf8(new String(codePoints, start, GRAM_LENGTH))));
        }
        keys.addAll(grams);
    }

    private static String prefix(String text, int codePoints) {
        return text.substring(0, text.offsetByCodePoints(0, codePoints));
    }

    private static String suffix(String text, int codePoints) {
        return text.substring(text.offsetByCodePoints(text.length(), -codePoints));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
