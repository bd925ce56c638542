package org.larch.conf;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * A server's configuration, typed and checked: what {@link ConfigFile#parse(Path)} returns and what the
 * server maps to the backend's and the front end's settings. Immutable.
 *
 * @param source the file it was read from (as given), or {@code (embedded default)}
 * @param suffix the naming context ({@code suffix})
 * @param rootDn the administrator's DN ({@code rootdn}), or null
 * @param rootPassword {@code rootpw}: plain text or {@code {SCHEME}hash}; null when none is configured
 * @param generateRootPassword true for the embedded default without {@code LARCH_ROOTPW}: the server
 *     generates a password on first start, keeps its hash in the data directory and reuses it
 * @param directory the data directory ({@code directory}), absolute
 * @param maxSizeBytes the data file's ceiling ({@code maxsize})
 * @param indexes the {@code index} directives, one setting per attribute, in file order
 * @param sizeLimit server-side size limit, 0 = unlimited ({@code sizelimit})
 * @param timeLimitSeconds server-side time limit, 0 = unlimited ({@code timelimit})
 * @param listen normalized {@code ldap://host:port} / {@code ldaps://host:port} URLs ({@code listen})
 * @param tlsCertificateFile PEM certificate chain ({@code TLSCertificateFile}), or null
 * @param tlsKeyFile PEM private key ({@code TLSCertificateKeyFile}), or null
 * @param logging logger levels from {@code loglevel}
 * @param readTxnRenewEntries a long search renews its snapshot every this many entries ({@code rtxnsize})
 * @param serverId the server's id in CSNs, 0..4095 ({@code serverID})
 * @param maxPduBytes the largest request accepted ({@code maxpdusize})
 * @param maxConnections connections served at once ({@code maxconnections})
 * @param idleTimeoutSeconds idle connections are closed after this long, 0 = never ({@code idletimeout})
 * @param schemaFiles OpenLDAP {@code .schema} files to load, in order ({@code include})
 */
public record LarchConfig(
        String source,
        String suffix,
        String rootDn,
        String rootPassword,
        boolean generateRootPassword,
        Path directory,
        long maxSizeBytes,
        List<IndexSetting> indexes,
        int sizeLimit,
        int timeLimitSeconds,
        List<URI> listen,
        Path tlsCertificateFile,
        Path tlsKeyFile,
        LogSettings logging,
        int readTxnRenewEntries,
        int serverId,
        int maxPduBytes,
        int maxConnections,
        int idleTimeoutSeconds,
        List<Path> schemaFiles) {

    /** Same ceiling as the storage engine's default: generous, the file grows only as needed. */
    public static final long DEFAULT_MAX_SIZE_BYTES = 64L << 30;
    /** slapd's default {@code sizelimit}. */
    public static final int DEFAULT_SIZE_LIMIT = 500;
    /** slapd's default {@code timelimit}, seconds. */
    public static final int DEFAULT_TIME_LIMIT_SECONDS = 3600;
    /** back-mdb's default {@code rtxnsize}. */
    public static final int DEFAULT_READ_TXN_RENEW_ENTRIES = 10_000;
    public static final int DEFAULT_MAX_PDU_BYTES = 4 << 20;
    public static final int DEFAULT_MAX_CONNECTIONS = 1024;
    public static final URI DEFAULT_LISTEN = URI.create("ldap://127.0.0.1:1389");

    public LarchConfig {
        indexes = List.copyOf(indexes);
        listen = List.copyOf(listen);
        schemaFiles = List.copyOf(schemaFiles);
    }

    /** This configuration with other listen URLs (tests use port 0). */
    public LarchConfig withListen(List<URI> urls) {
        return new LarchConfig(source, suffix, rootDn, rootPassword, generateRootPassword, directory,
                maxSizeBytes, indexes, sizeLimit, timeLimitSeconds, urls, tlsCertificateFile, tlsKeyFile,
                logging, readTxnRenewEntries, serverId, maxPduBytes, maxConnections, idleTimeoutSeconds,
                schemaFiles);
    }

    /** This configuration with another root password (the server's generated one). */
    public LarchConfig withRootPassword(String password) {
        return new LarchConfig(source, suffix, rootDn, password, false, directory,
                maxSizeBytes, indexes, sizeLimit, timeLimitSeconds, listen, tlsCertificateFile, tlsKeyFile,
                logging, readTxnRenewEntries, serverId, maxPduBytes, maxConnections, idleTimeoutSeconds,
                schemaFiles);
    }
}
