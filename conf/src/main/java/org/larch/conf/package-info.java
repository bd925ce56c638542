/**
 * The configuration file of a Larch server.
 *
 * <p>{@link org.larch.conf.ConfigFile#parse(java.nio.file.Path)} reads one text file of
 * slapd.conf-style directives ({@code include}, {@code suffix}, {@code rootdn}, {@code rootpw},
 * {@code directory}, {@code maxsize}, {@code index}, {@code sizelimit}, {@code timelimit},
 * {@code listen}, {@code TLSCertificateFile}, {@code TLSCertificateKeyFile}, {@code loglevel},
 * {@code rtxnsize}, {@code serverID}, {@code database mdb}, {@code maxpdusize}, {@code maxconnections},
 * {@code idletimeout}) into the typed, immutable {@link org.larch.conf.LarchConfig}. Unknown or
 * malformed directives and inconsistent settings stop with a {@link org.larch.conf.ConfigException}
 * whose message is {@code file:line: reason}. {@link org.larch.conf.ConfigFile#embeddedDefault} is the
 * configuration {@code larch serve} runs on without a file ({@code default.conf} beside this package).
 *
 * <p>Depends on the JDK only (DNs are checked with {@code javax.naming.ldap.LdapName}).
 */
package org.larch.conf;
