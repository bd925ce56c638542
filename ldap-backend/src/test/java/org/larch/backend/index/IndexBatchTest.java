package org.larch.backend.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.apache.directory.api.ldap.model.filter.FilterParser;
import org.larch.backend.entry.DirectoryEntry;
import org.larch.backend.filter.FilterEvaluator;
import org.larch.storage.Cursor;
import org.larch.storage.Dbi;
import org.larch.storage.DbiFlag;
import org.larch.storage.Env;
import org.larch.storage.EnvConfig;
import org.larch.storage.EnvFlag;
import org.larch.storage.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An {@link IndexBatch} writes exactly what {@link Indexes#update} writes entry by entry: the same
 * random entries loaded both ways give identical {@code idx.*} sub-databases, and the batched
 * indexes answer equality filters with exactly the entries a full scan matches.
 */
class IndexBatchTest {
    private static final String[] OBJECT_CLASSES = {"person", "inetOrgPerson", "organizationalPerson", "device"};
    private static final String[] WORDS = {"Alice", "alice smith", "Bob", "bobby", "Smith", "Smyth", "Jones",
        "été", "ETE", "robert", "Rupert", "ab", "abc abd"};

    @TempDir
    Path oneByOne;
    @TempDir
    Path batched;
    private final Random random = new Random(5);

    @Test
    void aBatchWritesTheSameIndexesAsUpdatesEntryByEntry() throws ParseException {
        List<DirectoryEntry> entries = new ArrayList<>();
        for (long id = 1; id <= 600; id++) {
            entries.add(randomEntry(id));
        }
        try (Env expected = openEnv(oneByOne); Env actual = openEnv(batched)) {
            Indexes updated = openIndexes(expected);
            Indexes batchedIndexes = openIndexes(actual);
            write(expected, txn -> entries.forEach(entry -> updated.update(txn, entry.id(), null, entry)));
            // three transactions, the later ones appending ids to keys the earlier ones wrote
            for (List<DirectoryEntry> part : List.of(entries.subList(0, 250), entries.subList(250, 260),
                    entries.subList(260, 600))) {
                write(actual, txn -> {
                    IndexBatch batch = batchedIndexes.newBatch();
                    part.forEach(entry -> batch.add(entry.id(), batch.keysOf(entry)));
                    assertEquals(part.size(), batch.size());
                    batch.flush(txn);
                    assertEquals(0, batch.size());
                });
            }
            assertEquals(indexContents(expected), indexContents(actual));
            assertEqualityCandidatesAreTheMatches(actual, batchedIndexes, entries);
        }
    }

    @Test
    void idsOutOfOrderAndTwiceAreWrittenSortedOnce() {
        try (Env expected = openEnv(oneByOne); Env actual = openEnv(batched)) {
            Indexes updated = openIndexes(expected);
            Indexes batchedIndexes = openIndexes(actual);
            DirectoryEntry first = IndexesTest.entry(7, "uid=a", "objectClass: person", "cn: Alice", "sn: Smith");
            DirectoryEntry second = IndexesTest.entry(3, "uid=b", "objectClass: person", "cn: Alice", "sn: Jones");
            write(expected, txn -> List.of(first, second).forEach(entry -> updated.update(txn, entry.id(), null, entry)));
            write(actual, txn -> {
                IndexBatch batch = batchedIndexes.newBatch();
                batch.add(7, first);
                batch.add(3, second);
                batch.add(7, first);
                batch.flush(txn);
            });
            List<String> contents = indexContents(actual);
            assertEquals(indexContents(expected), contents);
            assertFalse(contents.isEmpty());
        }
    }

    private static void assertEqualityCandidatesAreTheMatches(Env env, Indexes indexes, List<DirectoryEntry> entries)
            throws ParseException {
        FilterEvaluator evaluator = new FilterEvaluator(IndexesTest.SCHEMA);
        int nonEmpty = 0;
        for (String filter : equalityFilters()) {
            TreeSet<Long> matches = new TreeSet<>();
            for (DirectoryEntry entry : entries) {
                if (evaluator.matches(FilterParser.parse(filter), entry)) {
                    matches.add(entry.id());
                }
            }
            IdSet candidates;
            try (Txn txn = env.txnRead()) {
                candidates = indexes.candidates(txn, FilterParser.parse(filter));
            }
            assertEquals(IdSet.of(matches.stream().mapToLong(Long::longValue).toArray()), candidates, filter);
            nonEmpty += matches.isEmpty() ? 0 : 1;
        }
        assertTrue(nonEmpty > 20, "filters with matches: " + nonEmpty);
    }

    private static List<String> equalityFilters() {
        List<String> filters = new ArrayList<>();
        for (String objectClass : OBJECT_CLASSES) {
            filters.add("(objectClass=" + objectClass + ")");
        }
        for (String word : WORDS) {
            for (String attribute : List.of("cn", "sn", "mail")) {
                filters.add("(" + attribute + "=" + word + ")");
                filters.add("(" + attribute + "=" + word + " 1)");
            }
        }
        return filters;
    }

    /** Every (key, value) of every idx.* database, in order, as text. */
    private static List<String> indexContents(Env env) {
        List<String> contents = new ArrayList<>();
        HexFormat hex = HexFormat.of();
        List<String> names = env.dbiNames().stream()
                .filter(name -> name.startsWith("idx.") && !name.equals(IndexConfigRecord.DATABASE)).toList();
        assertTrue(names.size() >= 4, "index databases: " + names);
        List<Dbi> dbis = names.stream().map(name -> env.openDbi(name, DbiFlag.DUPSORT, DbiFlag.DUPFIXED)).toList();
        try (Txn txn = env.txnRead()) {
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i);
                try (Cursor cursor = dbis.get(i).openCursor(txn)) {
                    for (boolean more = cursor.first(); more; more = cursor.next()) {
                        contents.add(name + " " + hex.formatHex(cursor.keyBytes()) + " " + hex.formatHex(cursor.valueBytes()));
                    }
                }
            }
        }
        return contents;
    }

    private static Env openEnv(Path directory) {
        return Env.open(directory, EnvConfig.defaults().withFlags(EnvFlag.NOSYNC));
    }

    private static Indexes openIndexes(Env env) {
        try (Txn txn = env.txnWrite()) {
            Indexes indexes = Indexes.open(env, txn, IndexesTest.DIRECTIVES, IndexesTest.SCHEMA);
            indexes.rebuild(txn, List.of());
            txn.commit();
            return indexes;
        }
    }

    private static void write(Env env, java.util.function.Consumer<Txn> change) {
        try (Txn txn = env.txnWrite()) {
            change.accept(txn);
            txn.commit();
        }
    }

    private DirectoryEntry randomEntry(long id) {
        List<String> lines = new ArrayList<>();
        lines.add("objectClass: " + pick(OBJECT_CLASSES));
        for (String attribute : List.of("cn", "sn", "mail", "description")) {
            int count = random.nextInt(3);
            for (int index = 0; index < count; index++) {
                lines.add(attribute + ": " + pick(WORDS) + " " + index);
            }
        }
        if (random.nextBoolean()) {
            lines.add("uidNumber: " + (random.nextInt(200) - 100));
        }
        return IndexesTest.entry(id, "uid=u" + id, lines.toArray(String[]::new));
    }

    private String pick(String[] choices) {
        return choices[random.nextInt(choices.length)];
    }
}
