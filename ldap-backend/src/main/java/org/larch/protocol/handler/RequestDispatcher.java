package org.larch.protocol.handler;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;
import org.apache.directory.api.ldap.model.message.AbandonRequest;
import org.apache.directory.api.ldap.model.message.AddRequest;
import org.apache.directory.api.ldap.model.message.BindRequest;
import org.apache.directory.api.ldap.model.message.CompareRequest;
import org.apache.directory.api.ldap.model.message.DeleteRequest;
import org.apache.directory.api.ldap.model.message.ExtendedRequest;
import org.apache.directory.api.ldap.model.message.LdapResult;
import org.apache.directory.api.ldap.model.message.Message;
import org.apache.directory.api.ldap.model.message.ModifyDnRequest;
import org.apache.directory.api.ldap.model.message.ModifyRequest;
import org.apache.directory.api.ldap.model.message.Request;
import org.apache.directory.api.ldap.model.message.ResultCodeEnum;
import org.apache.directory.api.ldap.model.message.ResultResponseRequest;
import org.apache.directory.api.ldap.model.message.SearchRequest;
import org.apache.directory.api.ldap.model.message.UnbindRequest;
import org.apache.directory.api.ldap.model.name.Dn;
import org.larch.backend.Directory;
import org.larch.backend.LdapOperationException;
import org.larch.protocol.session.AccessLog;
import org.larch.protocol.session.Connection;
import org.larch.protocol.session.Operation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes each decoded request to its handler. Abandon and unbind act at once on the I/O thread; every
 * other request becomes an {@link Operation} run on its own virtual thread, so the operations of one
 * connection run concurrently and their responses interleave across message ids. A handler's
 * {@link LdapOperationException} becomes the result; any other exception is logged and answered
 * with {@code other}: the connection stays up.
 */
public final class RequestDispatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RequestDispatcher.class);

    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final BindHandler bind;
    private final SearchHandler search;
    private final AddHandler add;
    private final ModifyHandler modify;
    private final DeleteHandler delete;
    private final ModifyDnHandler modifyDn;
    private final CompareHandler compare;
    private final ExtendedHandler extended;

    public RequestDispatcher(Directory directory, SSLContext tls) {
        this.bind = new BindHandler(directory);
        this.search = new SearchHandler(directory);
        this.add = new AddHandler(directory);
        this.modify = new ModifyHandler(directory);
        this.delete = new DeleteHandler(directory);
        this.modifyDn = new ModifyDnHandler(directory);
        this.compare = new CompareHandler(directory);
        this.extended = new ExtendedHandler(directory, tls);
    }

    public void dispatch(Connection connection, Message message) {
        switch (message) {
            case AbandonRequest abandon -> abandon(connection, abandon);
            case UnbindRequest unbind -> unbind(connection);
            case Request request -> start(connection.begin(request.getMessageId()), request);
            default -> LOG.warn("conn={} sent a response message ({}), ignored", connection.number(), message.getType());
        }
    }

    /**
     * Stops taking operations; those running finish (the server drains them with a bounded wait). Never
     * interrupts them: an interrupt inside a storage {@code FileChannel} write closes the channel for the
     * whole environment ({@code ClosedByInterruptException}). Abandon stops a search through its sink.
     */
    @Override
    public void close() {
        executor.shutdown();
    }

    private void start(Operation operation, Request request) {
        executor.execute(() -> run(operation, request));
    }

    private void run(Operation operation, Request request) {
        try {
            handle(operation, request);
        } catch (LdapOperationException e) {
            fail(operation, request, e.resultCode(), e.matchedDn(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("conn={} op={} failed: {}", operation.connection().number(), operation.number(), e.toString(), e);
            fail(operation, request, ResultCodeEnum.OTHER, null, "internal error: " + e);
        } finally {
            operation.connection().end(operation);
        }
    }

    private void handle(Operation operation, Request request) {
        switch (request) {
            case BindRequest r -> bind.handle(operation, r);
            case SearchRequest r -> search.handle(operation, r);
            case AddRequest r -> add.handle(operation, r);
            case ModifyRequest r -> modify.handle(operation, r);
            case DeleteRequest r -> delete.handle(operation, r);
            case ModifyDnRequest r -> modifyDn.handle(operation, r);
            case CompareRequest r -> compare.handle(operation, r);
            case ExtendedRequest r -> extended.handle(operation, r);
            default -> throw new LdapOperationException(ResultCodeEnum.PROTOCOL_ERROR,
                    "request type " + request.getType() + " is not supported");
        }
    }

    private static void fail(Operation operation, Request request, ResultCodeEnum code, Dn matchedDn, String message) {
        if (!(request instanceof ResultResponseRequest withResponse)) {
            return;
        }
        var response = withResponse.getResultResponse();
        LdapResult result = response.getLdapResult();
        result.setResultCode(code);
        result.setDiagnosticMessage(message);
        if (matchedDn != null) {
            result.setMatchedDn(matchedDn);
        }
        operation.respond(response);
    }

    private static void abandon(Connection connection, AbandonRequest request) {
        AccessLog.request(connection, connection.nextOperationNumber(), "ABANDON msg=" + request.getAbandoned());
        Operation target = connection.outstanding(request.getAbandoned());
        if (target != null) {
            target.abandon();
        }
    }

    private static void unbind(Connection connection) {
        AccessLog.request(connection, connection.nextOperationNumber(), "UNBIND");
        connection.abandonAll();
        connection.close();
    }
}
