package org.larch.server.commands;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.larch.storage.Env;
import org.larch.storage.tools.CheckReport;
import org.larch.storage.tools.Checker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code larch check DIR}: walks every tree of the newest snapshot (page headers, checksums, key order,
 * overflow runs, free pages, each page claimed exactly once) and prints the report. Exit status 0 when
 * the environment is sound, 1 when a problem was found (each named with its page).
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Check an environment: every page reachable exactly once or free, keys ordered, checksums.",
                "Exit status 0 when sound, 1 when problems were found (printed with their page numbers)."})
public final class CheckCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", description = "The environment's directory.")
    Path directory;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (Env env = Env.open(directory, ToolEnvironments.readOnly())) {
            CheckReport report = Checker.check(env);
            PrintWriter out = spec.commandLine().getOut();
            out.print(report);
            out.flush();
            return report.ok() ? 0 : 1;
        }
    }
}
