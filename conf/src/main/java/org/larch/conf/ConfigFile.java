package org.larch.conf;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * Reads a configuration file of slapd.conf-style directives into a {@link LarchConfig}.
 *
 * <p>{@code include FILE} works as in slapd, for both kinds of file slapd includes: a file whose
 * directives are schema definitions ({@code attributetype}, {@code objectclass},
 * {@code objectidentifier}, ...; an OpenLDAP {@code .schema} file) is added to the schema files the
 * server loads; any other file is read as more configuration, in place. The kind is told by the
 * file's first directive, whatever its name; mixing both kinds in one file is an error. Relative paths
 * (in {@code include}, {@code directory}, the TLS files) are relative to the file that says them.
 */
public final class ConfigFile {
    /** Environment variable with the root password for the embedded default. */
    public static final String ROOT_PASSWORD_VARIABLE = "LARCH_ROOTPW";
    static final String EMBEDDED_NAME = "(embedded default)";
    private static final String EMBEDDED_RESOURCE = "default.conf";
    private static final int MAX_INCLUDE_DEPTH = 16;

    private final ConfigBuilder builder = new ConfigBuilder();
    private final Deque<Path> including = new ArrayDeque<>();

    private ConfigFile() {}

    /** Parses and validates {@code file}; a problem is a {@link ConfigException} naming file and line. */
    public static LarchConfig parse(Path file) {
        ConfigFile parser = new ConfigFile();
        parser.including.push(file.toAbsolutePath().normalize());
        parser.readConfig(ConfigSource.read(file));
        new ConfigValidator(parser.builder, file.toString()).validate();
        return parser.builder.build(file.toString(), false);
    }

    /**
     * The embedded default ({@code default.conf} beside this class): suffix {@code dc=example,dc=com},
     * data in {@code larch-data} under {@code workingDirectory}, {@code ldap://127.0.0.1:1389}, rootdn
     * {@code cn=admin,dc=example,dc=com}. The root password is {@code LARCH_ROOTPW} from
     * {@code environment} if set, else left to the server to generate ({@link LarchConfig#generateRootPassword()}).
     */
    public static LarchConfig embeddedDefault(Path workingDirectory, Map<String, String> environment) {
        ConfigFile parser = new ConfigFile();
        parser.readConfig(ConfigSource.text(EMBEDDED_NAME, workingDirectory.toAbsolutePath(), embeddedText()));
        new ConfigValidator(parser.builder, EMBEDDED_NAME).validate();
        String password = environment.get(ROOT_PASSWORD_VARIABLE);
        boolean generate = password == null || password.isEmpty();
        LarchConfig config = parser.builder.build(EMBEDDED_NAME, generate);
        return generate ? config : config.withRootPassword(password);
    }

    /**
     * {@code config} listening on {@code urls} instead (the command line's {@code --listen}), checked as
     * a {@code listen} directive is; errors start with {@code --listen:}.
     */
    public static LarchConfig withListen(LarchConfig config, List<String> urls) {
        ConfigSource commandLine = ConfigSource.text("--listen", Path.of("").toAbsolutePath(), "");
        Directive directive = new Directive(commandLine, 0, "listen", urls);
        ConfigBuilder builder = new ConfigBuilder();
        builder.apply(directive);
        for (java.net.URI url : builder.listen()) {
            if (url.getScheme().equals("ldaps") && config.tlsCertificateFile() == null) {
                throw directive.error("listen " + url + " needs TLSCertificateFile and TLSCertificateKeyFile");
            }
        }
        return config.withListen(builder.listen());
    }

    /** The embedded default's text, as {@code larch serve} would read it. */
    public static String embeddedText() {
        try (InputStream in = ConfigFile.class.getResourceAsStream(EMBEDDED_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(EMBEDDED_RESOURCE + " is missing from the conf jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + EMBEDDED_RESOURCE + ": " + e.getMessage(), e);
        }
    }

    private void readConfig(ConfigSource source) {
        for (LogicalLine line : LogicalLine.of(source)) {
            Directive directive = line.toDirective();
            if (directive.keyword().equalsIgnoreCase("include")) {
                include(directive);
            } else {
                builder.apply(directive);
            }
        }
    }

    private void include(Directive directive) {
        Path file = directive.pathArgument();
        if (including.contains(file)) {
            throw directive.error("include " + file + " loops back to a file that includes it");
        }
        if (including.size() >= MAX_INCLUDE_DEPTH) {
            throw directive.error("include " + file + ": includes nested more than " + MAX_INCLUDE_DEPTH + " deep");
        }
        ConfigSource included = readIncluded(directive, file);
        List<LogicalLine> lines = LogicalLine.of(included);
        if (!lines.isEmpty() && UnknownDirectives.isSchemaKeyword(lines.getFirst().keyword())) {
            requireOnlySchema(lines);
            builder.addSchemaFile(file);
            return;
        }
        including.push(file);
        readConfig(included);
        including.pop();
    }

    private static ConfigSource readIncluded(Directive directive, Path file) {
        try {
            return ConfigSource.read(file);
        } catch (ConfigException e) {
            throw directive.error("include: " + e.getMessage());
        }
    }

    private static void requireOnlySchema(List<LogicalLine> lines) {
        for (LogicalLine line : lines) {
            if (!UnknownDirectives.isSchemaKeyword(line.keyword())) {
                throw line.toDirective().error("\"" + line.keyword()
                        + "\" in a schema file (a file holds either schema definitions or configuration)");
            }
        }
    }
}
