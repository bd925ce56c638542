/**
 * Replication between Larch servers, and with OpenLDAP.
 *
 * <p>This module will own: CSNs (ordered strictly, formatted as OpenLDAP's), the syncrepl provider
 * (syncprov, RFC 4533 refreshOnly and refreshAndPersist), the consumer, the multi-master pair, and the
 * consistency check that compares contextCSNs.
 *
 * <p>Depends on {@code ldap-backend}.
 */
package org.larch.replication;
