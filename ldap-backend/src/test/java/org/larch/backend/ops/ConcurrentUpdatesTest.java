package org.larch.backend.ops;

import static org.apache.directory.api.ldap.model.entry.ModificationOperation.ADD_ATTRIBUTE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.larch.backend.ops.TestEntries.modification;
import static org.larch.backend.ops.TestEntries.texts;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.directory.api.ldap.model.name.Rdn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.larch.backend.csn.Csn;
import org.larch.backend.entry.DirectoryEntry;
import org.larch.backend.request.UpdateControls;
import org.larch.backend.store.StoreReader;

/** Several threads add, modify, rename and delete at once; the directory ends consistent. */
class ConcurrentUpdatesTest {
    private static final String PEOPLE = "ou=people,dc=example,dc=com";
    private static final int THREADS = 4;
    private static final int ENTRIES_PER_THREAD = 40;

    @TempDir
    Path directory;

    @Test
    void concurrentUpdatesLeaveAConsistentDirectory() throws Exception {
        try (DirectoryFixture fixture = DirectoryFixture.populated(directory)) {
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            List<Future<List<String>>> results = new ArrayList<>();
            for (int thread = 0; thread < THREADS; thread++) {
                int number = thread;
                results.add(pool.submit(() -> work(fixture, number)));
            }
            Set<String> expected = new HashSet<>();
            for (Future<List<String>> result : results) {
                expected.addAll(result.get());
            }
            pool.shutdown();
            verify(fixture, expected);
        }
    }

    /** One thread's share; returns the names of the entries it left. */
    private static List<String> work(DirectoryFixture fixture, int thread) throws Exception {
        AddOperation add = new AddOperation(fixture.context);
        ModifyOperation modify = new ModifyOperation(fixture.context);
        ModifyDnOperation modifyDn = new ModifyDnOperation(fixture.context);
        DeleteOperation delete = new DeleteOperation(fixture.context);
        List<String> left = new ArrayList<>();
        for (int i = 0; i < ENTRIES_PER_THREAD; i++) {
            String name = "t" + thread + "-" + i;
            add.run(fixture.root, fixture.person(name), UpdateControls.NONE);
            modify.run(fixture.root, fixture.dn("cn=" + name + "," + PEOPLE),
                    List.of(modification(ADD_ATTRIBUTE, "description", "touched")), UpdateControls.NONE);
            switch (i % 4) {
                case 0 -> delete.run(fixture.root, fixture.dn("cn=" + name + "," + PEOPLE), UpdateControls.NONE);
                case 1 -> {
                    modifyDn.run(fixture.root, fixture.dn("cn=" + name + "," + PEOPLE), new Rdn("cn=" + name + "-renamed"),
                            true, null, UpdateControls.NONE);
                    left.add(name + "-renamed");
                }
                default -> left.add(name);
            }
        }
        return left;
    }

    private static void verify(DirectoryFixture fixture, Set<String> expected) {
        Set<String> found = new HashSet<>();
        Set<Csn> csns = new HashSet<>();
        Csn greatest = null;
        try (StoreReader reader = fixture.store.beginRead()) {
            long peopleId = reader.idOf(fixture.dn(PEOPLE));
            assertEquals(expected.size() + 1, reader.subtreeSize(peopleId));
            assertEquals(expected.size() + 2, reader.subtreeSize(reader.suffixId()));
            for (long id : reader.children(peopleId)) {
                DirectoryEntry entry = reader.entry(id);
                String name = texts(entry, "cn").getFirst();
                found.add(name);
                assertEquals(List.of("touched"), texts(entry, "description"));
                assertArrayEquals(new long[] {id}, fixture.indexed("(cn=" + name + ")"));
                Csn csn = fixture.context.operational().entryCsn(entry);
                assertTrue(csns.add(csn), "CSN " + csn + " appears twice");
                greatest = greatest == null || csn.isAfter(greatest) ? csn : greatest;
            }
            DirectoryEntry suffix = reader.entry(reader.suffixId());
            Csn contextCsn = fixture.context.operational().contextCsn(suffix);
            assertFalse(greatest.isAfter(contextCsn), "contextCSN " + contextCsn + " below an entryCSN " + greatest);
        }
        assertEquals(expected, found);
        long[] people = fixture.indexed("(objectClass=person)");
        assertEquals(found.size(), people.length, "no index key of a gone entry left");
        for (int thread = 0; thread < THREADS; thread++) {
            for (int i = 0; i < ENTRIES_PER_THREAD; i += 4) {
                assertEquals(0, fixture.indexed("(cn=t" + thread + "-" + i + ")").length, "deleted entry indexed");
                assertEquals(0, fixture.indexed("(cn=t" + thread + "-" + (i + 1) + ")").length, "old RDN indexed");
            }
        }
    }
}
