package org.larch.backend.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.directory.api.ldap.model.filter.EqualityNode;
import org.apache.directory.api.ldap.model.filter.ExprNode;
import org.apache.directory.api.ldap.model.filter.FilterParser;
import org.larch.backend.entry.DirectoryEntry;
import org.larch.backend.filter.CompiledFilter;
import org.larch.backend.filter.FilterEvaluator;
import org.larch.storage.Env;
import org.larch.storage.EnvConfig;
import org.larch.storage.EnvFlag;
import org.larch.storage.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random adds, modifies and deletes over a real environment, then random filters: the candidates
 * always hold every entry the filter matches (FilterEvaluator over all entries), and for an
 * equality item on an indexed attribute they are exactly the matches.
 */
class IndexesRandomizedTest {
    private static final String[] OBJECT_CLASSES = {"person", "inetOrgPerson", "organizationalPerson", "device"};
    private static final String[] WORDS = {"Alice", "alice smith", "Bob", "bobby", "Smith", "Smyth", "Jones",
        "été", "ETE", "robert", "Rupert", "ab", "abc abd"};
    private static final String[] TEXT = {"cn", "sn", "mail", "description"};

    @TempDir
    Path directory;
    private final Random random = new Random(11);
    private final Map<Long, DirectoryEntry> entries = new TreeMap<>();
    private final FilterEvaluator evaluator = new FilterEvaluator(IndexesTest.SCHEMA);

    @Test
    void candidatesHoldEveryMatch() throws ParseException {
        try (Env env = Env.open(directory, EnvConfig.defaults().withFlags(EnvFlag.NOSYNC))) {
            Indexes indexes;
            try (Txn txn = env.txnWrite()) {
                indexes = Indexes.open(env, txn, IndexesTest.DIRECTIVES, IndexesTest.SCHEMA);
                indexes.rebuild(txn, List.of());
                txn.commit();
            }
            for (int step = 0; step < 250; step++) {
                change(env, indexes);
            }
            int exactChecks = 0;
            for (int round = 0; round < 1500; round++) {
                exactChecks += checkFilter(env, indexes, randomFilter(2)) ? 1 : 0;
            }
            assertTrue(exactChecks > 100, "enough indexed equality filters: " + exactChecks);
        }
    }

    private void change(Env env, Indexes indexes) {
        long id = 1 + random.nextInt(120);
        DirectoryEntry before = entries.get(id);
        DirectoryEntry after = random.nextInt(5) == 0 ? null : randomEntry(id);
        try (Txn txn = env.txnWrite()) {
            indexes.update(txn, id, before, after);
            txn.commit();
        }
        if (after == null) {
            entries.remove(id);
        } else {
            entries.put(id, after);
        }
    }

    /** Returns whether the candidates were checked to be exactly the matches. */
    private boolean checkFilter(Env env, Indexes indexes, String filter) throws ParseException {
        ExprNode node = FilterParser.parse(filter);
        IdSet candidates;
        try (Txn txn = env.txnRead()) {
            candidates = indexes.candidates(txn, node);
        }
        TreeSet<Long> matches = new TreeSet<>();
        CompiledFilter compiled = evaluator.compile(node);
        for (DirectoryEntry entry : entries.values()) {
            if (compiled.matches(entry)) {
                matches.add(entry.id());
            }
        }
        if (candidates == null) {
            return false;
        }
        for (long id : matches) {
            assertTrue(candidates.contains(id), filter + " misses entry " + id + ": " + entries.get(id));
        }
        if (node instanceof EqualityNode<?> && !filter.startsWith("(description")) {
            assertEquals(IdSet.of(matches.stream().mapToLong(Long::longValue).toArray()), candidates, filter);
            return true;
        }
        return false;
    }

    private DirectoryEntry randomEntry(long id) {
        List<String> lines = new ArrayList<>();
        lines.add("objectClass: " + pick(OBJECT_CLASSES));
        for (String attribute : TEXT) {
            int count = random.nextInt(3);
            for (int index = 0; index < count; index++) {
                String description = attribute.equals("cn") && random.nextInt(4) == 0 ? "cn;lang-en" : attribute;
                lines.add(description + ": " + pick(WORDS) + (random.nextBoolean() ? "" : " " + index));
            }
        }
        if (random.nextBoolean()) {
            lines.add("uidNumber: " + (random.nextInt(200) - 100));
        }
        if (random.nextBoolean()) {
            lines.add("modifyTimestamp: 2026010" + random.nextInt(10) + "120000Z");
        }
        return IndexesTest.entry(id, "uid=u" + id, dedupe(lines).toArray(String[]::new));
    }

    private static List<String> dedupe(List<String> lines) {
        List<String> kept = new ArrayList<>();
        for (String line : lines) {
            if (kept.stream().noneMatch(other -> other.equalsIgnoreCase(line))) {
                kept.add(line);
            }
        }
        return kept;
    }

    private String randomFilter(int depth) {
        return switch (random.nextInt(depth > 0 ? 11 : 8)) {
            case 0, 1 -> "(" + pick(TEXT) + "=" + pick(WORDS) + (random.nextBoolean() ? "" : " " + random.nextInt(2)) + ")";
            case 2 -> "(objectClass=" + pick(OBJECT_CLASSES) + ")";
            case 3 -> "(" + pick(TEXT) + "=*)";
            case 4 -> substring();
            case 5 -> "(sn~=" + pick(WORDS) + ")";
            case 6 -> "(uidNumber" + (random.nextBoolean() ? ">=" : "<=") + (random.nextInt(220) - 110) + ")";
            case 7 -> "(modifyTimestamp" + (random.nextBoolean() ? ">=" : "<=") + "2026010" + random.nextInt(10) + "120000Z)";
            case 8 -> "(!" + randomFilter(depth - 1) + ")";
            default -> "(" + (random.nextBoolean() ? "&" : "|") + randomFilter(depth - 1) + randomFilter(depth - 1) + ")";
        };
    }

    private String substring() {
        String word = pick(WORDS).toLowerCase();
        int start = random.nextInt(word.length());
        int end = Math.min(word.length(), start + 1 + random.nextInt(5));
        String part = word.substring(start, end).strip();
        if (part.isEmpty()) {
            part = "b";
        }
        String attribute = pick(new String[] {"cn", "sn"});
        return switch (random.nextInt(4)) {
            case 0 -> "(" + attribute + "=" + part + "*)";
            case 1 -> "(" + attribute + "=*" + part + ")";
            case 2 -> "(" + attribute + "=*" + part + "*)";
            default -> "(" + attribute + "=" + part.charAt(0) + "*" + part + "*" + part.charAt(part.length() - 1) + ")";
        };
    }

    private String pick(String[] choices) {
        return choices[random.nextInt(choices.length)];
    }
}
