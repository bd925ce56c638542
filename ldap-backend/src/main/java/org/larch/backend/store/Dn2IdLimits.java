package org.larch.backend.store;

import org.apache.directory.api.ldap.model.message.ResultCodeEnum;
import org.larch.backend.LdapOperationException;

/** dn2id values are sorted duplicates, which the engine limits to 511 bytes. */
final class Dn2IdLimits {
    static final int MAX_VALUE_BYTES = 511;

    private Dn2IdLimits() {}

    static byte[] checkValueSize(byte[] value, String rdn) {
        if (value.length > MAX_VALUE_BYTES) {
            throw new LdapOperationException(ResultCodeEnum.ADMIN_LIMIT_EXCEEDED,
                    "RDN too long to store (" + value.length + " bytes encoded, at most " + MAX_VALUE_BYTES + "): " + rdn);
        }
        return value;
    }
}
