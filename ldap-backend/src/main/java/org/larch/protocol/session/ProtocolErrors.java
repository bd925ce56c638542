package org.larch.protocol.session;

import java.io.IOException;
import org.apache.directory.api.ldap.model.message.extended.NoticeOfDisconnect;
import org.apache.mina.filter.codec.ProtocolDecoderException;
import org.larch.protocol.codec.MalformedRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a connection does when its bytes cannot be decoded (RFC 4511 4.1.1 and 4.4.1): if the codec
 * got far enough to know the message id, the response it built (protocolError, or invalidDNSyntax for
 * a bad DN) goes out and the connection continues; otherwise the client gets a Notice of Disconnection
 * (protocolError) and the connection is closed. A PDU over the size limit is the second case.
 */
final class ProtocolErrors {
    private static final Logger LOG = LoggerFactory.getLogger(ProtocolErrors.class);

    private ProtocolErrors() {}

    /** A malformed request with a known message id: its response goes out, the connection stays. */
    static void answer(Connection connection, MalformedRequest malformed) {
        LOG.info("conn={} malformed request (message id {}): {}", connection.number(),
                malformed.response().getMessageId(), malformed.reason());
        connection.write(malformed.response());
    }

    static void handle(Connection connection, Throwable cause) {
        if (cause instanceof ProtocolDecoderException) {
            LOG.info("conn={} undecodable PDU, notice of disconnection: {}", connection.number(), cause.getMessage());
            connection.abandonAll();
            connection.write(NoticeOfDisconnect.PROTOCOLERROR);
            connection.close();
        } else if (cause instanceof IOException) {
            LOG.debug("conn={} I/O error: {}", connection.number(), cause.toString());
            connection.session().closeNow();
        } else {
            LOG.warn("conn={} closed after an unexpected error: {}", connection.number(), cause.toString(), cause);
            connection.abandonAll();
            connection.session().closeNow();
        }
    }
}
