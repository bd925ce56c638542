package org.larch.protocol.session;

import java.net.SocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.directory.api.ldap.model.message.Message;
import org.apache.mina.core.future.WriteFuture;
import org.apache.mina.core.session.IoSession;
import org.larch.backend.Identity;

/**
 * The state of one client connection: who it is bound as, its operations in progress by message id
 * (for abandon, and because a bind waits for them), and whether TLS is active. Thread-safe: the
 * operations of one connection run concurrently.
 */
public final class Connection {
    private static final AtomicLong NEXT_CONNECTION_NUMBER = new AtomicLong();
    /** A search stops producing while this much is queued for the client (a slow reader). */
    private static final long MAX_QUEUED_WRITE_BYTES = 1 << 20;
    private static final long WRITE_QUEUE_POLL_MILLIS = 1;

    private final long number = NEXT_CONNECTION_NUMBER.getAndIncrement();
    private final IoSession session;
    private final AtomicLong nextOperationNumber = new AtomicLong();
    private final Map<Integer, Operation> outstanding = new ConcurrentHashMap<>();
    private volatile Identity identity = Identity.anonymous();
    private volatile boolean tlsActive;

    public Connection(IoSession session, boolean tlsActive) {
        this.session = session;
        this.tlsActive = tlsActive;
    }

    public long number() {
        return number;
    }

    public Identity identity() {
        return identity;
    }

    public void identity(Identity newIdentity) {
        this.identity = newIdentity;
    }

    public boolean tlsActive() {
        return tlsActive;
    }

    public void markTlsActive() {
        this.tlsActive = true;
    }

    public IoSession session() {
        return session;
    }

    public SocketAddress remoteAddress() {
        return session.getRemoteAddress();
    }

    /** Registers a new operation under its message id. */
    public Operation begin(int messageId) {
        Operation operation = new Operation(this, messageId, nextOperationNumber.getAndIncrement());
        outstanding.put(messageId, operation);
        return operation;
    }

    /** The operation is over: forget it and wake a bind waiting for quiet. */
    public void end(Operation operation) {
        outstanding.remove(operation.messageId(), operation);
        synchronized (this) {
            notifyAll();
        }
    }

    /** A fresh operation number for requests that are never outstanding (abandon, unbind). */
    public long nextOperationNumber() {
        return nextOperationNumber.getAndIncrement();
    }

    /** The operation in progress with this message id, or null. */
    public Operation outstanding(int messageId) {
        return outstanding.get(messageId);
    }

    /** Operations in progress other than {@code self}. */
    public int othersOutstanding(Operation self) {
        return (int) outstanding.values().stream().filter(operation -> operation != self).count();
    }

    /** Blocks until {@code self} is the only operation in progress (RFC 4511 4.2: a bind waits). */
    public void awaitOnlyOperation(Operation self) {
        synchronized (this) {
            while (othersOutstanding(self) > 0) {
                try {
                    wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Marks every operation abandoned (the connection is closing). */
    public void abandonAll() {
        outstanding.values().forEach(Operation::abandon);
    }

    /**
     * Blocks while more than {@value #MAX_QUEUED_WRITE_BYTES} bytes wait to be sent, so a client that reads
     * slowly slows its search down instead of filling the heap; returns at once once the connection closes.
     */
    public void awaitWriteQueueRoom() {
        while (session.getScheduledWriteBytes() > MAX_QUEUED_WRITE_BYTES && isOpen()) {
            try {
                Thread.sleep(WRITE_QUEUE_POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    public WriteFuture write(Message message) {
        return session.write(message);
    }

    public boolean isOpen() {
        return session.isConnected() && !session.isClosing();
    }

    public void close() {
        session.closeOnFlush();
    }
}
