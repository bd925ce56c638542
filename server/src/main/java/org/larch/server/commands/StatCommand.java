package org.larch.server.commands;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.larch.storage.Env;
import org.larch.storage.EnvConfig;
import org.larch.storage.EnvFlag;
import org.larch.storage.tools.StatReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code larch stat DIR}: the environment's figures, in the style of {@code mdb_stat -efa}. */
@Command(name = "stat", mixinStandardHelpOptions = true,
        description = "Print an environment's figures: size, pages, free pages, readers, and each database.")
public final class StatCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", description = "The environment's directory.")
    Path directory;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (Env env = Env.open(directory, EnvConfig.defaults().withFlags(EnvFlag.READ_ONLY))) {
            spec.commandLine().getOut().print(StatReport.of(env).format());
            spec.commandLine().getOut().flush();
        }
        return 0;
    }
}
