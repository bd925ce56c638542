package org.larch.server.commands;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.stream.LongStream;
import org.apache.directory.api.ldap.model.schema.AttributeType;
import org.larch.backend.DirectorySettings;
import org.larch.backend.entry.DirectoryEntry;
import org.larch.backend.index.Indexes;
import org.larch.backend.ldif.DirectoryOwnerLock;
import org.larch.backend.ldif.ImportOptions;
import org.larch.backend.store.DirectoryStore;
import org.larch.backend.store.EntryIds;
import org.larch.backend.store.StoreWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code larch reindex [-f CONF] [ATTR...]}: rebuilds the named (or all configured) attribute indexes
 * from every entry, offline, like {@code slapindex}. Refused while a server runs on the data directory
 * ({@link DirectoryOwnerLock}). Exit code 2 for an attribute the configuration does not index.
 *
 * <p>Steps, each its own write transaction: mark the indexes stale and empty them
 * ({@link Indexes#beginRebuild}), add the keys of a batch of entries ({@link Indexes#addToStale}, one
 * commit per batch, so a large directory's dirty pages never pile up), record their configuration
 * ({@link Indexes#finishRebuild}). An interrupted reindex leaves the indexes stale: unused, and
 * rebuilt when the server starts.
 */
@Command(name = "reindex", mixinStandardHelpOptions = true,
        description = {"Rebuild the named (or all configured) attribute indexes, with the server stopped.",
                "The server also rebuilds an index whose configuration changed at start-up."})
public final class ReindexCommand implements Callable<Integer> {
    static final int NOT_INDEXED = 2;

    @Option(names = {"-f", "--config"}, paramLabel = "CONF", description = "The configuration file (default: the embedded one).")
    Path configFile;

    @Parameters(paramLabel = "ATTR", arity = "0..*", description = "Attributes whose indexes to rebuild (default: all).")
    List<String> attributes = new ArrayList<>();

    @Option(names = "--entries-per-commit", paramLabel = "N", hidden = true,
            description = "Entries per write transaction (default: ${DEFAULT-VALUE}).")
    int entriesPerCommit = ImportOptions.DEFAULT_ENTRIES_PER_COMMIT;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (entriesPerCommit < 1) {
            throw new IllegalArgumentException("--entries-per-commit must be at least 1, not " + entriesPerCommit);
        }
        DirectorySettings settings = DirectoryConfigs.settings(DirectoryConfigs.read(configFile));
        long startNanos = System.nanoTime();
        try (DirectoryOwnerLock lock = DirectoryOwnerLock.claim(settings.directory(), "a reindex");
                DirectoryStore store = DirectoryConfigs.openExisting(settings)) {
            Indexes indexes;
            List<String> rebuilt;
            long[] ids;
            try (StoreWriter writer = store.beginWrite()) {
                indexes = Indexes.open(store.env(), writer.txn(), settings.indexes(), store.schema());
                String unknown = markStale(indexes, store);
                if (unknown != null) {
                    return reportNotIndexed(unknown);
                }
                rebuilt = indexes.beginRebuild(writer.txn());
                ids = allIds(writer);
                writer.commit();
            }
            long entries = fillInBatches(store, indexes, ids);
            try (StoreWriter writer = store.beginWrite()) {
                indexes.finishRebuild(writer.txn());
                writer.commit();
            }
            return printSummary(rebuilt, entries, startNanos);
        }
    }

    /** Marks the named indexes (all when none is named) stale; the first name not indexed, or null. */
    private String markStale(Indexes indexes, DirectoryStore store) {
        if (attributes.isEmpty()) {
            indexes.markAllStale();
            return null;
        }
        for (String attribute : attributes) {
            AttributeType type = store.schema().attributeType(attribute);
            if (type == null || !indexes.markStale(type)) {
                return attribute;
            }
        }
        return null;
    }

    private static long[] allIds(StoreWriter writer) {
        long suffixId = writer.suffixId();
        return suffixId == EntryIds.NONE ? new long[0] : writer.subtree(suffixId, true);
    }

    /** Adds every entry's keys, {@link #entriesPerCommit} entries per transaction; the number of entries. */
    private long fillInBatches(DirectoryStore store, Indexes indexes, long[] ids) {
        ProgressLine progress = new ProgressLine(System.console() == null ? null : spec.commandLine().getErr());
        long entries = 0;
        for (int from = 0; from < ids.length; from += entriesPerCommit) {
            try (StoreWriter writer = store.beginWrite()) {
                List<DirectoryEntry> batch = LongStream.of(ids).skip(from).limit(entriesPerCommit)
                        .mapToObj(writer::entry).filter(Objects::nonNull).toList();
                indexes.addToStale(writer.txn(), batch);
                writer.commit();
                entries += batch.size();
            }
            progress.update(entries, ids.length);
        }
        return entries;
    }

    private int reportNotIndexed(String attribute) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("larch reindex: attribute '" + attribute + "' is not indexed in the configuration "
                + "(add an 'index " + attribute + " eq' line first); nothing was rebuilt");
        err.flush();
        return NOT_INDEXED;
    }

    private int printSummary(List<String> rebuilt, long entries, long startNanos) {
        PrintWriter err = spec.commandLine().getErr();
        if (System.console() != null) {
            err.print("\r\033[K");
        }
        err.printf("larch reindex: rebuilt %d indexes (%s) from %d entries in %.1f s%n", rebuilt.size(),
                String.join(", ", rebuilt), entries, (System.nanoTime() - startNanos) / 1e9);
        err.flush();
        return 0;
    }

    /** On a terminal (a non-null writer), a line rewritten at most once a second: entries, entries/s, ETA. */
    private static final class ProgressLine {
        private static final long INTERVAL_NANOS = 1_000_000_000L;
        private final PrintWriter err;
        private final long startNanos = System.nanoTime();
        private long lastPrintedNanos = startNanos;

        ProgressLine(PrintWriter err) {
            this.err = err;
        }

        void update(long entries, long total) {
            long now = System.nanoTime();
            if (err == null || entries == 0 || now - lastPrintedNanos < INTERVAL_NANOS) {
                return;
            }
            lastPrintedNanos = now;
            double seconds = (now - startNanos) / 1e9;
            err.printf("\rlarch reindex: %d of %d entries, %.0f entries/s, about %.0f s left\033[K", entries, total,
                    entries / seconds, seconds * (total - entries) / entries);
            err.flush();
        }
    }
}
