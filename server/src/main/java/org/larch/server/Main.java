package org.larch.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Properties;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * The {@code larch} command line.
 *
 * <p>Each subcommand is its own class: a {@link Callable Callable&lt;Integer&gt;} (the exit code)
 * annotated with {@code @Command(name = "...", mixinStandardHelpOptions = true, description = "...")}.
 * Adding one is one line in the {@code subcommands} list below.
 *
 * <p>Errors: an exception thrown by a subcommand is printed as one line,
 * {@code larch <command>: <message>}, with exit code 1; set the environment variable
 * {@code LARCH_DEBUG=1} (or {@code -Dlarch.debug=true}) to get the stack trace too.
 */
@Command(
        name = "larch",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Larch: an LDAPv3 directory server on its own LMDB-style storage engine.",
        subcommands = {
                org.larch.server.commands.DemoCommand.class,
                org.larch.server.commands.StatCommand.class,
                org.larch.server.commands.CopyCommand.class,
                org.larch.server.commands.CheckCommand.class,
                org.larch.server.commands.DumpCommand.class,
                org.larch.server.commands.LoadCommand.class,
                org.larch.server.commands.ServeCommand.class,
                org.larch.server.commands.PasswdCommand.class,
                org.larch.server.commands.ExportCommand.class,
                org.larch.server.commands.ImportCommand.class,
                org.larch.server.commands.ReindexCommand.class,
                org.larch.server.aot.AotTrainingCommand.class,
        })
public final class Main implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** Without a subcommand: print the usage to stderr and exit with picocli's usage code (2). */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return CommandLine.ExitCode.USAGE;
    }

    /** The configured command line; tests use it with their own output writers. */
    public static CommandLine commandLine() {
        return new CommandLine(new Main())
                .setExecutionExceptionHandler(Main::handleExecutionException);
    }

    /** Runs {@code larch} with these arguments and returns the exit code (does not exit the JVM). */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    private static int handleExecutionException(Exception e, CommandLine cmd, ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        String message = e.getMessage() != null ? e.getMessage() : e.getClass().getName();
        err.println(cmd.getCommandSpec().qualifiedName() + ": " + message);
        if (debug()) {
            e.printStackTrace(err);
        }
        err.flush();
        return CommandLine.ExitCode.SOFTWARE;
    }

    private static boolean debug() {
        String env = System.getenv("LARCH_DEBUG");
        return Boolean.getBoolean("larch.debug")
                || (env != null && !env.isEmpty() && !env.equals("0") && !env.equalsIgnoreCase("false"));
    }

    /** Version from {@code org/larch/server/version.properties}, which Maven fills in at build time. */
    static final class Version implements IVersionProvider {
        static final String RESOURCE = "version.properties";

        @Override
        public String[] getVersion() throws IOException {
            return new String[] {
                    "larch " + version(),
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor")
                            + " " + System.getProperty("java.vm.name") + "), "
                            + System.getProperty("os.name") + " " + System.getProperty("os.arch")
            };
        }

        static String version() throws IOException {
            Properties properties = new Properties();
            try (InputStream in = Main.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    return "(unknown version: " + RESOURCE + " missing)";
                }
                properties.load(in);
            }
            return properties.getProperty("version", "(unknown version)");
        }
    }
}
