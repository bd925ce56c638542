package org.larch.protocol.session;

import java.util.concurrent.Semaphore;
import org.apache.directory.api.ldap.model.message.Message;
import org.apache.mina.core.service.IoHandlerAdapter;
import org.apache.mina.core.session.IdleStatus;
import org.apache.mina.core.session.IoSession;
import org.larch.protocol.codec.MalformedRequest;
import org.larch.protocol.handler.RequestDispatcher;

/**
 * MINA's view of a connection: applies the connection and idle limits when a session is created, hands
 * each decoded message to the dispatcher, and turns decoding failures, idleness and closing into
 * LDAP behaviour. One instance per listener (it knows whether the listener is LDAPS).
 */
public final class LdapSessionHandler extends IoHandlerAdapter {
    private static final String CONNECTION_ATTRIBUTE = "larch.connection";

    private final RequestDispatcher dispatcher;
    private final Semaphore connectionSlots;
    private final int idleTimeoutSeconds;
    private final boolean ldaps;

    public LdapSessionHandler(RequestDispatcher dispatcher, Semaphore connectionSlots, int idleTimeoutSeconds,
            boolean ldaps) {
        this.dispatcher = dispatcher;
        this.connectionSlots = connectionSlots;
        this.idleTimeoutSeconds = idleTimeoutSeconds;
        this.ldaps = ldaps;
    }

    @Override
    public void sessionCreated(IoSession session) {
        if (!connectionSlots.tryAcquire()) {
            AccessLog.refused(session.getRemoteAddress(), "too many connections");
            session.closeNow();
            return;
        }
        if (idleTimeoutSeconds > 0) {
            session.getConfig().setIdleTime(IdleStatus.BOTH_IDLE, idleTimeoutSeconds);
        }
        session.setAttribute(CONNECTION_ATTRIBUTE, new Connection(session, ldaps));
    }

    @Override
    public void sessionOpened(IoSession session) {
        Connection connection = connection(session);
        if (connection != null) {
            AccessLog.accepted(connection, session.getLocalAddress());
        }
    }

    @Override
    public void messageReceived(IoSession session, Object message) {
        Connection connection = connection(session);
        if (connection == null) {
            return;
        }
        if (message instanceof MalformedRequest malformed) {
            ProtocolErrors.answer(connection, malformed);
        } else {
            dispatcher.dispatch(connection, (Message) message);
        }
    }

    @Override
    public void exceptionCaught(IoSession session, Throwable cause) {
        Connection connection = connection(session);
        if (connection == null) {
            session.closeNow();
            return;
        }
        ProtocolErrors.handle(connection, cause);
    }

    @Override
    public void sessionIdle(IoSession session, IdleStatus status) {
        Connection connection = connection(session);
        if (connection != null) {
            AccessLog.closed(connection, "idle for " + idleTimeoutSeconds + " s");
            connection.abandonAll();
        }
        session.closeNow();
    }

    @Override
    public void sessionClosed(IoSession session) {
        Connection connection = (Connection) session.removeAttribute(CONNECTION_ATTRIBUTE);
        if (connection != null) {
            connection.abandonAll();
            connectionSlots.release();
            AccessLog.closed(connection, "connection closed");
        }
    }

    private static Connection connection(IoSession session) {
        return (Connection) session.getAttribute(CONNECTION_ATTRIBUTE);
    }
}
