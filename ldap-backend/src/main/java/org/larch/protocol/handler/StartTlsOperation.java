package org.larch.protocol.handler;

import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.apache.directory.api.ldap.extras.extended.startTls.StartTlsResponseImpl;
import org.apache.directory.api.ldap.model.message.ExtendedRequest;
import org.apache.directory.api.ldap.model.message.ResultCodeEnum;
import org.apache.mina.core.future.WriteFuture;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.filter.ssl.SslFilter;
import org.larch.backend.LdapOperationException;
import org.larch.protocol.session.Connection;
import org.larch.protocol.session.Operation;

/**
 * RFC 4511 4.14 StartTLS: refused when TLS is already active or other operations are in progress
 * (operationsError, as slapd), or when no certificate is configured (unavailable). Otherwise reading
 * stops, the success response goes out in clear, then MINA's {@link SslFilter} enters the chain in
 * front of the codec and reading resumes: the client's next bytes are its TLS handshake.
 */
final class StartTlsOperation implements RequestHandler<ExtendedRequest> {
    public static final String SSL_FILTER_NAME = "tls";
    private static final long RESPONSE_WRITE_TIMEOUT_SECONDS = 30;
    private final SSLContext tls;

    StartTlsOperation(SSLContext tls) {
        this.tls = tls;
    }

    @Override
    public void handle(Operation operation, ExtendedRequest request) {
        Connection connection = operation.connection();
        requireAllowed(operation, connection);
        IoSession session = connection.session();
        session.suspendRead();
        try {
            WriteFuture written = operation.respond(new StartTlsResponseImpl(request.getMessageId(), ResultCodeEnum.SUCCESS));
            if (written != null && written.awaitUninterruptibly(RESPONSE_WRITE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                session.getFilterChain().addFirst(SSL_FILTER_NAME, new SslFilter(tls));
                connection.markTlsActive();
            } else {
                connection.close();
            }
        } finally {
            session.resumeRead();
        }
    }

    private void requireAllowed(Operation operation, Connection connection) {
        if (tls == null) {
            throw new LdapOperationException(ResultCodeEnum.UNAVAILABLE,
                    "StartTLS is not available: no TLSCertificateFile/TLSCertificateKeyFile configured");
        }
        if (connection.tlsActive()) {
            throw new LdapOperationException(ResultCodeEnum.OPERATIONS_ERROR, "TLS is already active on this connection");
        }
        if (connection.othersOutstanding(operation) > 0) {
            throw new LdapOperationException(ResultCodeEnum.OPERATIONS_ERROR,
                    "StartTLS refused: other operations are outstanding");
        }
    }
}
