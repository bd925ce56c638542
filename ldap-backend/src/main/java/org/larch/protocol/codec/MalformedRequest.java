package org.larch.protocol.codec;

import org.apache.directory.api.ldap.model.message.Message;

/**
 * A request the LDAP API could not decode but whose message id it knew: the decoder passes on the
 * response the API built (protocolError, or invalidDNSyntax for a bad DN) instead of failing, so the
 * connection and any PDUs pipelined behind this one carry on (RFC 4511 4.1.1).
 *
 * @param response the response to send under the request's message id
 * @param reason the decoder's explanation, for the log
 */
public record MalformedRequest(Message response, String reason) {}
