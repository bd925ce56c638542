/**
 * The configuration file of a Larch server.
 *
 * <p>This module will own: parsing one text file in the directive style OpenLDAP users know from
 * {@code slapd.conf} ({@code suffix}, {@code rootdn}, {@code rootpw}, {@code directory},
 * {@code maxsize}, {@code index}, {@code access to}, {@code serverID}, {@code syncrepl},
 * {@code multiprovider}, TLS settings, limits); validation that fails start-up with the file, line and
 * reason for any unknown or malformed directive; the embedded default used when there is no file at
 * all; and the typed settings the other modules read.
 *
 * <p>Depends on the JDK only (and, if needed, the LDAP API's DN type).
 */
package org.larch.conf;
