package org.larch.backend.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.directory.api.ldap.model.filter.FilterParser;
import org.larch.backend.entry.DirectoryEntry;
import org.larch.backend.filter.FilterEvaluator;
import org.larch.backend.filter.TestEntries;
import org.larch.backend.schema.DirectorySchema;
import org.larch.storage.Env;
import org.larch.storage.EnvConfig;
import org.larch.storage.Txn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexesTest {
    static final DirectorySchema SCHEMA = DirectorySchema.load(List.of());
    static final List<IndexDirective> DIRECTIVES = List.of(
            new IndexDirective("cn", EnumSet.of(IndexKind.EQ, IndexKind.SUB_INITIAL, IndexKind.SUB_ANY, IndexKind.SUB_FINAL)),
            new IndexDirective("sn", EnumSet.of(IndexKind.EQ, IndexKind.APPROX)),
            new IndexDirective("mail", EnumSet.of(IndexKind.PRES, IndexKind.EQ)),
            new IndexDirective("uidNumber", EnumSet.of(IndexKind.EQ)),
            new IndexDirective("modifyTimestamp", EnumSet.of(IndexKind.EQ)),
            new IndexDirective("shadowLastChange", EnumSet.of(IndexKind.EQ)));

    @TempDir
    Path directory;
    private Env env;
    private Indexes indexes;
    private final FilterEvaluator evaluator = new FilterEvaluator(SCHEMA);
    private final Map<Long, DirectoryEntry> entries = new TreeMap<>();

    @BeforeEach
    void open() {
        env = Env.open(directory, EnvConfig.defaults());
        indexes = openIndexes(DIRECTIVES);
        try (Txn txn = env.txnWrite()) {
            indexes.rebuild(txn, List.of());
            txn.commit();
        }
    }

    @AfterEach
    void close() {
        env.close();
    }

    @Test
    void candidatesOfEachKind() {
        add(1, "uid=alice", "objectClass: inetOrgPerson", "cn: Alice Smith", "sn: Smith", "mail: alice@example.com",
                "uidNumber: 1000", "modifyTimestamp: 20260101000000Z");
        add(2, "uid=bob", "objectClass: person", "cn: Bob Smyth", "sn: Smyth", "uidNumber: 20",
                "modifyTimestamp: 20251231235959Z");
        add(3, "uid=carol", "objectClass: organizationalUnit", "cn;lang-en: Carol", "sn: Jones", "uidNumber: -5");
        assertCandidates("(cn=alice smith)", 1);
        assertCandidates("(cn=carol)", 3);
        assertCandidates("(objectClass=person)", 1, 2);
        assertCandidates("(mail=*)", 1);
        assertCandidates("(cn=*smith)", 1);
        assertCandidates("(cn=b*)", 2);
        assertCandidates("(cn=*ice sm*)", 1);
        assertCandidates("(sn~=smith)", 1, 2);
        assertCandidates("(uidNumber>=20)", 1, 2);
        assertCandidates("(uidNumber<=20)", 2, 3);
        assertCandidates("(uidNumber<=-6)");
        assertCandidates("(modifyTimestamp>=20260101000000Z)", 1);
        assertCandidates("(modifyTimestamp<=20260101010000+0100)", 1, 2);
        assertCandidates("(&(cn=*smith)(uidNumber>=20))", 1);
        assertCandidates("(&(description=x)(sn=jones))", 3);
        assertCandidates("(|(sn=jones)(cn=bob smyth))", 2, 3);
        assertCandidates("(noSuchAttribute=x)");
        assertCandidates("(uidNumber=abc)");
        assertUnanswered("(|(sn=jones)(description=x))");
        assertUnanswered("(!(sn=jones))");
        assertUnanswered("(description=x)");
        assertUnanswered("(sn=*)");
        assertUnanswered("(cn:caseExactMatch:=Carol)");
        assertUnanswered("(name=carol)");
    }

    /** Regression: without an ORDERING rule, {@code >=} and {@code <=} are Undefined, so nothing is a candidate. */
    @Test
    void orderingItemsOnATypeWithoutAnOrderingRuleHaveNoCandidates() {
        add(1, "uid=alice", "objectClass: shadowAccount", "uid: alice", "sn: Smith", "shadowLastChange: 10");
        add(2, "uid=bob", "objectClass: shadowAccount", "uid: bob", "sn: Jones", "shadowLastChange: 2");
        assertCandidates("(shadowLastChange=10)", 1);
        assertCandidates("(shadowLastChange>=5)");
        assertCandidates("(shadowLastChange<=5)");
        assertCandidates("(sn>=a)");
        assertCandidates("(sn<=z)");
        assertCandidates("(uidNumber>=0)");
    }

    @Test
    void gramsInsideTheInitialPartNarrowTheCandidates() {
        add(1, "uid=alice", "objectClass: person", "cn: Alice Smith");
        add(2, "uid=alison", "objectClass: person", "cn: Alison");
        assertCandidates("(cn=ali*)", 1, 2);
        assertCandidates("(cn=alic*)", 1);
        assertCandidates("(cn=*son)", 2);
        assertCandidates("(cn=a*ith)", 1);
    }

    @Test
    void updatesWriteOnlyTheKeyDifferences() {
        add(1, "uid=alice", "objectClass: person", "cn: Alice", "sn: Smith");
        DirectoryEntry before = entries.get(1L);
        DirectoryEntry after = entry(1, "uid=alice", "objectClass: person", "cn: Alicia", "sn: Smith", "mail: a@b.c");
        write(txn -> indexes.update(txn, 1, before, after));
        entries.put(1L, after);
        assertCandidates("(cn=alice)");
        assertCandidates("(cn=alicia)", 1);
        assertCandidates("(sn=smith)", 1);
        assertCandidates("(mail=*)", 1);
        write(txn -> indexes.update(txn, 1, after, null));
        entries.remove(1L);
        assertCandidates("(cn=alicia)");
        assertCandidates("(objectClass=person)");
        assertCandidates("(mail=*)");
    }

    @Test
    void anIndexedEqualitySearchReadsOnlyItsCandidates() {
        for (long id = 1; id <= 300; id++) {
            add(id, "uid=u" + id, "objectClass: person", "cn: user " + (id % 3), "sn: s" + id);
        }
        IndexStats.Snapshot before = indexes.stats().snapshot();
        IdSet candidates = candidates("(sn=s42)");
        IndexStats.Snapshot read = indexes.stats().snapshot().minus(before);
        assertEquals(IdSet.of(42), candidates);
        assertEquals(1, read.keysRead());
        assertEquals(1, read.idsRead());
        before = indexes.stats().snapshot();
        assertEquals(100, candidates("(cn=user 1)").size());
        assertEquals(100, indexes.stats().snapshot().minus(before).idsRead());
    }

    @Test
    void manyIdsUnderOneKeyAreReadPageByPage() {
        DirectoryEntry template = entry(0, "uid=someone", "objectClass: person", "sn: same");
        write(txn -> {
            for (long id = 1; id <= 20_000; id++) {
                DirectoryEntry entry = template.copy();
                entry.id(id);
                indexes.update(txn, id, null, entry);
            }
        });
        IdSet candidates = candidates("(sn=same)");
        assertEquals(20_000, candidates.size());
        assertEquals(1, candidates.first());
        assertEquals(20_000, candidates.last());
        assertEquals(20_000, candidates("(objectClass=top)").size());
    }

    @Test
    void aChangedConfigurationMakesAnIndexStaleUntilRebuilt() {
        add(1, "uid=alice", "objectClass: person", "cn: Alice", "description: tall");
        env.close();
        env = Env.open(directory, EnvConfig.defaults());
        indexes = openIndexes(DIRECTIVES);
        assertEquals(List.of(), indexes.staleAttributes(), "the recorded configuration is unchanged");
        assertCandidates("(cn=alice)", 1);
        List<IndexDirective> more = new java.util.ArrayList<>(DIRECTIVES);
        more.add(new IndexDirective("description", EnumSet.of(IndexKind.EQ)));
        indexes = openIndexes(more);
        assertEquals(List.of("description"), indexes.staleAttributes());
        assertUnanswered("(description=tall)");
        write(txn -> indexes.rebuild(txn, entries.values()));
        assertEquals(List.of(), indexes.staleAttributes());
        assertCandidates("(description=tall)", 1);
    }

    @Test
    void aRebuildInterruptedAfterItsFirstCommitLeavesTheIndexStale() {
        add(1, "uid=alice", "objectClass: person", "cn: Alice");
        assertTrue(indexes.markStale(SCHEMA.attributeType("cn")));
        write(txn -> assertEquals(List.of("cn"), indexes.beginRebuild(txn)));
        indexes = openIndexes(DIRECTIVES);
        assertEquals(List.of("cn"), indexes.staleAttributes(), "an emptied index must not be used");
        assertUnanswered("(cn=alice)");
        write(txn -> indexes.beginRebuild(txn));
        write(txn -> indexes.addToStale(txn, entries.values()));
        write(txn -> indexes.finishRebuild(txn));
        assertEquals(List.of(), indexes.staleAttributes());
        assertCandidates("(cn=alice)", 1);
    }

    @Test
    void onlyAnIndexedAttributeCanBeMarkedStale() {
        assertFalse(indexes.markStale(SCHEMA.attributeType("description")));
        assertEquals(List.of(), indexes.staleAttributes());
    }

    @Test
    void anUnknownAttributeInADirectiveIsNamed() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> openIndexes(List.of(new IndexDirective("noSuchType", EnumSet.of(IndexKind.EQ)))));
        assertTrue(error.getMessage().contains("noSuchType"), error.getMessage());
    }

    private Indexes openIndexes(List<IndexDirective> directives) {
        try (Txn txn = env.txnWrite()) {
            Indexes opened = Indexes.open(env, txn, directives, SCHEMA);
            txn.commit();
            return opened;
        }
    }

    private void add(long id, String rdn, String... lines) {
        DirectoryEntry entry = entry(id, rdn, lines);
        write(txn -> indexes.update(txn, id, null, entry));
        entries.put(id, entry);
    }

    static DirectoryEntry entry(long id, String rdn, String... lines) {
        DirectoryEntry entry = TestEntries.entry(SCHEMA, rdn + ",dc=example,dc=com", lines);
        entry.id(id);
        return entry;
    }

    private void write(java.util.function.Consumer<Txn> change) {
        try (Txn txn = env.txnWrite()) {
            change.accept(txn);
            txn.commit();
        }
    }

    private IdSet candidates(String filter) {
        try (Txn txn = env.txnRead()) {
            return indexes.candidates(txn, FilterParser.parse(filter));
        } catch (java.text.ParseException e) {
            throw new IllegalArgumentException(filter, e);
        }
    }

    /** The candidates are exactly these ids, and they are a superset of the true matches. */
    private void assertCandidates(String filter, long... ids) {
        IdSet candidates = candidates(filter);
        assertEquals(IdSet.of(ids), candidates, filter);
        for (DirectoryEntry entry : entries.values()) {
            if (matches(filter, entry)) {
                assertTrue(candidates.contains(entry.id()), filter + " must find " + entry.dn());
            }
        }
    }

    private void assertUnanswered(String filter) {
        assertNull(candidates(filter), filter);
    }

    private boolean matches(String filter, DirectoryEntry entry) {
        try {
            return evaluator.matches(FilterParser.parse(filter), entry);
        } catch (java.text.ParseException e) {
            throw new IllegalArgumentException(filter, e);
        }
    }
}
