package org.larch.protocol.handler;

import org.apache.directory.api.ldap.model.message.ModifyDnRequest;
import org.apache.directory.api.ldap.model.name.Dn;
import org.apache.directory.api.ldap.model.schema.SchemaManager;
import org.larch.backend.Directory;
import org.larch.protocol.control.RequestControls;
import org.larch.protocol.session.AccessLog;
import org.larch.protocol.session.Operation;

/** Modify DN (RFC 4511 4.9): new RDN, deleteOldRDN and an optional new superior. */
final class ModifyDnHandler implements RequestHandler<ModifyDnRequest> {
    private final Directory directory;

    ModifyDnHandler(Directory directory) {
        this.directory = directory;
    }

    @Override
    public void handle(Operation operation, ModifyDnRequest request) {
        AccessLog.request(operation, "MODRDN dn=\"" + request.getName() + "\" newrdn=\"" + request.getNewRdn()
                + "\" deleteoldrdn=" + request.getDeleteOldRdn()
                + (request.getNewSuperior() == null ? "" : " newSuperior=\"" + request.getNewSuperior() + "\""));
        RequestControls controls = RequestControls.of(request, RequestControls.UPDATE, "modify DN");
        SchemaManager schema = directory.schema().schemaManager();
        Dn newSuperior = request.getNewSuperior() == null ? null : Names.schemaAware(schema, request.getNewSuperior());
        var outcome = directory.modifyDn(operation.connection().identity(), Names.schemaAware(schema, request.getName()),
                Names.schemaAware(schema, request.getNewRdn()), request.getDeleteOldRdn(), newSuperior,
                controls.update());
        Responses.succeed(operation, request.getResultResponse(), outcome);
    }
}
