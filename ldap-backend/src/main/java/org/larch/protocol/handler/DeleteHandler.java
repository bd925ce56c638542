package org.larch.protocol.handler;

import org.apache.directory.api.ldap.model.message.DeleteRequest;
import org.larch.backend.Directory;
import org.larch.protocol.control.RequestControls;
import org.larch.protocol.session.AccessLog;
import org.larch.protocol.session.Operation;

/** Delete (RFC 4511 4.8), with the subtree delete control passed on. */
final class DeleteHandler implements RequestHandler<DeleteRequest> {
    private final Directory directory;

    DeleteHandler(Directory directory) {
        this.directory = directory;
    }

    @Override
    public void handle(Operation operation, DeleteRequest request) {
        AccessLog.request(operation, "DEL dn=\"" + request.getName() + "\"");
        RequestControls controls = RequestControls.of(request, RequestControls.DELETE, "delete");
        var outcome = directory.delete(operation.connection().identity(),
                Names.schemaAware(directory.schema().schemaManager(), request.getName()), controls.update());
        Responses.succeed(operation, request.getResultResponse(), outcome);
    }
}
