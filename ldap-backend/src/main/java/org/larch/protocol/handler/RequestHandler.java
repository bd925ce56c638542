package org.larch.protocol.handler;

import org.apache.directory.api.ldap.model.message.Request;
import org.larch.protocol.session.Operation;

/**
 * Handles one kind of LDAP request. Throws {@link org.larch.backend.LdapOperationException} for a
 * failure the client gets as a result; the dispatcher turns it into the response.
 */
public interface RequestHandler<R extends Request> {

    void handle(Operation operation, R request);
}
