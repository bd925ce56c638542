package org.larch.server.aot;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.larch.server.Main;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code larch aot-training} (hidden): the workload the launcher runs once per build under
 * {@code -XX:AOTCacheOutput} to make the JDK's ahead-of-time cache (JEP 483/514/515: classes loaded and
 * linked, method profiles), which later runs map with {@code -XX:AOTCache}. An import of a generated
 * directory ({@link TrainingLdif}) with the usual indexes, an export and a check, in a temporary
 * directory that is removed afterwards: the schema manager, the LDIF paths and the engine are loaded
 * and warmed, so a real {@code larch import} starts in a fraction of the time and compiles sooner.
 */
@Command(name = "aot-training", hidden = true, mixinStandardHelpOptions = true,
        description = "Run the workload the launcher trains its start-up cache on (internal).")
public final class AotTrainingCommand implements Callable<Integer> {
    @Option(names = "--persons", paramLabel = "N", description = "Generated person entries (default: ${DEFAULT-VALUE}).")
    int persons = 20_000;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Path work = Files.createTempDirectory("larch-aot-training");
        try {
            Path config = work.resolve("larch.conf");
            Path ldif = work.resolve("training.ldif");
            Files.writeString(config, config(work.resolve("data")));
            try (Writer out = Files.newBufferedWriter(ldif, StandardCharsets.UTF_8)) {
                TrainingLdif.write(out, persons);
            }
            run("import", "-f", config.toString(), "-l", ldif.toString());
            run("export", "-f", config.toString(), "-l", work.resolve("export.ldif").toString());
            run("check", work.resolve("data").toString());
            return 0;
        } finally {
            deleteTree(work);
        }
    }

    private static String config(Path data) {
        return "suffix " + TrainingLdif.SUFFIX + "\nrootdn cn=admin," + TrainingLdif.SUFFIX + "\nrootpw training\n"
                + "directory " + data + "\nmaxsize 1073741824\n"
                + "index objectClass eq\nindex uid eq\nindex cn eq,sub\nindex sn eq\nindex mail eq\n";
    }

    /** Runs one larch command quietly; its output is shown only when it fails. */
    private void run(String... args) {
        StringWriter output = new StringWriter();
        CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(output)).setErr(new PrintWriter(output));
        int code = commandLine.execute(args);
        if (code != 0) {
            throw new IllegalStateException("larch " + args[0] + " failed (exit " + code + "): " + output);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
