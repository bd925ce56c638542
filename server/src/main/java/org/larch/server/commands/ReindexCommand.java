package org.larch.server.commands;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.directory.api.ldap.model.schema.AttributeType;
import org.larch.backend.DirectorySettings;
import org.larch.backend.entry.DirectoryEntry;
import org.larch.backend.index.Indexes;
import org.larch.backend.ldif.DirectoryOwnerLock;
import org.larch.backend.store.DirectoryStore;
import org.larch.backend.store.StoreWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code larch reindex [-f CONF] [ATTR...]}: rebuilds the named (or all configured) attribute indexes
 * from every entry, offline, like {@code slapindex}. Refused while a server runs on the data directory
 * ({@link DirectoryOwnerLock}). Exit code 2 for an attribute the configuration does not index.
 * The rebuild is one write transaction ({@link Indexes#rebuild}).
 */
@Command(name = "reindex", mixinStandardHelpOptions = true,
        description = {"Rebuild the named (or all configured) attribute indexes, with the server stopped.",
                "The server also rebuilds an index whose configuration changed at start-up."})
public final class ReindexCommand implements Callable<Integer> {
    static final int NOT_INDEXED = 2;
    private static final long PROGRESS_INTERVAL_NANOS = 1_000_000_000L;

    @Option(names = {"-f", "--config"}, paramLabel = "CONF", description = "The configuration file (default: the embedded one).")
    Path configFile;

    @Parameters(paramLabel = "ATTR", arity = "0..*", description = "Attributes whose indexes to rebuild (default: all).")
    List<String> attributes = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        DirectorySettings settings = DirectoryConfigs.settings(DirectoryConfigs.read(configFile));
        long startNanos = System.nanoTime();
        try (DirectoryOwnerLock lock = DirectoryOwnerLock.claim(settings.directory(), "a reindex");
                DirectoryStore store = DirectoryConfigs.openExisting(settings);
                StoreWriter writer = store.beginWrite()) {
            Indexes indexes = Indexes.open(store.env(), writer.txn(), settings.indexes(), store.schema());
            String unknown = markStale(indexes, store);
            if (unknown != null) {
                return reportNotIndexed(unknown);
            }
            List<String> rebuilt = indexes.staleAttributes();
            EntryCounter counter = new EntryCounter(writer.allEntries(), progressLine());
            indexes.rebuild(writer.txn(), counter);
            writer.commit();
            return printSummary(rebuilt, counter.count, startNanos);
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

    /** On a terminal, a line rewritten at most once a second with the entries indexed so far. */
    private PrintWriter progressLine() {
        return System.console() == null ? null : spec.commandLine().getErr();
    }

    /** The entries in id order, counted as the rebuild reads them. */
    private static final class EntryCounter implements Iterable<DirectoryEntry> {
        private final Iterable<DirectoryEntry> entries;
        private final PrintWriter progress;
        private final long startNanos = System.nanoTime();
        private long lastPrintedNanos = startNanos;
        long count;

        EntryCounter(Iterable<DirectoryEntry> entries, PrintWriter progress) {
            this.entries = entries;
            this.progress = progress;
        }

        @Override
        public Iterator<DirectoryEntry> iterator() {
            Iterator<DirectoryEntry> inner = entries.iterator();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return inner.hasNext();
                }

                @Override
                public DirectoryEntry next() {
                    DirectoryEntry entry = inner.next();
                    count++;
                    printProgress();
                    return entry;
                }
            };
        }

        private void printProgress() {
            long now = System.nanoTime();
            if (progress == null || now - lastPrintedNanos < PROGRESS_INTERVAL_NANOS) {
                return;
            }
            lastPrintedNanos = now;
            progress.printf("\rlarch reindex: %d entries, %.0f entries/s\033[K", count, count / ((now - startNanos) / 1e9));
            progress.flush();
        }
    }
}
