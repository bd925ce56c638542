package org.larch.protocol.handler;

import java.nio.charset.StandardCharsets;
import org.apache.directory.api.ldap.extras.extended.pwdModify.PasswordModifyRequest;
import org.apache.directory.api.ldap.extras.extended.pwdModify.PasswordModifyResponseImpl;
import org.apache.directory.api.ldap.model.exception.LdapInvalidDnException;
import org.apache.directory.api.ldap.model.message.ExtendedRequest;
import org.apache.directory.api.ldap.model.message.ResultCodeEnum;
import org.apache.directory.api.ldap.model.name.Dn;
import org.larch.backend.Directory;
import org.larch.backend.LdapOperationException;
import org.larch.protocol.session.Operation;

/**
 * RFC 3062 Password Modify: the target is the request's userIdentity (a DN, optionally {@code dn:}
 * prefixed) or the bound user; a generated password comes back in the response.
 */
final class PasswordModifyOperation implements RequestHandler<ExtendedRequest> {
    private static final String DN_PREFIX = "dn:";
    private final Directory directory;

    PasswordModifyOperation(Directory directory) {
        this.directory = directory;
    }

    @Override
    public void handle(Operation operation, ExtendedRequest request) {
        if (!(request instanceof PasswordModifyRequest modify)) {
            throw new LdapOperationException(ResultCodeEnum.PROTOCOL_ERROR, "password modify request could not be decoded");
        }
        byte[] generated = directory.modifyPassword(operation.connection().identity(), target(modify),
                modify.getOldPassword(), modify.getNewPassword());
        PasswordModifyResponseImpl response = new PasswordModifyResponseImpl(request.getMessageId(), ResultCodeEnum.SUCCESS);
        if (generated != null) {
            response.setGenPassword(generated);
        }
        operation.respond(response);
    }

    private Dn target(PasswordModifyRequest request) {
        if (request.getUserIdentity() == null) {
            return null;
        }
        String identity = new String(request.getUserIdentity(), StandardCharsets.UTF_8);
        if (identity.regionMatches(true, 0, DN_PREFIX, 0, DN_PREFIX.length())) {
            identity = identity.substring(DN_PREFIX.length());
        }
        try {
            return Names.schemaAware(directory.schema().schemaManager(), new Dn(identity));
        } catch (LdapInvalidDnException e) {
            throw new LdapOperationException(ResultCodeEnum.INVALID_DN_SYNTAX,
                    "password modify: userIdentity \"" + identity + "\" is not a DN");
        }
    }
}
