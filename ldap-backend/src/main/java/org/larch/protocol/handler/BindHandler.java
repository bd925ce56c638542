package org.larch.protocol.handler;

import org.apache.directory.api.ldap.model.message.BindRequest;
import org.apache.directory.api.ldap.model.message.BindResponse;
import org.apache.directory.api.ldap.model.message.ResultCodeEnum;
import org.apache.directory.api.ldap.model.name.Dn;
import org.larch.backend.Directory;
import org.larch.backend.Identity;
import org.larch.backend.LdapOperationException;
import org.larch.protocol.control.RequestControls;
import org.larch.protocol.session.AccessLog;
import org.larch.protocol.session.Connection;
import org.larch.protocol.session.Operation;

/**
 * Simple bind (RFC 4511 4.2, 4513): waits until the connection's other operations are done, then asks
 * the directory. The connection is anonymous from the moment a bind starts until one succeeds.
 */
final class BindHandler implements RequestHandler<BindRequest> {
    private static final int LDAP_VERSION_3 = 3;
    private final Directory directory;

    BindHandler(Directory directory) {
        this.directory = directory;
    }

    @Override
    public void handle(Operation operation, BindRequest request) {
        Connection connection = operation.connection();
        AccessLog.request(operation, "BIND dn=\"" + request.getName() + "\" method="
                + (request.isSimple() ? "128" : "163 mech=" + request.getSaslMechanism()));
        RequestControls.of(request, RequestControls.NONE, "bind");
        connection.awaitOnlyOperation(operation);
        connection.identity(Identity.anonymous());
        requireSupported(request);
        Dn dn = Names.schemaAware(directory.schema().schemaManager(), request.getName());
        byte[] password = request.getCredentials() == null ? new byte[0] : request.getCredentials();
        Identity identity = directory.bind(dn, password);
        connection.identity(identity);
        BindResponse response = (BindResponse) request.getResultResponse();
        response.getLdapResult().setResultCode(ResultCodeEnum.SUCCESS);
        operation.respond(response);
    }

    private static void requireSupported(BindRequest request) {
        if (!request.isVersion3()) {
            throw new LdapOperationException(ResultCodeEnum.PROTOCOL_ERROR,
                    "only LDAP version " + LDAP_VERSION_3 + " is supported");
        }
        if (!request.isSimple()) {
            throw new LdapOperationException(ResultCodeEnum.AUTH_METHOD_NOT_SUPPORTED,
                    "SASL mechanism " + request.getSaslMechanism() + " is not supported");
        }
    }
}
