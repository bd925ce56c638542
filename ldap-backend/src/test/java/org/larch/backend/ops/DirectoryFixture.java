package org.larch.backend.ops;

import java.nio.file.Path;
import java.text.ParseException;
import java.util.List;
import java.util.Set;
import org.apache.directory.api.ldap.model.filter.FilterParser;
import org.apache.directory.api.ldap.model.name.Dn;
import org.larch.backend.DirectorySettings;
import org.larch.backend.Identity;
import org.larch.backend.csn.CsnGenerator;
import org.larch.backend.entry.DirectoryEntry;
import org.larch.backend.index.IdSet;
import org.larch.backend.index.IndexDirective;
import org.larch.backend.index.IndexKind;
import org.larch.backend.index.Indexes;
import org.larch.backend.request.UpdateControls;
import org.larch.backend.schema.DirectorySchema;
import org.larch.backend.store.DirectoryStore;
import org.larch.backend.store.StoreReader;
import org.larch.storage.Txn;

/**
 * A directory on a real environment in a temporary folder, suffix {@code dc=example,dc=com} with the
 * suffix entry and {@code ou=people} added through {@link AddOperation}, and the operation classes
 * over it, with the real attribute indexes: {@code cn eq} (and {@code objectClass eq}, always there).
 */
final class DirectoryFixture implements AutoCloseable {
    static final String SUFFIX = "dc=example,dc=com";
    static final String ROOT_DN = "cn=admin,dc=example,dc=com";
    private static DirectorySchema sharedSchema;

    final DirectorySchema schema;
    final TestEntries entries;
    final DirectoryStore store;
    final Indexes indexes;
    final OperationContext context;
    final Identity root;

    DirectoryFixture(Path directory) {
        this.schema = schema();
        this.entries = new TestEntries(schema);
        this.store = DirectoryStore.open(directory, 1L << 30, entries.dn(SUFFIX), schema);
        this.indexes = openIndexes(store);
        this.context = OperationContext.of(store, settings(directory), new CsnGenerator(1), indexes::update);
        this.root = new Identity(entries.dn(ROOT_DN), true);
    }

    /** The fixture with the suffix entry and ou=people in place. */
    static DirectoryFixture populated(Path directory) {
        DirectoryFixture fixture = new DirectoryFixture(directory);
        fixture.addAsRoot(fixture.entries.entry(SUFFIX, "objectClass: top", "objectClass: dcObject",
                "objectClass: organization", "dc: example", "o: example"));
        fixture.addAsRoot(fixture.entries.entry("ou=people," + SUFFIX,
                "objectClass: organizationalUnit", "ou: people"));
        return fixture;
    }

    static synchronized DirectorySchema schema() {
        if (sharedSchema == null) {
            sharedSchema = DirectorySchema.load(List.of());
        }
        return sharedSchema;
    }

    void addAsRoot(DirectoryEntry entry) {
        new AddOperation(context).run(root, entry, UpdateControls.NONE);
    }

    /** A person under ou=people: {@code cn=NAME}, sn, userPassword {@code secret-NAME}. */
    DirectoryEntry person(String name) {
        return entries.entry("cn=" + name + ",ou=people," + SUFFIX, "objectClass: inetOrgPerson",
                "cn: " + name, "sn: " + name + "son", "userPassword: secret-" + name);
    }

    /** The ids the indexes give for {@code filter} in the newest snapshot (empty set: none). */
    long[] indexed(String filter) {
        try (Txn txn = store.env().txnRead()) {
            IdSet candidates = indexes.candidates(txn, FilterParser.parse(filter));
            return candidates.toArray();
        } catch (ParseException e) {
            throw new IllegalArgumentException(filter, e);
        }
    }

    /** The entry at {@code dn} in the newest snapshot, or null. */
    DirectoryEntry read(String dn) {
        try (StoreReader reader = store.beginRead()) {
            long id = reader.idOf(entries.dn(dn));
            return id == 0 ? null : reader.entry(id);
        }
    }

    Dn dn(String text) {
        return entries.dn(text);
    }

    Identity user(String dn) {
        return new Identity(entries.dn(dn), false);
    }

    private Indexes openIndexes(DirectoryStore opened) {
        List<IndexDirective> directives = List.of(new IndexDirective("cn", Set.of(IndexKind.EQ)));
        try (Txn txn = opened.env().txnWrite()) {
            Indexes opening = Indexes.open(opened.env(), txn, directives, schema);
            opening.rebuild(txn, List.of());
            txn.commit();
        }
        try (Txn txn = opened.env().txnWrite()) {
            Indexes ready = Indexes.open(opened.env(), txn, directives, schema);
            txn.commit();
            return ready;
        }
    }

    private static DirectorySettings settings(Path directory) {
        return new DirectorySettings(directory, 1L << 30, SUFFIX, ROOT_DN, "secret", List.of(), 0, 0, 1000,
                List.of(), 1, List.of(), List.of(), List.of(), "test");
    }

    @Override
    public void close() {
        store.close();
    }
}
