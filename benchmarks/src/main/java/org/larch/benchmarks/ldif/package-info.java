/**
 * The LDIF import benchmark's data: {@link org.larch.benchmarks.ldif.PersonLdifGenerator} writes a
 * deterministic directory of inetOrgPerson entries (the same seed and count give the same bytes), and
 * {@link org.larch.benchmarks.ldif.GenerateLdif} is its command line, which {@code ./run-import-benchmark}
 * runs before timing {@code larch import} against OpenLDAP's {@code slapadd -q} on the same file.
 *
 * <p>Only the JDK is used here, so the script can run the generator from the module's classes alone.
 */
package org.larch.benchmarks.ldif;
