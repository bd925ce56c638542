package org.larch.conf;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Collects the directives of one configuration, one method per directive, remembering where each
 * setting was made so that {@link ConfigValidator} can blame the right line. Directives that hold one
 * value may appear once.
 */
final class ConfigBuilder {
    private final Map<String, Consumer<Directive>> handlers = new HashMap<>();
    private final Map<String, Directive> seen = new HashMap<>();
    private final IndexDirectiveParser indexes = new IndexDirectiveParser();
    private final List<URI> listen = new ArrayList<>();
    private final List<Path> schemaFiles = new ArrayList<>();

    String suffix;
    String rootDn;
    String rootPassword;
    Path directory;
    long maxSizeBytes = LarchConfig.DEFAULT_MAX_SIZE_BYTES;
    int sizeLimit = LarchConfig.DEFAULT_SIZE_LIMIT;
    int timeLimitSeconds = LarchConfig.DEFAULT_TIME_LIMIT_SECONDS;
    Path tlsCertificateFile;
    Path tlsKeyFile;
    LogSettings logging = LogSettings.DEFAULT;
    int readTxnRenewEntries = LarchConfig.DEFAULT_READ_TXN_RENEW_ENTRIES;
    int serverId;
    int maxPduBytes = LarchConfig.DEFAULT_MAX_PDU_BYTES;
    int maxConnections = LarchConfig.DEFAULT_MAX_CONNECTIONS;
    int idleTimeoutSeconds;

    ConfigBuilder() {
        handlers.put("suffix", d -> suffix = DistinguishedNames.check(d, d.singleArgument()));
        handlers.put("rootdn", d -> rootDn = DistinguishedNames.check(d, d.singleArgument()));
        handlers.put("rootpw", d -> rootPassword = d.singleArgument());
        handlers.put("directory", d -> directory = d.pathArgument());
        handlers.put("maxsize", d -> maxSizeBytes = ValueParsers.bytes(d, d.singleArgument()));
        handlers.put("index", indexes::add);
        handlers.put("sizelimit", d -> sizeLimit = ValueParsers.limit(d, d.singleArgument()));
        handlers.put("timelimit", d -> timeLimitSeconds = ValueParsers.limit(d, d.singleArgument()));
        handlers.put("listen", this::listen);
        handlers.put("tlscertificatefile", d -> tlsCertificateFile = d.pathArgument());
        handlers.put("tlscertificatekeyfile", d -> tlsKeyFile = d.pathArgument());
        handlers.put("loglevel", d -> logging = SlapdLogLevel.parse(d));
        handlers.put("rtxnsize", d -> readTxnRenewEntries = ValueParsers.integer(d, d.singleArgument(), 1, Integer.MAX_VALUE));
        handlers.put("serverid", d -> serverId = ValueParsers.integer(d, d.singleArgument(), 0, 4095));
        handlers.put("database", ConfigBuilder::database);
        handlers.put("maxpdusize", d -> maxPduBytes = ValueParsers.intBytes(d, d.singleArgument()));
        handlers.put("maxconnections", d -> maxConnections = ValueParsers.integer(d, d.singleArgument(), 1, 1_000_000));
        handlers.put("idletimeout", d -> idleTimeoutSeconds = ValueParsers.integer(d, d.singleArgument(), 0, Integer.MAX_VALUE));
    }

    /** Applies one directive (not {@code include}: {@link ConfigFile} handles that). */
    void apply(Directive directive) {
        String keyword = directive.keyword().toLowerCase(Locale.ROOT);
        Consumer<Directive> handler = handlers.get(keyword);
        if (handler == null) {
            throw directive.error(UnknownDirectives.describe(directive.keyword()));
        }
        if (!keyword.equals("index") && !keyword.equals("listen")) {
            Directive earlier = seen.get(keyword);
            if (earlier != null) {
                throw directive.error(directive.keyword() + " given twice (first at " + earlier.location() + ")");
            }
        }
        seen.put(keyword, directive);
        handler.accept(directive);
    }

    void addSchemaFile(Path file) {
        schemaFiles.add(file);
    }

    /** Where {@code keyword} was set (the last time, for repeatable ones), or null. */
    Directive origin(String keyword) {
        return seen.get(keyword);
    }

    List<URI> listen() {
        return listen;
    }

    LarchConfig build(String source, boolean generateRootPassword) {
        List<URI> urls = listen.isEmpty() ? List.of(LarchConfig.DEFAULT_LISTEN) : listen;
        return new LarchConfig(source, suffix, rootDn, rootPassword, generateRootPassword, directory,
                maxSizeBytes, indexes.settings(), sizeLimit, timeLimitSeconds, urls, tlsCertificateFile,
                tlsKeyFile, logging, readTxnRenewEntries, serverId, maxPduBytes, maxConnections,
                idleTimeoutSeconds, schemaFiles);
    }

    private void listen(Directive directive) {
        for (String text : directive.someArguments()) {
            URI url = ListenUrls.parse(directive, text);
            if (listen.contains(url)) {
                throw directive.error("listen: " + url + " is listed twice");
            }
            listen.add(url);
        }
    }

    private static void database(Directive directive) {
        String type = directive.singleArgument();
        if (!type.equalsIgnoreCase("mdb")) {
            throw directive.error("database " + type + " is not supported: Larch serves one database, "
                    + "\"database mdb\" (accepted for slapd.conf familiarity, optional)");
        }
    }
}
