package org.larch.protocol.handler;

import java.util.ArrayList;
import java.util.List;
import org.apache.directory.api.ldap.model.entry.Modification;
import org.apache.directory.api.ldap.model.message.ModifyRequest;
import org.larch.backend.Directory;
import org.larch.backend.entry.AttributeDescription;
import org.larch.backend.request.EntryModification;
import org.larch.protocol.control.RequestControls;
import org.larch.protocol.session.AccessLog;
import org.larch.protocol.session.Operation;

/** Modify (RFC 4511 4.6): the request's changes become {@link EntryModification}s, in order. */
final class ModifyHandler implements RequestHandler<ModifyRequest> {
    private final Directory directory;

    ModifyHandler(Directory directory) {
        this.directory = directory;
    }

    @Override
    public void handle(Operation operation, ModifyRequest request) {
        AccessLog.request(operation, "MOD dn=\"" + request.getName() + "\"");
        RequestControls controls = RequestControls.of(request, RequestControls.UPDATE, "modify");
        var outcome = directory.modify(operation.connection().identity(),
                Names.schemaAware(directory.schema().schemaManager(), request.getName()),
                modifications(request), controls.update());
        Responses.succeed(operation, request.getResultResponse(), outcome);
    }

    static List<EntryModification> modifications(ModifyRequest request) {
        List<EntryModification> changes = new ArrayList<>();
        for (Modification modification : request.getModifications()) {
            changes.add(new EntryModification(modification.getOperation(),
                    AttributeDescription.parse(modification.getAttribute().getUpId()),
                    EntryConversion.values(modification.getAttribute())));
        }
        return changes;
    }
}
