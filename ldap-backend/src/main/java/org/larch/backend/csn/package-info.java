/**
 * Change sequence numbers as OpenLDAP writes them ({@link org.larch.backend.csn.Csn}) and this server's
 * strictly increasing source of them ({@link org.larch.backend.csn.CsnGenerator}); replication builds on
 * both.
 */
package org.larch.backend.csn;
