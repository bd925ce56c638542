package org.larch.protocol.handler;

import java.util.Map;
import javax.net.ssl.SSLContext;
import org.apache.directory.api.ldap.model.message.ExtendedRequest;
import org.apache.directory.api.ldap.model.message.ResultCodeEnum;
import org.larch.backend.Directory;
import org.larch.backend.LdapOperationException;
import org.larch.protocol.SupportedFeatures;
import org.larch.protocol.control.RequestControls;
import org.larch.protocol.session.AccessLog;
import org.larch.protocol.session.Operation;

/** Extended operations (RFC 4511 4.12), one class each, chosen by the request name (OID). */
final class ExtendedHandler implements RequestHandler<ExtendedRequest> {
    private final Map<String, RequestHandler<ExtendedRequest>> operations;

    ExtendedHandler(Directory directory, SSLContext tls) {
        this.operations = Map.of(
                SupportedFeatures.WHO_AM_I, new WhoAmIOperation(),
                SupportedFeatures.START_TLS, new StartTlsOperation(tls),
                SupportedFeatures.PASSWORD_MODIFY, new PasswordModifyOperation(directory));
    }

    @Override
    public void handle(Operation operation, ExtendedRequest request) {
        AccessLog.request(operation, "EXT oid=" + request.getRequestName());
        RequestControls.of(request, RequestControls.NONE, "extended operation " + request.getRequestName());
        String name = request.getRequestName();
        RequestHandler<ExtendedRequest> handler = name == null ? null : operations.get(name);
        if (handler == null) {
            throw new LdapOperationException(ResultCodeEnum.PROTOCOL_ERROR,
                    "extended operation " + (name == null ? "without a name" : name) + " is not supported");
        }
        handler.handle(operation, request);
    }
}
