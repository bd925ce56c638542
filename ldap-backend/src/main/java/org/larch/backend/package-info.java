/**
 * The directory on top of the storage engine, and the LDAP protocol front end.
 *
 * <p>This module will own: the entry codec; the named sub-databases {@code id2entry}, {@code dn2id}
 * and one per indexed attribute (equality, presence, substring, approximate); filter to candidate id
 * sets and search (scopes, limits, paged results, server-side sort, attribute selection);
 * add, modify, delete, modDN and compare, each one write transaction; schema checking;
 * operational attributes; access control; and the front end: the MINA acceptor with the Apache
 * Directory LDAP API codec, one handler per operation, controls, extended operations and TLS.
 *
 * <p>Depends on {@code storage}, {@code conf}, the Apache Directory LDAP API and Apache MINA.
 */
package org.larch.backend;
