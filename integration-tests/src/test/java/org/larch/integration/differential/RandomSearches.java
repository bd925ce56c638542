package org.larch.integration.differential;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.larch.integration.data.DirectoryDataGenerator;

/**
 * Seeded random search requests over the generated directory: a base (the suffix, a unit, a person, a
 * group, or an entry that does not exist), a scope (base, one, sub, subordinates), a random filter and
 * an attribute list (all user attributes, {@code 1.1}, names with options, a supertype, or a mix).
 * Operational attributes are never asked for: the two servers legitimately generate different ones.
 */
final class RandomSearches {
    private static final List<SearchScope> SCOPES = List.of(
            SearchScope.BASE, SearchScope.ONE, SearchScope.SUB, SearchScope.SUBORDINATE_SUBTREE);
    private static final List<String> ATTRIBUTES = List.of(
            "cn", "sn", "mail", "description", "telephoneNumber", "uid", "member", "objectClass", "cn;lang-de",
            "uidNumber", "name", "givenName", "employeeNumber", "roomNumber");

    private final Random random;
    private final List<Entry> entries;
    private final RandomFilters filters;

    RandomSearches(long seed, List<Entry> entries) {
        this.random = new Random(seed);
        this.entries = entries;
        this.filters = new RandomFilters(random, entries);
    }

    SearchRequest next() {
        SearchRequest request = new SearchRequest(base(), SCOPES.get(random.nextInt(SCOPES.size())), filters.next(), attributes());
        request.setSizeLimit(0);
        request.setTimeLimitSeconds(0);
        return request;
    }

    private String base() {
        return switch (random.nextInt(10)) {
            case 0, 1 -> DirectoryDataGenerator.SUFFIX;
            case 2 -> DirectoryDataGenerator.PEOPLE;
            case 3 -> DirectoryDataGenerator.GROUPS;
            case 4 -> "ou=" + DirectoryDataGenerator.DEPARTMENTS.get(random.nextInt(DirectoryDataGenerator.DEPARTMENTS.size()))
                    + "," + DirectoryDataGenerator.PEOPLE;
            case 5 -> "uid=nobody." + random.nextInt(100) + ",ou=sales," + DirectoryDataGenerator.PEOPLE;
            default -> entries.get(random.nextInt(entries.size())).getDN();
        };
    }

    private String[] attributes() {
        int choice = random.nextInt(6);
        if (choice == 0) {
            return new String[0];
        }
        if (choice == 1) {
            return new String[] {"1.1"};
        }
        List<String> names = new ArrayList<>();
        if (choice == 2) {
            names.add("*");
        }
        int count = 1 + random.nextInt(4);
        for (int index = 0; index < count; index++) {
            names.add(ATTRIBUTES.get(random.nextInt(ATTRIBUTES.size())));
        }
        return names.toArray(String[]::new);
    }
}
