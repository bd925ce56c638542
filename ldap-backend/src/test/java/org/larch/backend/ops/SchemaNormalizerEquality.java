package org.larch.backend.ops;

import java.nio.charset.StandardCharsets;
import org.apache.directory.api.ldap.model.exception.LdapException;
import org.apache.directory.api.ldap.model.schema.AttributeType;

/**
 * Equality through the schema's normalizers, for tests of the modification logic until the
 * MatchingRules of h/index are merged.
 */
final class SchemaNormalizerEquality implements ValueEquality {

    @Override
    public boolean equal(AttributeType type, byte[] a, byte[] b) {
        try {
            var normalizer = type.getEquality().getNormalizer();
            return normalizer.normalize(text(a)).equals(normalizer.normalize(text(b)));
        } catch (LdapException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(byte[] value) {
        return new String(value, StandardCharsets.UTF_8);
    }
}
