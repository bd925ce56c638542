package org.larch.server.commands;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.directory.api.ldap.model.filter.ExprNode;
import org.apache.directory.api.ldap.model.filter.FilterParser;
import org.apache.directory.api.ldap.model.name.Dn;
import org.larch.backend.DirectorySettings;
import org.larch.backend.ldif.LdifExport;
import org.larch.backend.store.DirectoryStore;
import org.larch.backend.store.DnNames;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code larch export [-f CONF] [-b BASE] [-a FILTER] [-l FILE]}: the directory as LDIF, like
 * {@code slapcat}: one read transaction, parents before children, operational attributes included.
 * Allowed while {@code larch serve} runs on the same data directory.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write the directory as LDIF (like slapcat): a consistent snapshot, parents before children, "
                + "operational attributes included. Allowed while the server runs."})
public final class ExportCommand implements Callable<Integer> {
    @Option(names = {"-f", "--config"}, paramLabel = "CONF", description = "The configuration file (default: the embedded one).")
    Path configFile;

    @Option(names = "-b", paramLabel = "BASE", description = "Export the subtree of BASE (default: the suffix).")
    String base;

    @Option(names = "-a", paramLabel = "FILTER", description = "Export only entries matching FILTER.")
    String filter;

    @Option(names = "-l", paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path file;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        DirectorySettings settings = DirectoryConfigs.settings(DirectoryConfigs.read(configFile));
        ExprNode parsedFilter = parseFilter();
        try (DirectoryStore store = DirectoryConfigs.openExisting(settings); Writer out = ToolEnvironments.output(spec, file)) {
            Dn baseDn = base == null ? null : DnNames.parse(store.schema().schemaManager(), base);
            new LdifExport(store).export(baseDn, parsedFilter, out);
        }
        return 0;
    }

    private ExprNode parseFilter() {
        if (filter == null) {
            return null;
        }
        try {
            return FilterParser.parse(filter);
        } catch (java.text.ParseException | RuntimeException e) {
            throw new ParameterException(spec.commandLine(), "-a: not a valid filter: " + filter);
        }
    }
}
