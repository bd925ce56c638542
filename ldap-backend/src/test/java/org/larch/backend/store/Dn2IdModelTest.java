package org.larch.backend.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.larch.backend.store.StoreFixture.entry;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded random adds, deletes and moves applied to the store and to an in-memory tree; after each
 * batch every entry's DN, lookup, children, subtree and subtree size must agree with the model.
 */
class Dn2IdModelTest {
    private static final String SUFFIX = "dc=example,dc=com";

    @TempDir
    Path directory;

    /** The model: each entry's parent and RDN value. */
    private final Map<Long, Long> parents = new HashMap<>();
    private final Map<Long, String> names = new HashMap<>();
    private long suffixId;

    @Test
    void randomAddsDeletesAndMovesMatchAnInMemoryTree() {
        long seed = Long.getLong("larch.test.seed", System.nanoTime());
        Random random = new Random(seed);
        try (DirectoryStore store = StoreFixture.openWithSuffix(directory, SUFFIX)) {
            try (StoreReader reader = store.beginRead()) {
                suffixId = reader.suffixId();
            }
            for (int batch = 0; batch < 30; batch++) {
                try (StoreWriter writer = store.beginWrite()) {
                    for (int step = 0; step < 20; step++) {
                        randomStep(writer, random);
                    }
                    writer.commit();
                }
                try (StoreReader reader = store.beginRead()) {
                    verify(reader, "seed " + seed + ", batch " + batch);
                }
            }
        }
    }

    private void randomStep(StoreWriter writer, Random random) {
        int choice = random.nextInt(10);
        if (choice < 6 || parents.size() < 3) {
            addRandom(writer, random);
        } else if (choice < 8) {
            deleteRandomLeaf(writer, random);
        } else {
            moveRandom(writer, random);
        }
    }

    private void addRandom(StoreWriter writer, Random random) {
        long parent = randomEntryOrSuffix(random);
        String name = freshName(parent, random);
        String dn = "cn=" + name + "," + writer.dnOf(parent).getName();
        long id = writer.add(parent, DnNames.parseRdn(TestSchema.get().schemaManager(), rdnText(name, random)), entry(dn, "cn", name));
        parents.put(id, parent);
        names.put(id, name);
    }

    private void deleteRandomLeaf(StoreWriter writer, Random random) {
        List<Long> leaves = parents.keySet().stream().filter(id -> !parents.containsValue(id)).toList();
        long victim = leaves.get(random.nextInt(leaves.size()));
        writer.delete(victim);
        parents.remove(victim);
        names.remove(victim);
    }

    private void moveRandom(StoreWriter writer, Random random) {
        List<Long> ids = new ArrayList<>(parents.keySet());
        long moved = ids.get(random.nextInt(ids.size()));
        long newParent = randomEntryOrSuffix(random);
        if (isInModelSubtree(newParent, moved)) {
            return;
        }
        String name = random.nextBoolean() && newParent == parents.get(moved) ? names.get(moved).toUpperCase(Locale.ROOT)
                : freshName(newParent, random);
        writer.move(moved, newParent, DnNames.parseRdn(TestSchema.get().schemaManager(), rdnText(name, random)));
        parents.put(moved, newParent);
        names.put(moved, name);
    }

    private void verify(StoreReader reader, String where) {
        assertEquals(parents.size() + 1, reader.subtreeSize(suffixId), where);
        for (long id : parents.keySet()) {
            String dn = modelDn(id);
            assertEquals(dn.toLowerCase(Locale.ROOT), reader.dnOf(id).getName().toLowerCase(Locale.ROOT), where);
            assertEquals(id, reader.idOf(DnNames.parse(reader.store().schema().schemaManager(), dn)), where);
            long[] expectedChildren = parents.entrySet().stream().filter(e -> e.getValue() == id)
                    .mapToLong(Map.Entry::getKey).sorted().toArray();
            assertArrayEquals(expectedChildren, reader.children(id), where + ", children of " + dn);
            long[] expectedSubtree = parents.keySet().stream().filter(other -> isInModelSubtree(other, id))
                    .mapToLong(Long::longValue).sorted().toArray();
            assertArrayEquals(expectedSubtree, reader.subtree(id, true), where + ", subtree of " + dn);
            assertEquals(expectedSubtree.length, reader.subtreeSize(id), where + ", subtree size of " + dn);
        }
    }

    private String modelDn(long id) {
        return id == suffixId ? SUFFIX : "cn=" + names.get(id) + "," + modelDn(parents.get(id));
    }

    private boolean isInModelSubtree(long id, long ancestor) {
        for (long current = id; current != suffixId; current = parents.get(current)) {
            if (current == ancestor) {
                return true;
            }
        }
        return ancestor == suffixId;
    }

    private long randomEntryOrSuffix(Random random) {
        List<Long> ids = new ArrayList<>(parents.keySet());
        return ids.isEmpty() || random.nextInt(5) == 0 ? suffixId : ids.get(random.nextInt(ids.size()));
    }

    private String freshName(long parent, Random random) {
        while (true) {
            String name = "n" + random.nextInt(1000);
            boolean taken = parents.entrySet().stream().anyMatch(e -> e.getValue() == parent
                    && names.get(e.getKey()).equalsIgnoreCase(name));
            if (!taken) {
                return name;
            }
        }
    }

    private static String rdnText(String name, Random random) {
        return (random.nextBoolean() ? "cn=" : "CN=") + name;
    }
}
