package org.larch.protocol.session;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.directory.api.ldap.model.message.Message;
import org.apache.directory.api.ldap.model.message.ResultResponse;
import org.apache.mina.core.future.WriteFuture;

/**
 * One request in progress: its connection, message id, operation number (for the access log), start
 * time, entries sent so far and whether it was abandoned. Responses go out through here so the access
 * log sees each one.
 */
public final class Operation {
    private final Connection connection;
    private final int messageId;
    private final long number;
    private final long startNanos = System.nanoTime();
    private final AtomicInteger entriesSent = new AtomicInteger();
    private volatile boolean abandoned;

    Operation(Connection connection, int messageId, long number) {
        this.connection = connection;
        this.messageId = messageId;
        this.number = number;
    }

    public Connection connection() {
        return connection;
    }

    public int messageId() {
        return messageId;
    }

    public long number() {
        return number;
    }

    public long elapsedNanos() {
        return System.nanoTime() - startNanos;
    }

    public int entriesSent() {
        return entriesSent.get();
    }

    public void abandon() {
        abandoned = true;
    }

    /** Abandoned, or the connection went away: stop working and send nothing more. */
    public boolean abandoned() {
        return abandoned || !connection.isOpen();
    }

    /** Writes an intermediate message (a search entry or reference), first waiting while a slow client's queue is full. */
    public void send(Message message) {
        connection.awaitWriteQueueRoom();
        entriesSent.incrementAndGet();
        connection.write(message);
    }

    /** Writes the final response and logs the result line; nothing is sent (null) for an abandoned operation. */
    public WriteFuture respond(ResultResponse response) {
        AccessLog.result(this, response, abandoned);
        return abandoned ? null : connection.write(response);
    }
}
