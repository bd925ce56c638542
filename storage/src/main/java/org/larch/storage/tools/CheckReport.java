package org.larch.storage.tools;

import java.util.List;
import org.larch.storage.CorruptedException;

/**
 * What {@link Checker} found in one snapshot: the problems (empty when the environment is sound), the
 * warnings, and what it counted.
 *
 * @param txnId            the snapshot checked
 * @param problems         each names the page (or tree) and what is wrong with it
 * @param warnings         allowed states worth a look, e.g. an older meta page left torn
 * @param pagesTotal       pages the snapshot spans: its last page + 1, the two meta pages included
 * @param pagesInTrees     pages reached from a tree (main, free-page, named), overflow runs included
 * @param overflowPages    of those, pages in overflow runs
 * @param freePages        pages listed by free-page records
 * @param databasesChecked the unnamed database and each named one
 * @param entries          nodes in the leaves of those databases (a named database's own node in the
 *                         main tree counts as one entry of the unnamed database, as its Stat counts it)
 */
public record CheckReport(long txnId, List<String> problems, List<String> warnings, long pagesTotal,
        long pagesInTrees, long overflowPages, long freePages, int databasesChecked, long entries) {

    public CheckReport {
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
    }

    public boolean ok() {
        return problems.isEmpty();
    }

    /** Throws {@link CorruptedException} carrying the whole report unless {@link #ok()}. */
    public void assertOk() {
        if (!ok()) {
            throw new CorruptedException(toString());
        }
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        text.append("check of txn ").append(txnId).append(": ")
                .append(ok() ? "OK" : problems.size() + (problems.size() == 1 ? " problem" : " problems")).append('\n');
        text.append("  pages: ").append(pagesTotal).append(" total, ").append(pagesInTrees).append(" in trees (")
                .append(overflowPages).append(" overflow), ").append(freePages).append(" free, 2 meta\n");
        text.append("  databases: ").append(databasesChecked).append(", entries: ").append(entries).append('\n');
        problems.forEach(problem -> text.append("  problem: ").append(problem).append('\n'));
        warnings.forEach(warning -> text.append("  warning: ").append(warning).append('\n'));
        return text.toString();
    }
}
