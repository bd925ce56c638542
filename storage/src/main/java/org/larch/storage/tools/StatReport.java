package org.larch.storage.tools;

import java.util.ArrayList;
import java.util.List;
import org.larch.storage.Dbi;
import org.larch.storage.Env;
import org.larch.storage.EnvInfo;
import org.larch.storage.NotFoundException;
import org.larch.storage.ReaderInfo;
import org.larch.storage.Stat;
import org.larch.storage.Txn;

/**
 * What {@code larch stat} prints, laid out as {@code mdb_stat -efa} (with {@code -ff}'s free-page
 * records) so that LMDB users recognise it: the environment, the free-page tree, then the unnamed
 * database and each named one; the reader table of every process is listed as {@code mdb_stat -r}
 * lists it, with each reader's lag behind the last commit.
 *
 * @param environment the environment's figures, taken before the read transaction began (as mdb_stat)
 * @param readers     the taken slots of the reader table, before the report's own read transaction
 * @param freeList    the free-page tree of the snapshot read
 * @param databases   the unnamed database first, then the named ones in name order
 */
public record StatReport(EnvInfo environment, List<ReaderInfo> readers, FreeListStat freeList,
        List<DatabaseStat> databases) {

    public StatReport {
        readers = List.copyOf(readers);
        databases = List.copyOf(databases);
    }

    /** Collects the figures of {@code env}: its info, then its newest snapshot in a read transaction. */
    public static StatReport of(Env env) {
        EnvInfo info = env.info();
        List<ReaderInfo> readers = env.readers();
        try (Txn txn = env.txnRead()) {
            return new StatReport(info, readers, FreeListStat.of(txn.snapshotForTools()), databases(env, txn));
        }
    }

    private static List<DatabaseStat> databases(Env env, Txn txn) {
        List<DatabaseStat> databases = new ArrayList<>();
        databases.add(new DatabaseStat(null, env.openDbi(txn, null).stat(txn)));
        for (String name : env.dbiNames()) {
            try {
                Dbi dbi = env.openDbi(txn, name);
                databases.add(new DatabaseStat(name, dbi.stat(txn)));
            } catch (NotFoundException dropped) {
                // dropped after the names were listed: not in this snapshot, so not in the report
            }
        }
        return databases;
    }

    /** The report as mdb_stat prints it. */
    public String format() {
        StringBuilder text = new StringBuilder();
        formatEnvironment(text);
        formatFreeList(text);
        for (DatabaseStat database : databases) {
            text.append("Status of ").append(database.title()).append('\n');
            formatTree(text, database.stat());
        }
        return text.toString();
    }

    private void formatEnvironment(StringBuilder text) {
        text.append("Environment Info\n");
        line(text, "Map size", environment.maxSizeBytes());
        line(text, "File size", environment.fileSizeBytes());
        line(text, "Page size", environment.pageSize());
        text.append("  Pages used: ").append(environment.lastPage() + 1).append(" (").append(environment.usedBytes())
                .append(" bytes)\n");
        line(text, "Last transaction ID", environment.lastTxnId());
        line(text, "Max readers", environment.maxReaders());
        line(text, "Number of readers used", environment.readersUsed());
        formatReaders(text);
    }

    private void formatReaders(StringBuilder text) {
        text.append("Reader Table Status\n");
        text.append(String.format("  %6s %10s %12s %10s %8s%n", "slot", "pid", "thread", "txnid", "lag"));
        for (ReaderInfo reader : readers) {
            String snapshot = reader.pinsSnapshot() ? Long.toString(reader.snapshotTxnId()) : "-";
            text.append(String.format("  %6d %10d %12d %10s %8d%n", reader.slot(), reader.pid(), reader.ownerId(),
                    snapshot, reader.lag()));
        }
    }

    private void formatFreeList(StringBuilder text) {
        text.append("Freelist Status\n");
        formatTree(text, freeList.tree());
        line(text, "Free pages", freeList.freePages());
        for (FreeRecordStat record : freeList.records()) {
            text.append("    Transaction ").append(record.txnId()).append(", ").append(record.pages())
                    .append(" pages, maxspan ").append(record.maxSpan()).append('\n');
        }
    }

    private static void formatTree(StringBuilder text, Stat stat) {
        line(text, "Tree depth", stat.depth());
        line(text, "Branch pages", stat.branchPages());
        line(text, "Leaf pages", stat.leafPages());
        line(text, "Overflow pages", stat.overflowPages());
        line(text, "Entries", stat.entries());
    }

    private static void line(StringBuilder text, String label, long value) {
        text.append("  ").append(label).append(": ").append(value).append('\n');
    }
}
