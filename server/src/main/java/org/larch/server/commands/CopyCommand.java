package org.larch.server.commands;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.larch.storage.Env;
import org.larch.storage.tools.Copier;
import org.larch.storage.tools.CopyResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code larch copy [--compact] SRC DST}: a hot backup, consistent as of one read transaction, while
 * writers go on. DST must not hold an environment.
 */
@Command(name = "copy", mixinStandardHelpOptions = true,
        description = {"Copy an environment as of one snapshot (a hot backup: writers go on meanwhile).",
                "DST must not already hold an environment."})
public final class CopyCommand implements Callable<Integer> {
    @Option(names = "--compact",
            description = "Copy only live data, renumbered and packed into full pages, leaving free space behind.")
    boolean compact;

    @Parameters(index = "0", paramLabel = "SRC", description = "The environment to copy.")
    Path source;

    @Parameters(index = "1", paramLabel = "DST", description = "The directory to copy it to.")
    Path destination;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (Env env = Env.open(source, ToolEnvironments.readOnly())) {
            CopyResult result = compact ? Copier.compact(env, destination) : Copier.copy(env, destination);
            PrintWriter out = spec.commandLine().getOut();
            out.println("copied txn " + result.txnId() + " of " + source + " to " + result.dataFile() + ": "
                    + result.pages() + " pages, " + result.sizeBytes() + " bytes" + (compact ? " (compacted)" : ""));
            out.flush();
        }
        return 0;
    }
}
