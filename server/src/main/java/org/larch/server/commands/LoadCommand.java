package org.larch.server.commands;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.larch.storage.tools.LoadOptions;
import org.larch.storage.tools.LoadResult;
import org.larch.storage.tools.Loader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code larch load [-f FILE] [-n] [-s NAME] [-N] [-T] [-a] DIR}: reads the text format of
 * {@code mdb_dump} (or, with -T, plain text) into an environment, creating it if needed, with
 * mdb_load's options. Bad input stops the load with the file and line; what was committed before stays.
 */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = {"Load the text format of LMDB's mdb_dump (or of larch dump) into an environment.",
                "A new environment takes the dump's page size and mapsize; each section goes to the database its "
                        + "header names."})
public final class LoadCommand implements Callable<Integer> {
    @Option(names = "-f", paramLabel = "FILE", description = "Read FILE instead of standard input.")
    Path file;

    @Option(names = "-n", description = "DIR names the data file (DIR/larch.data) rather than its directory.")
    boolean noSubdirectory;

    @Option(names = "-s", paramLabel = "NAME", description = "Load into the named database NAME, whatever the input's headers say.")
    String database;

    @Option(names = "-N", description = "Leave existing keys (in DUPSORT databases: existing pairs) alone.")
    boolean noOverwrite;

    @Option(names = "-T", description = "Plain text input: key and value lines alternate, no header, \\\\ and \\xx escapes.")
    boolean plainText;

    @Option(names = "-a", description = "Append: the input is sorted in the database's order and after its keys; pages fill completely.")
    boolean append;

    @Option(names = "--maxsize", paramLabel = "BYTES",
            description = "Size ceiling of the environment (default: the dump's mapsize for a new one).")
    long maxSizeBytes;

    @Parameters(index = "0", paramLabel = "DIR", description = "The environment's directory.")
    Path path;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Path directory = ToolEnvironments.directory(spec, path, noSubdirectory);
        LoadOptions options = new LoadOptions(database, noOverwrite, append, plainText, maxSizeBytes);
        LoadResult result;
        try (InputStream in = file != null ? open(file) : standardInput()) {
            result = Loader.load(directory, ToolEnvironments.writable(), in, file != null ? file.toString()
                    : "standard input", options);
        }
        PrintWriter err = spec.commandLine().getErr();
        result.warnings().forEach(warning -> err.println("larch load: " + warning));
        err.flush();
        return 0;
    }

    private static InputStream open(Path file) {
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw ToolEnvironments.fileError("read", file, e);
        }
    }

    /** Standard input, left open when the load is done. */
    private static InputStream standardInput() {
        return new FilterInputStream(System.in) {
            @Override
            public void close() {
            }
        };
    }
}
