package org.larch.protocol.handler;

import java.nio.charset.StandardCharsets;
import org.apache.directory.api.ldap.extras.extended.whoAmI.WhoAmIResponseImpl;
import org.apache.directory.api.ldap.model.message.ExtendedRequest;
import org.apache.directory.api.ldap.model.message.ResultCodeEnum;
import org.larch.backend.Identity;
import org.larch.protocol.session.Operation;

/** RFC 4532 "Who am I?": {@code dn:<bound DN>}, or an empty authzId for anonymous. */
final class WhoAmIOperation implements RequestHandler<ExtendedRequest> {

    @Override
    public void handle(Operation operation, ExtendedRequest request) {
        Identity identity = operation.connection().identity();
        WhoAmIResponseImpl response = new WhoAmIResponseImpl(request.getMessageId(), ResultCodeEnum.SUCCESS);
        String authzId = identity.isAnonymous() ? "" : "dn:" + identity.dn().getName();
        response.setAuthzId(authzId.getBytes(StandardCharsets.UTF_8));
        operation.respond(response);
    }
}
