/**
 * Black-box tests of a running Larch server, over the wire.
 *
 * <p>This module will own tests that talk to the server the way its users do: through the UnboundID
 * LDAP SDK, OpenLDAP's {@code ldapsearch}/{@code ldapmodify}, and a real OpenLDAP slapd for
 * interoperability. The tests themselves live under {@code src/test/java}.
 *
 * <p>Depends on {@code server}.
 */
package org.larch.integration;
