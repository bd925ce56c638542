package org.larch.protocol.session;

import java.io.IOException;
import org.apache.directory.api.ldap.model.exception.ResponseCarryingMessageException;
import org.apache.directory.api.ldap.model.message.Message;
import org.apache.directory.api.ldap.model.message.extended.NoticeOfDisconnect;
import org.apache.mina.filter.codec.ProtocolDecoderException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a connection does when its bytes cannot be decoded (RFC 4511 4.1.1 and 4.4.1): if the codec
 * got far enough to know the message id, it built a response (protocolError, or invalidDNSyntax for a
 * bad DN) and the connection continues; otherwise the client gets a Notice of Disconnection
 * (protocolError) and the connection is closed. A PDU over the size limit is the second case.
 */
final class ProtocolErrors {
    private static final Logger LOG = LoggerFactory.getLogger(ProtocolErrors.class);

    private ProtocolErrors() {}

    static void handle(Connection connection, Throwable cause) {
        Message response = carriedResponse(cause);
        if (response != null) {
            LOG.info("conn={} malformed request (message id {}): {}", connection.number(), response.getMessageId(),
                    cause.getMessage());
            connection.write(response);
        } else if (cause instanceof ProtocolDecoderException) {
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

    private static Message carriedResponse(Throwable cause) {
        for (Throwable current = cause; current != null; current = current.getCause()) {
            if (current instanceof ResponseCarryingMessageException carrying && carrying.getResponse() != null) {
                return carrying.getResponse();
            }
        }
        return null;
    }
}
