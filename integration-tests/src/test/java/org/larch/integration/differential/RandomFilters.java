package org.larch.integration.differential;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Seeded random filters over the generated attributes, with assertion values taken from the
 * generated entries so that they match some entries and not others: equality (also in other letter
 * case where the matching rule ignores case), substring, presence, greater-or-equal and
 * less-or-equal (on integer attributes, the ones with an ordering rule), and, or, not, and the
 * absolute true and false filters. Leaves out what the reference server does not evaluate as
 * RFC 4511 says (approximate and extensible match, undefined types, ordering without an ordering
 * rule); {@code SearchTest} covers those against Larch alone.
 */
final class RandomFilters {
    /** Attributes compared case-insensitively by their equality rule: their values may change case. */
    private static final List<String> CASE_IGNORING = List.of("cn", "sn", "givenName", "uid", "mail", "description", "ou", "objectClass");
    private static final List<String> SUBSTRING_ATTRIBUTES = List.of("cn", "sn", "givenName", "uid", "mail", "description", "telephoneNumber", "ou");
    private static final List<String> EQUALITY_ATTRIBUTES = List.of(
            "cn", "sn", "givenName", "uid", "mail", "description", "telephoneNumber", "employeeNumber", "ou",
            "objectClass", "member", "uidNumber", "gidNumber", "cn;lang-de");
    private static final List<String> PRESENCE_ATTRIBUTES = List.of(
            "cn", "sn", "mail", "uidNumber", "member", "cn;lang-de", "roomNumber", "description", "ou", "objectClass");
    private static final List<String> ORDERED_ATTRIBUTES = List.of("uidNumber", "gidNumber");

    private final Random random;
    /** Every value of each attribute (untagged, as {@code Entry.getAttribute} returns them), by attribute. */
    private final Map<String, List<String>> valuesByAttribute = new HashMap<>();

    RandomFilters(Random random, List<Entry> entries) {
        this.random = random;
        for (Entry entry : entries) {
            for (String attribute : EQUALITY_ATTRIBUTES) {
                Attribute values = entry.getAttribute(attribute);
                if (values != null) {
                    valuesByAttribute.computeIfAbsent(attribute, name -> new ArrayList<>()).addAll(List.of(values.getValues()));
                }
            }
        }
    }

    Filter next() {
        return filter(0);
    }

    private Filter filter(int depth) {
        int choice = random.nextInt(depth >= 2 ? 6 : 10);
        return switch (choice) {
            case 0, 1 -> equality();
            case 2, 3 -> substring();
            case 4 -> presence();
            case 5 -> ordering();
            case 6 -> Filter.createANDFilter(children(depth));
            case 7 -> Filter.createORFilter(children(depth));
            case 8 -> Filter.createNOTFilter(filter(depth + 1));
            default -> random.nextInt(8) == 0 ? absolute() : Filter.createANDFilter(children(depth));
        };
    }

    private List<Filter> children(int depth) {
        int count = 1 + random.nextInt(3);
        List<Filter> children = new ArrayList<>(count);
        for (int index = 0; index < count; index++) {
            children.add(filter(depth + 1));
        }
        return children;
    }

    private Filter absolute() {
        return random.nextBoolean() ? Filter.createANDFilter() : Filter.createORFilter();
    }

    private Filter equality() {
        String attribute = pick(EQUALITY_ATTRIBUTES);
        String value = valueOf(attribute);
        if (CASE_IGNORING.contains(attribute) && random.nextBoolean()) {
            value = random.nextBoolean() ? value.toUpperCase(Locale.ROOT) : value.toLowerCase(Locale.ROOT);
        }
        return Filter.createEqualityFilter(attribute, value);
    }

    private Filter substring() {
        String attribute = pick(SUBSTRING_ATTRIBUTES);
        String value = valueOf(attribute);
        if (value.length() < 3) {
            return Filter.createSubstringFilter(attribute, value, null, null);
        }
        int first = 1 + random.nextInt(value.length() / 2);
        int last = value.length() - 1 - random.nextInt(Math.max(1, value.length() / 3));
        return switch (random.nextInt(4)) {
            case 0 -> Filter.createSubstringFilter(attribute, value.substring(0, first), null, null);
            case 1 -> Filter.createSubstringFilter(attribute, null, null, value.substring(last));
            case 2 -> Filter.createSubstringFilter(attribute, null, new String[] {value.substring(first, Math.max(first + 1, last))}, null);
            default -> {
                String middle = value.substring(first, Math.max(first, last - 1));
                yield Filter.createSubstringFilter(attribute, value.substring(0, first),
                        middle.isEmpty() ? null : new String[] {middle}, value.substring(last));
            }
        };
    }

    private Filter presence() {
        return Filter.createPresenceFilter(pick(PRESENCE_ATTRIBUTES));
    }

    private Filter ordering() {
        String attribute = pick(ORDERED_ATTRIBUTES);
        String value = valueOf(attribute);
        return random.nextBoolean()
                ? Filter.createGreaterOrEqualFilter(attribute, value)
                : Filter.createLessOrEqualFilter(attribute, value);
    }

    /** A value of {@code attribute} that some generated entry holds. */
    private String valueOf(String attribute) {
        List<String> values = valuesByAttribute.get(attribute);
        if (values == null) {
            throw new IllegalStateException("no generated entry has " + attribute);
        }
        return values.get(random.nextInt(values.size()));
    }

    private String pick(List<String> choices) {
        return choices.get(random.nextInt(choices.size()));
    }
}
