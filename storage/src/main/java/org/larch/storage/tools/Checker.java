package org.larch.storage.tools;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.larch.storage.DbiFlag;
import org.larch.storage.Env;
import org.larch.storage.Txn;
import org.larch.storage.env.Snapshot;
import org.larch.storage.page.KeyComparator;
import org.larch.storage.page.Meta;

/**
 * Checks a whole environment as one read transaction sees it, and reports every problem with the
 * page it lies in (bbolt's {@code tx.Check}, LMDB's missing {@code mdb_chk}). In order:
 * <ol>
 *   <li>the meta pages in the file ({@link MetaPagesCheck});</li>
 *   <li>the main tree, collecting the named databases, then each named database ({@link TreeWalk}:
 *       page headers, checksums, node layout, key order against the parents' separators, leaf depth,
 *       overflow runs, and the descriptor's counts; a DUPSORT database's inline value sets and nested
 *       trees with {@link DuplicatesCheck});</li>
 *   <li>the free-page tree and its records ({@link FreeRecordCheck});</li>
 *   <li>that every page from 2 to the last is claimed exactly once ({@link PageLedger}).</li>
 * </ol>
 * Corrupt pages give problems, never exceptions. Runs in time linear in the pages of the snapshot.
 */
public final class Checker {
    private final Snapshot snapshot;
    private final Map<String, KeyComparator> orders;
    private final Findings findings = new Findings();
    private final CheckContext context;
    private final List<TreeTally> databases = new ArrayList<>();
    private long freePageTreeOverflowPages;

    private Checker(Snapshot snapshot, Map<String, KeyComparator> orders) {
        this.snapshot = snapshot;
        this.orders = Map.copyOf(orders);
        Meta meta = snapshot.meta();
        this.context = new CheckContext(snapshot.pages(), meta.lastPage(), meta.txnId(),
                new PageLedger(meta.lastPage(), findings), findings);
    }

    /** Checks the newest snapshot of {@code env} in a read transaction of its own. */
    public static CheckReport check(Env env) {
        return check(env, Map.of());
    }

    /** As {@link #check(Env)}, ordering the keys of the named databases in {@code orders} by their comparator. */
    public static CheckReport check(Env env, Map<String, KeyComparator> orders) {
        try (Txn txn = env.txnRead()) {
            Checker checker = new Checker(txn.snapshotForTools(), orders);
            return checker.run(env.path().resolve(Env.DATA_FILE));
        }
    }

    /** Checks the snapshot {@code readTxn} sees; the meta pages are read through its mapping of the file. */
    public static CheckReport check(Txn readTxn) {
        return check(readTxn, Map.of());
    }

    public static CheckReport check(Txn readTxn, Map<String, KeyComparator> orders) {
        return new Checker(readTxn.snapshotForTools(), orders).run(null);
    }

    private CheckReport run(Path dataFile) {
        try {
            checkMetaPages(dataFile);
            walkMainTree().forEach(this::walkNamedDatabase);
            walkFreePageTree().claimPages();
            context.ledger().reportUnclaimed();
        } catch (RuntimeException e) {
            findings.problem("the check stopped early: " + e);
        }
        return report();
    }

    private void checkMetaPages(Path dataFile) {
        MetaPagesCheck check = new MetaPagesCheck(snapshot.meta(), findings);
        if (dataFile != null) {
            check.checkFile(dataFile);
        } else {
            check.checkMapping(snapshot.mapping().segment());
        }
    }

    /** Walks the main tree; returns the named databases it holds. */
    private List<NamedDatabases.NamedDatabase> walkMainTree() {
        NamedDatabases named = new NamedDatabases(findings);
        databases.add(new TreeWalk(context, "the main tree", KeyComparator.LEXICOGRAPHIC, named)
                .walk(snapshot.meta().mainDb()));
        return named.found();
    }

    private void walkNamedDatabase(NamedDatabases.NamedDatabase database) {
        int flags = database.record().flags;
        KeyComparator order = orders.getOrDefault(database.name(), KeyComparator.forKeys(flags));
        TreeWalk walk = new TreeWalk(context, database.treeName(), order, NamedDatabases.forbiddenIn(findings));
        if ((flags & DbiFlag.DUPSORT.bits) != 0) {
            walk.withDuplicates(new DuplicatesCheck(context, database.treeName(), KeyComparator.forValues(flags),
                    (flags & DbiFlag.DUPFIXED.bits) != 0));
        }
        databases.add(walk.walk(database.record()));
    }

    /** Walks the free-page tree; returns its records, checked but not yet claimed. */
    private FreeRecordCheck walkFreePageTree() {
        FreeRecordCheck records = new FreeRecordCheck(context);
        freePageTreeOverflowPages = new TreeWalk(context, "the free-page tree", KeyComparator.LEXICOGRAPHIC, records)
                .walk(snapshot.meta().freeDb()).overflowPages();
        return records;
    }

    private CheckReport report() {
        long overflowPages = freePageTreeOverflowPages;
        long entries = 0;
        for (TreeTally database : databases) {
            overflowPages += database.overflowPages();
            entries += database.entries();
        }
        PageLedger ledger = context.ledger();
        return new CheckReport(snapshot.txnId(), findings.problems(), findings.warnings(),
                snapshot.meta().lastPage() + 1, ledger.usedPages(), overflowPages, ledger.freePages(),
                databases.size(), entries);
    }
}
