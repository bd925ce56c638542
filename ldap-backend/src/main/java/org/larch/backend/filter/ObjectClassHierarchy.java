package org.larch.backend.filter;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.directory.api.ldap.model.exception.LdapException;
import org.apache.directory.api.ldap.model.schema.ObjectClass;
import org.apache.directory.api.ldap.model.schema.SchemaManager;

/**
 * Object class inheritance for {@code (objectClass=person)}: as in slapd, an entry whose objectClass
 * values name only {@code inetOrgPerson} matches, because inetOrgPerson is a subclass of person.
 */
final class ObjectClassHierarchy {
    private final SchemaManager schemaManager;

    ObjectClassHierarchy(SchemaManager schemaManager) {
        this.schemaManager = schemaManager;
    }

    /** Is the class named by {@code value} the class {@code wantedOid} or one of its subclasses? */
    boolean isSubclassOf(byte[] value, String wantedOid) {
        String name = new String(value, StandardCharsets.UTF_8).strip();
        ObjectClass start = lookup(name);
        if (start == null) {
            return name.equalsIgnoreCase(wantedOid);
        }
        Deque<ObjectClass> pending = new ArrayDeque<>();
        pending.push(start);
        while (!pending.isEmpty()) {
            ObjectClass current = pending.pop();
            if (current.getOid().equals(wantedOid)) {
                return true;
            }
            if (current.getSuperiors() != null) {
                current.getSuperiors().forEach(pending::push);
            }
        }
        return false;
    }

    private ObjectClass lookup(String name) {
        try {
            return schemaManager.lookupObjectClassRegistry(name);
        } catch (LdapException unknown) {
            return null;
        }
    }
}
