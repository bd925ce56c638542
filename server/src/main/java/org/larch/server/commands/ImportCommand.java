package org.larch.server.commands;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.larch.backend.DirectorySettings;
import org.larch.backend.Identity;
import org.larch.backend.LarchDirectory;
import org.larch.backend.csn.CsnGenerator;
import org.larch.backend.index.Indexes;
import org.larch.backend.ldif.DirectoryOwnerLock;
import org.larch.backend.ldif.ImportOptions;
import org.larch.backend.ldif.ImportProgress;
import org.larch.backend.ldif.ImportReport;
import org.larch.backend.ldif.LdifImport;
import org.larch.backend.ldif.LdifProblem;
import org.larch.backend.ldif.ProgressLine;
import org.larch.backend.ops.OperationContext;
import org.larch.backend.store.DirectoryStore;
import org.larch.backend.store.DnNames;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code larch import [-f CONF] -l FILE [-c] [-n] [-s]}: adds the entries of an LDIF file to the
 * directory offline, like {@code slapadd}. Refused while a server runs on the data directory
 * ({@link DirectoryOwnerLock}, which {@code larch serve} holds). Prints each rejected record
 * ({@code file:line: dn: reason}) and one summary line; on a terminal, a progress line too. Exit code
 * 0 when every entry was added, 1 otherwise.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Add the entries of an LDIF file to the directory (like slapadd), with the server stopped.",
                "Operational attributes in the file are kept (entryUUID, entryCSN, timestamps, creator/modifier), "
                        + "absent ones generated; children may come before their parents."})
public final class ImportCommand implements Callable<Integer> {
    private static final long PROGRESS_INTERVAL_NANOS = 1_000_000_000L;

    @Option(names = {"-f", "--config"}, paramLabel = "CONF", description = "The configuration file (default: the embedded one).")
    Path configFile;

    @Option(names = "-l", paramLabel = "FILE", required = true, description = "The LDIF file to import.")
    Path file;

    @Option(names = "-c", description = "Continue past bad entries (each is reported with its file and line).")
    boolean continueOnError;

    @Option(names = "-n", description = "Check the file only: nothing is written.")
    boolean dryRun;

    @Option(names = "-s", description = "Do not check entries against the schema.")
    boolean skipSchemaCheck;

    @Option(names = "--entries-per-commit", paramLabel = "N", hidden = true,
            description = "Entries per write transaction (default: ${DEFAULT-VALUE}).")
    int entriesPerCommit = ImportOptions.DEFAULT_ENTRIES_PER_COMMIT;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        DirectorySettings settings = DirectoryConfigs.settings(DirectoryConfigs.read(configFile));
        ImportOptions options = new ImportOptions(continueOnError, dryRun, skipSchemaCheck, entriesPerCommit);
        createDirectory(settings.directory());
        ImportReport report;
        try (DirectoryOwnerLock lock = DirectoryOwnerLock.claim(settings.directory(), "an import");
                DirectoryStore store = DirectoryConfigs.open(settings);
                BufferedReader in = openFile()) {
            Indexes indexes = LarchDirectory.openIndexes(store, settings);
            OperationContext context = OperationContext.of(store, settings, new CsnGenerator(settings.serverId()),
                    indexes::update);
            LdifImport ldifImport = new LdifImport(context, indexes, importer(store, settings), options, progress());
            report = ldifImport.run(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + file + ": " + e.getMessage(), e);
        }
        return printReport(report);
    }

    private int printReport(ImportReport report) {
        PrintWriter err = spec.commandLine().getErr();
        endProgressLine(err);
        for (LdifProblem problem : report.rejected()) {
            err.println("larch import: rejected: " + problem);
        }
        for (LdifProblem problem : report.unresolved()) {
            err.println("larch import: not added: " + problem);
        }
        err.println("larch import: " + report.summary());
        err.flush();
        return report.clean() ? 0 : 1;
    }

    private static Identity importer(DirectoryStore store, DirectorySettings settings) {
        return settings.rootDn() == null ? Identity.anonymous()
                : new Identity(DnNames.parse(store.schema().schemaManager(), settings.rootDn()), true);
    }

    private BufferedReader openFile() {
        try {
            return Files.newBufferedReader(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw ToolEnvironments.fileError("read", file, e);
        }
    }

    private static void createDirectory(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + directory + ": " + e.getMessage(), e);
        }
    }

    /** On a terminal, a line rewritten at most once a second: entries so far, entries per second, share read, ETA. */
    private ImportProgress progress() {
        if (System.console() == null) {
            return ImportProgress.NONE;
        }
        return new TerminalProgress(spec.commandLine().getErr(), fileSizeBytes());
    }

    private long fileSizeBytes() {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    /** Rewrites the progress line ({@link ProgressLine}) at most once a second. */
    private static final class TerminalProgress implements ImportProgress {
        private final PrintWriter err;
        private final long fileSizeBytes;
        private final long startNanos = System.nanoTime();
        private long lastPrintedNanos = startNanos;

        TerminalProgress(PrintWriter err, long fileSizeBytes) {
            this.err = err;
            this.fileSizeBytes = fileSizeBytes;
        }

        @Override
        public void update(long entries, long charactersRead) {
            long now = System.nanoTime();
            if (now - lastPrintedNanos < PROGRESS_INTERVAL_NANOS) {
                return;
            }
            lastPrintedNanos = now;
            err.print("\r" + ProgressLine.format(entries, now - startNanos, charactersRead, fileSizeBytes) + "\033[K");
            err.flush();
        }
    }

    private static void endProgressLine(PrintWriter err) {
        if (System.console() != null) {
            err.print("\r\033[K");
        }
    }
}
