/**
 * Black-box tests of a running Larch server, over the wire (the tests live under {@code src/test/java}).
 *
 * <ul>
 *   <li>{@code org.larch.integration.server}: the fixtures. {@code LarchConfigFile} writes a
 *       slapd.conf-style file (free loopback ports, optional LDAPS/StartTLS with a
 *       {@code TestCertificate} made by UnboundID's manage-certificates); {@code LarchInstance} starts
 *       a server in the test JVM as {@code larch serve -f FILE} does ({@code ConfigFile.parse} then
 *       {@code LarchServer.start}); {@code LarchServerExtension} gives each test class its own loaded
 *       server; {@code LarchProcess} runs {@code org.larch.server.Main serve -f FILE} as a separate
 *       process and stops it with SIGTERM.
 *   <li>{@code org.larch.integration.data}: {@code DirectoryDataGenerator}, a seeded directory
 *       (units, inetOrgPerson and posixAccount people with multi-valued and {@code cn;lang-de} values,
 *       groups with members) as entries or LDIF.
 *   <li>{@code org.larch.integration.wire}: UnboundID LDAP SDK tests of every operation, control,
 *       extended operation, error code, the root DSE, {@code cn=Subschema} and operational attributes.
 *   <li>{@code org.larch.integration.differential}: the same data in Larch and in UnboundID's
 *       {@code InMemoryDirectoryServer}, thousands of seeded random searches compared entry by entry.
 *   <li>{@code org.larch.integration.tools}: OpenLDAP's {@code ldap-utils} clients against the server
 *       process.
 * </ul>
 *
 * <p>Depends on {@code server} (test scope). OpenLDAP's tools come from Debian's {@code ldap-utils},
 * which {@code .ci/run} installs.
 */
package org.larch.integration;
