package org.larch.server.commands;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.larch.backend.schema.SchemaLoadException;
import org.larch.conf.ConfigException;
import org.larch.conf.ConfigFile;
import org.larch.conf.LarchConfig;
import org.larch.server.LarchServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code larch serve [-f FILE]}: runs the directory server until SIGTERM or Ctrl-C, which close it
 * cleanly (exit code 0). A bad configuration is one {@code file:line: reason} line on stderr and exit
 * code 2; a port that cannot be bound, or any other failure to start, exit code 1.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run the LDAP directory server until SIGTERM or Ctrl-C.",
                "Without -f: the embedded default (suffix dc=example,dc=com, data in ./larch-data, "
                        + "ldap://127.0.0.1:1389, rootdn cn=admin,dc=example,dc=com, password from "
                        + "LARCH_ROOTPW or generated and printed on the first start)."})
public final class ServeCommand implements Callable<Integer> {
    static final int EXIT_BAD_CONFIG = 2;
    static final int EXIT_CANNOT_START = 1;

    @Option(names = {"-f", "--config"}, paramLabel = "FILE", description = "The configuration file (slapd.conf style).")
    Path configFile;

    @Option(names = "--listen", paramLabel = "URL",
            description = "Listen on URL instead of the configuration's listen URLs (repeatable; like slapd -h).")
    List<String> listen;

    @Option(names = "--print-default-config", description = "Print the embedded default configuration and exit.")
    boolean printDefault;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (printDefault) {
            out.print(ConfigFile.embeddedText());
            out.flush();
            return 0;
        }
        LarchServer server;
        try {
            server = LarchServer.start(readConfig());
        } catch (ConfigException | SchemaLoadException e) {
            err.println(e.getMessage());
            err.flush();
            return EXIT_BAD_CONFIG;
        } catch (IllegalStateException e) {
            err.println("larch serve: cannot start: " + e.getMessage());
            err.flush();
            return EXIT_CANNOT_START;
        }
        printWelcome(out, server);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> closeAndHalt(server), "larch-shutdown"));
        server.awaitClose();
        return 0;
    }

    private LarchConfig readConfig() {
        LarchConfig config = configFile == null
                ? ConfigFile.embeddedDefault(Path.of("").toAbsolutePath(), System.getenv())
                : ConfigFile.parse(configFile);
        return listen == null ? config : ConfigFile.withListen(config, listen);
    }

    private static void printWelcome(PrintWriter out, LarchServer server) {
        LarchConfig config = server.config();
        URI first = server.urls().getFirst();
        out.println("larch: serving " + config.suffix() + " at "
                + String.join(" ", server.urls().stream().map(URI::toString).toList()));
        out.println("  configuration: " + config.source());
        out.println("  data:          " + config.directory());
        if (config.rootDn() != null) {
            out.println("  rootdn:        " + config.rootDn());
        }
        server.generatedRootPassword().ifPresent(password -> out.println(
                "  password:      " + password + "   (generated; shown only this once, kept hashed in the data directory)"));
        out.println("  try:           ldapsearch -x -H " + first + " -b " + config.suffix());
        out.println("  stop with Ctrl-C or SIGTERM");
        out.flush();
    }

    /**
     * On SIGTERM/SIGINT the JVM runs this hook: close the server cleanly, then end the JVM with exit
     * code 0 (without the halt, a signal-initiated exit reports 128 + the signal number).
     */
    private static void closeAndHalt(LarchServer server) {
        int exitCode = 0;
        try {
            server.close();
        } catch (RuntimeException e) {
            System.err.println("larch serve: closing failed: " + e.getMessage());
            exitCode = 1;
        }
        System.out.flush();
        System.err.flush();
        Runtime.getRuntime().halt(exitCode);
    }
}
