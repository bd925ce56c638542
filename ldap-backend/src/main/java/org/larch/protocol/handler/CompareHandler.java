package org.larch.protocol.handler;

import org.apache.directory.api.ldap.model.message.CompareRequest;
import org.apache.directory.api.ldap.model.message.ResultCodeEnum;
import org.apache.directory.api.ldap.model.message.ResultResponse;
import org.larch.backend.Directory;
import org.larch.protocol.control.RequestControls;
import org.larch.protocol.session.AccessLog;
import org.larch.protocol.session.Operation;

/** Compare (RFC 4511 4.10): compareTrue or compareFalse. */
final class CompareHandler implements RequestHandler<CompareRequest> {
    private final Directory directory;

    CompareHandler(Directory directory) {
        this.directory = directory;
    }

    @Override
    public void handle(Operation operation, CompareRequest request) {
        AccessLog.request(operation, "CMP dn=\"" + request.getName() + "\" attr=\"" + request.getAttributeId() + "\"");
        RequestControls controls = RequestControls.of(request, RequestControls.COMPARE, "compare");
        boolean holds = directory.compare(operation.connection().identity(),
                Names.schemaAware(directory.schema().schemaManager(), request.getName()),
                request.getAttributeId(), request.getAssertionValue().getBytes(), controls.update());
        ResultResponse response = request.getResultResponse();
        response.getLdapResult().setResultCode(holds ? ResultCodeEnum.COMPARE_TRUE : ResultCodeEnum.COMPARE_FALSE);
        operation.respond(response);
    }
}
