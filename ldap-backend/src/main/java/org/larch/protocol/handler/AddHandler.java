package org.larch.protocol.handler;

import org.apache.directory.api.ldap.model.message.AddRequest;
import org.apache.directory.api.ldap.model.name.Dn;
import org.larch.backend.Directory;
import org.larch.backend.request.UpdateOutcome;
import org.larch.protocol.codec.AddAttributeOrder;
import org.larch.protocol.control.RequestControls;
import org.larch.protocol.session.AccessLog;
import org.larch.protocol.session.Operation;

/** Add (RFC 4511 4.7): the request's entry becomes a {@code DirectoryEntry} for the directory. */
final class AddHandler implements RequestHandler<AddRequest> {
    private final Directory directory;

    AddHandler(Directory directory) {
        this.directory = directory;
    }

    @Override
    public void handle(Operation operation, AddRequest request) {
        AccessLog.request(operation, "ADD dn=\"" + request.getEntryDn() + "\"");
        RequestControls controls = RequestControls.of(request, RequestControls.ADD, "add");
        Dn dn = Names.schemaAware(directory.schema().schemaManager(), request.getEntryDn());
        UpdateOutcome outcome = directory.add(operation.connection().identity(),
                EntryConversion.fromWire(request.getEntry(), AddAttributeOrder.of(request), dn, directory.schema()), controls.update());
        Responses.succeed(operation, request.getResultResponse(), outcome);
    }
}
