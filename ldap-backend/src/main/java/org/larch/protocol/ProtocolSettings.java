package org.larch.protocol;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * What the LDAP front end needs from the configuration.
 *
 * @param listen {@code ldap://host:port} and {@code ldaps://host:port} URLs ({@code listen})
 * @param tlsCertificateFile PEM certificate chain ({@code TLSCertificateFile}), or null (no LDAPS/StartTLS)
 * @param tlsKeyFile PEM private key ({@code TLSCertificateKeyFile}), or null
 * @param maxPduBytes largest request PDU accepted; a bigger one ends the connection
 * @param maxConnections connections accepted at once; more are refused
 * @param idleTimeoutSeconds an idle connection is closed after this long, 0 = never
 */
public record ProtocolSettings(
        List<URI> listen,
        Path tlsCertificateFile,
        Path tlsKeyFile,
        int maxPduBytes,
        int maxConnections,
        int idleTimeoutSeconds) {}
