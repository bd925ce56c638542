package org.larch.backend.search;

import static org.larch.backend.store.StoreFixture.entry;

import java.nio.file.Path;
import org.larch.backend.entry.DirectoryEntry;
import org.larch.backend.filter.FilterEvaluator;
import org.larch.backend.store.DirectoryStore;
import org.larch.backend.store.StoreFixture;
import org.larch.backend.store.StoreWriter;
import org.larch.backend.store.TestSchema;

/**
 * A small directory for search tests:
 * <pre>
 * dc=example,dc=com
 *   ou=People            uid=user.0 … uid=user.9 (employeeNumber 0…9 in a scrambled order of adds)
 *   ou=Groups            cn=staff
 *   ou=Alias             alias of ou=People
 * </pre>
 */
final class SearchFixture implements AutoCloseable {
    static final String SUFFIX = "dc=example,dc=com";
    static final int PEOPLE = 10;

    final DirectoryStore store;
    final SearchOperation search;

    private SearchFixture(DirectoryStore store, SearchOperation search) {
        this.store = store;
        this.search = search;
    }

    static SearchFixture open(Path directory, SearchSettings settings, IndexLookup indexes) {
        DirectoryStore store = StoreFixture.openWithSuffix(directory, SUFFIX);
        SearchOperation search = new SearchOperation(store, new FilterEvaluator(TestSchema.get()), indexes,
                specialEntries(), settings);
        return new SearchFixture(store, search);
    }

    static SearchFixture populated(Path directory, SearchSettings settings) {
        SearchFixture fixture = open(directory, settings, IndexLookup.NONE);
        fixture.populate();
        return fixture;
    }

    void populate() {
        try (StoreWriter writer = store.beginWrite()) {
            add(writer, entry("ou=People," + SUFFIX, "objectClass", "top", "objectClass", "organizationalUnit", "ou", "People"));
            add(writer, entry("ou=Groups," + SUFFIX, "objectClass", "organizationalUnit", "ou", "Groups"));
            int[] order = {7, 2, 9, 0, 4, 1, 8, 3, 6, 5};
            for (int number : order) {
                add(writer, person(number));
            }
            add(writer, entry("cn=staff,ou=Groups," + SUFFIX, "objectClass", "groupOfNames", "cn", "staff",
                    "member", "uid=user.0,ou=People," + SUFFIX));
            add(writer, entry("ou=Alias," + SUFFIX, "objectClass", "alias", "objectClass", "extensibleObject",
                    "ou", "Alias", "aliasedObjectName", "ou=People," + SUFFIX));
            writer.commit();
        }
    }

    static DirectoryEntry person(int number) {
        return entry("uid=user." + number + ",ou=People," + SUFFIX, "objectClass", "top", "objectClass", "person",
                "objectClass", "organizationalPerson", "objectClass", "inetOrgPerson", "uid", "user." + number,
                "cn", "User " + number, "cn;lang-en", "Person " + number, "sn", "Surname" + (number % 3),
                "employeeNumber", Integer.toString(number), "uidNumber", Integer.toString(number), "userPassword", "secret" + number,
                "description", number % 2 == 0 ? "even" : "odd");
    }

    static long add(StoreWriter writer, DirectoryEntry entry) {
        return StoreFixture.add(writer, entry);
    }

    private static SpecialEntries specialEntries() {
        return new SpecialEntries() {
            @Override
            public DirectoryEntry rootDse() {
                return entry("", "objectClass", "top", "namingContexts", SUFFIX);
            }

            @Override
            public DirectoryEntry subschema() {
                return entry("cn=Subschema", "objectClass", "subschema", "cn", "Subschema");
            }
        };
    }

    @Override
    public void close() {
        store.close();
    }
}
