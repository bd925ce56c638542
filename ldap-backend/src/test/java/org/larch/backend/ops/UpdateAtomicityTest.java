package org.larch.backend.ops;

import static org.apache.directory.api.ldap.model.entry.ModificationOperation.REPLACE_ATTRIBUTE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.larch.backend.ops.TestEntries.modification;
import static org.larch.backend.ops.TestEntries.texts;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.directory.api.ldap.model.name.Rdn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.larch.backend.csn.Csn;
import org.larch.backend.entry.DirectoryEntry;
import org.larch.backend.request.UpdateControls;
import org.larch.backend.store.StoreReader;

/**
 * An update that fails after it has written entry, dn2id and index keys (here: the index upkeep of the
 * suffix's contextCSN, the last write before the commit, fails) leaves nothing behind: all of it is
 * one write transaction.
 */
class UpdateAtomicityTest {
    private static final String PEOPLE = "ou=people,dc=example,dc=com";

    @TempDir
    Path directory;
    private DirectoryFixture fixture;
    private OperationContext failingLate;
    private boolean fail;

    @BeforeEach
    void open() {
        fixture = DirectoryFixture.populated(directory);
        fixture.addAsRoot(fixture.person("Alice"));
        OperationContext context = fixture.context;
        IndexMaintenance failingOnTheSuffix = (txn, id, before, after) -> {
            fixture.indexes.update(txn, id, before, after);
            if (fail && after != null && after.dn().equals(fixture.dn(DirectoryFixture.SUFFIX))) {
                throw new IllegalStateException("index write failed");
            }
        };
        failingLate = new OperationContext(context.store(), context.settings(), context.csns(), context.rules(),
                failingOnTheSuffix, context.filters(), context.operational(), context.readControls());
        fail = true;
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aFailedAddLeavesNoTrace() {
        State before = state();
        assertThrows(IllegalStateException.class,
                () -> new AddOperation(failingLate).run(fixture.root, fixture.person("Bob"), UpdateControls.NONE));
        assertNull(fixture.read("cn=Bob," + PEOPLE));
        assertEquals(0, fixture.indexed("(cn=Bob)").length);
        assertEquals(before, state());
    }

    @Test
    void aFailedModifyLeavesNoTrace() {
        State before = state();
        assertThrows(IllegalStateException.class, () -> new ModifyOperation(failingLate).run(fixture.root,
                fixture.dn("cn=Alice," + PEOPLE), List.of(modification(REPLACE_ATTRIBUTE, "cn", "Alice", "Ally")),
                UpdateControls.NONE));
        assertEquals(List.of("Alice"), texts(fixture.read("cn=Alice," + PEOPLE), "cn"));
        assertEquals(0, fixture.indexed("(cn=Ally)").length);
        assertEquals(before, state());
    }

    @Test
    void aFailedDeleteLeavesNoTrace() {
        State before = state();
        assertThrows(IllegalStateException.class, () -> new DeleteOperation(failingLate).run(
                fixture.root, fixture.dn("cn=Alice," + PEOPLE), UpdateControls.NONE));
        assertArrayEquals(new long[] {fixture.read("cn=Alice," + PEOPLE).id()}, fixture.indexed("(cn=Alice)"));
        assertEquals(before, state());
    }

    @Test
    void aFailedModifyDnLeavesNoTrace() {
        State before = state();
        assertThrows(IllegalStateException.class, () -> new ModifyDnOperation(failingLate).run(fixture.root,
                fixture.dn("cn=Alice," + PEOPLE), new Rdn("cn=Ally"), true, fixture.dn(DirectoryFixture.SUFFIX),
                UpdateControls.NONE));
        assertNull(fixture.read("cn=Ally,dc=example,dc=com"));
        assertEquals(0, fixture.indexed("(cn=Ally)").length);
        assertEquals(before, state());
    }

    /** What every update changes: contextCSN, the subtree sizes, the entries under ou=people. */
    private record State(Csn contextCsn, long suffixSubtree, long peopleSubtree, List<String> people) {}

    private State state() {
        DirectoryEntry suffix = fixture.read(DirectoryFixture.SUFFIX);
        try (StoreReader reader = fixture.store.beginRead()) {
            long peopleId = reader.idOf(fixture.dn(PEOPLE));
            List<String> people = new ArrayList<>();
            for (long id : reader.children(peopleId)) {
                DirectoryEntry entry = reader.entry(id);
                people.add(entry.dn().getName() + " " + texts(entry, "entryCSN"));
            }
            return new State(fixture.context.operational().contextCsn(suffix), reader.subtreeSize(reader.suffixId()),
                    reader.subtreeSize(peopleId), people);
        }
    }
}
