package org.larch.protocol.handler;

import org.apache.directory.api.ldap.model.message.ResultCodeEnum;
import org.apache.directory.api.ldap.model.message.ResultResponse;
import org.larch.backend.request.UpdateOutcome;
import org.larch.protocol.control.ResponseControls;
import org.larch.protocol.session.Operation;

/** The success response of an update, with its pre/post-read controls. */
final class Responses {
    private Responses() {}

    static void succeed(Operation operation, ResultResponse response, UpdateOutcome outcome) {
        response.getLdapResult().setResultCode(ResultCodeEnum.SUCCESS);
        if (outcome != null) {
            ResponseControls.addReadControls(response, outcome);
        }
        operation.respond(response);
    }
}
