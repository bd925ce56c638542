package org.larch.server.commands;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.larch.storage.Env;
import org.larch.storage.NotFoundException;
import org.larch.storage.tools.DumpOptions;
import org.larch.storage.tools.Dumper;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code larch dump [-f FILE] [-l] [-n] [-p] [-a | -s NAME] DIR}: databases in the text format of
 * {@code mdb_dump}, with its options, from one read transaction.
 */
@Command(name = "dump", mixinStandardHelpOptions = true,
        description = {"Write databases in the text format of LMDB's mdb_dump (which mdb_load and larch load read).",
                "Without -a or -s: the unnamed database."})
public final class DumpCommand implements Callable<Integer> {
    @Option(names = "-f", paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path file;

    @Option(names = "-l", description = "List the named databases instead of dumping.")
    boolean list;

    @Option(names = "-n", description = "DIR names the data file (DIR/larch.data) rather than its directory.")
    boolean noSubdirectory;

    @Option(names = "-p", description = "Write printable characters as they are (format=print) instead of hex.")
    boolean printable;

    @ArgGroup(exclusive = true)
    Selection selection = new Selection();

    static final class Selection {
        @Option(names = "-a", description = "Dump every named database.")
        boolean all;

        @Option(names = "-s", paramLabel = "NAME", description = "Dump the named database NAME.")
        String name;
    }

    @Parameters(index = "0", paramLabel = "DIR", description = "The environment's directory.")
    Path path;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Path directory = ToolEnvironments.directory(spec, path, noSubdirectory);
        try (Env env = Env.open(directory, ToolEnvironments.readOnly()); Writer out = ToolEnvironments.output(spec, file)) {
            if (list) {
                writeNames(env, out);
            } else {
                Dumper.dump(env, out, new DumpOptions(printable, selection.all, selection.name));
            }
        }
        return 0;
    }

    private void writeNames(Env env, Writer out) throws IOException {
        List<String> names = Dumper.list(env);
        if (names.isEmpty()) {
            throw new NotFoundException(env.path() + " does not contain named databases");
        }
        for (String name : names) {
            out.write(name);
            out.write('\n');
        }
        out.flush();
    }
}
