package org.larch.backend.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.schema.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.larch.backend.entry.DirectoryEntry;
import org.larch.backend.schema.DirectorySchema;
import org.junit.jupiter.api.Test;

/**
 * Random entries and random filters, evaluated by FilterEvaluator and by UnboundID's
 * {@code Filter.matchesEntry(Entry, Schema)}: an entry matches in one exactly when it matches in the
 * other. Filters stay within what both define alike (no approx, no objectClass subclassing, no
 * subtypes, no options, no invalid assertion values, no extensible match, which UnboundID does not
 * evaluate). UnboundID's standard schema (which lacks RFC 2307) gets uidNumber and gidNumber with
 * {@code ORDERING integerOrderingMatch}, as Larch's schema (like slapd's) has them. UnboundID also
 * orders a text type without an ORDERING rule ({@code (sn>=x)}) by its equality rule; RFC 4511
 * 4.5.1.7.3 makes that Undefined, as Larch does, so no such filter is generated here
 * ({@code FilterEvaluatorTest} covers it).
 */
class FilterEvaluatorRandomizedTest {
    private static final DirectorySchema SCHEMA = DirectorySchema.load(List.of());
    private static final String[] TEXT_ATTRIBUTES = {"cn", "sn", "description", "mail", "uid", "telephoneNumber"};
    /** UnboundID keeps only the digits of a telephone number, RFC 4517 drops spaces and hyphens: agree on phones. */
    private static final String[] PHONES = {"+1 555 1212", "5551212", "555-1212", "+1 408 555 1212", "+14085551212", "555"};
    private static final String[] INTEGER_ATTRIBUTES = {"uidNumber", "gidNumber"};
    private static final String[] WORDS = {"alpha", "Alpha", "ALPHA beta", "alpha  beta", "gamma", "Delta x",
        "été", "ÉTÉ", "zeta-eta", "555 1212", "5551212", "a@b.com", "A@B.COM", "omega"};

    private final FilterEvaluator evaluator = new FilterEvaluator(SCHEMA);
    private final Random random = new Random(20261122L);

    @Test
    void agreesWithUnboundId() throws Exception {
        Schema unboundIdSchema = withIntegerOrdering(Schema.getDefaultStandardSchema());
        List<DirectoryEntry> ours = new ArrayList<>();
        List<Entry> theirs = new ArrayList<>();
        for (int index = 0; index < 60; index++) {
            generateEntry(index, ours, theirs);
        }
        int matches = 0;
        for (int round = 0; round < 2000; round++) {
            String filter = randomFilter(3);
            Filter unboundIdFilter = Filter.create(filter);
            CompiledFilter compiled = evaluator.compile(CodecLikeFilters.toNode(unboundIdFilter));
            for (int index = 0; index < ours.size(); index++) {
                boolean expected = unboundIdFilter.matchesEntry(theirs.get(index), unboundIdSchema);
                boolean actual = compiled.matches(ours.get(index));
                assertEquals(expected, actual, filter + " on " + theirs.get(index).toLDIFString());
                matches += actual ? 1 : 0;
            }
        }
        assertTrue(matches > 5_000, "the filters should match often enough to mean something: " + matches);
    }

    private static Schema withIntegerOrdering(Schema standard) throws Exception {
        Entry schemaEntry = standard.getSchemaEntry().duplicate();
        schemaEntry.addAttribute("attributeTypes",
                "( 1.3.6.1.1.1.1.0 NAME 'uidNumber' EQUALITY integerMatch ORDERING integerOrderingMatch"
                        + " SYNTAX 1.3.6.1.4.1.1466.115.121.1.27 SINGLE-VALUE )",
                "( 1.3.6.1.1.1.1.1 NAME 'gidNumber' EQUALITY integerMatch ORDERING integerOrderingMatch"
                        + " SYNTAX 1.3.6.1.4.1.1466.115.121.1.27 SINGLE-VALUE )");
        Schema patched = new Schema(schemaEntry);
        assertTrue(patched.getAttributeType("uidNumber").getOrderingMatchingRule() != null);
        return patched;
    }

    private void generateEntry(int index, List<DirectoryEntry> ours, List<Entry> theirs) {
        String dn = "uid=u" + index + ",ou=people,dc=example,dc=com";
        List<String> lines = new ArrayList<>();
        lines.add("objectClass: top");
        lines.add("objectClass: person");
        for (String attribute : TEXT_ATTRIBUTES) {
            int count = random.nextInt(3);
            for (int value = 0; value < count; value++) {
                lines.add(attribute + ": " + pick(vocabulary(attribute)));
            }
        }
        for (String attribute : INTEGER_ATTRIBUTES) {
            if (random.nextInt(3) > 0) {
                lines.add(attribute + ": " + (random.nextInt(41) - 20));
            }
        }
        lines = dedupe(lines);
        ours.add(TestEntries.entry(SCHEMA, dn, lines.toArray(String[]::new)));
        Entry entry = new Entry(dn);
        for (String line : lines) {
            int colon = line.indexOf(": ");
            entry.addAttribute(line.substring(0, colon), line.substring(colon + 2));
        }
        theirs.add(entry);
    }

    /** Drops values equal under caseIgnore to an earlier one (an entry cannot hold both). */
    private static List<String> dedupe(List<String> lines) {
        List<String> kept = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (String line : lines) {
            String key = line.toLowerCase(Locale.ROOT).replaceAll("[ -]+", "");
            if (!seen.contains(key)) {
                seen.add(key);
                kept.add(line);
            }
        }
        return kept;
    }

    private String randomFilter(int depth) {
        int choice = random.nextInt(depth > 0 ? 10 : 6);
        return switch (choice) {
            case 0 -> textEquality(false);
            case 1 -> substring();
            case 2 -> "(" + pick(TEXT_ATTRIBUTES) + "=*)";
            case 3 -> "(" + pick(INTEGER_ATTRIBUTES) + (random.nextBoolean() ? ">=" : "<=") + (random.nextInt(41) - 20) + ")";
            case 4 -> "(" + pick(INTEGER_ATTRIBUTES) + "=" + (random.nextInt(41) - 20) + ")";
            case 5 -> "(" + pick(INTEGER_ATTRIBUTES) + "=*)";
            case 6 -> "(!" + randomFilter(depth - 1) + ")";
            case 7 -> textEquality(true);
            default -> "(" + (random.nextBoolean() ? "&" : "|") + children(depth - 1) + ")";
        };
    }

    private String textEquality(boolean upperCase) {
        String attribute = pick(TEXT_ATTRIBUTES);
        String value = pick(vocabulary(attribute));
        return "(" + attribute + "=" + (upperCase ? value.toUpperCase(Locale.ROOT) : value) + ")";
    }

    private static String[] vocabulary(String attribute) {
        return attribute.equals("telephoneNumber") ? PHONES : WORDS;
    }

    private String children(int depth) {
        StringBuilder children = new StringBuilder();
        int count = random.nextInt(4);
        for (int index = 0; index < count; index++) {
            children.append(randomFilter(depth));
        }
        return children.toString();
    }

    private String substring() {
        String attribute = pick(new String[] {"cn", "sn", "description", "mail", "telephoneNumber"});
        String word = pick(vocabulary(attribute));
        int start = random.nextInt(word.length());
        int end = start + 1 + random.nextInt(word.length() - start);
        String part = word.substring(start, end).strip();
        if (part.isEmpty()) {
            part = "a";
        }
        return switch (random.nextInt(4)) {
            case 0 -> "(" + attribute + "=" + part + "*)";
            case 1 -> "(" + attribute + "=*" + part + ")";
            case 2 -> "(" + attribute + "=*" + part + "*)";
            default -> "(" + attribute + "=" + part.charAt(0) + "*" + part.substring(part.length() - 1) + ")";
        };
    }

    private String pick(String[] choices) {
        return choices[random.nextInt(choices.length)];
    }
}
