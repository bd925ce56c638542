/**
 * The LDAP front end: the MINA acceptor with the Apache Directory LDAP API codec, one handler per
 * operation, controls, extended operations, TLS and the access log. It talks to the directory only
 * through {@link org.larch.backend.Directory}; it never touches storage.
 */
package org.larch.protocol;
