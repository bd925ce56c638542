package org.larch.backend.filter;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;
import org.apache.directory.api.ldap.model.exception.LdapException;
import org.apache.directory.api.ldap.model.schema.ObjectClass;
import org.apache.directory.api.ldap.model.schema.SchemaManager;

/**
 * Object class inheritance for {@code (objectClass=person)}: as in slapd, an entry whose objectClass
 * values name only {@code inetOrgPerson} matches, because inetOrgPerson is a subclass of person.
 */
public final class ObjectClassHierarchy {
    private final SchemaManager schemaManager;
    private static final int MAX_SPELLINGS = 10_000;

    private final Map<String, Set<String>> oidsByName = new ConcurrentHashMap<>();
    /** The same sets by the value's exact text, so a repeated spelling is not stripped and lowercased again. */
    private final Map<String, Set<String>> oidsByText = new ConcurrentHashMap<>();

    public ObjectClassHierarchy(SchemaManager schemaManager) {
        this.schemaManager = schemaManager;
    }

    /** Is the class named by {@code value} the class {@code wantedOid} or one of its subclasses? */
    public boolean isSubclassOf(byte[] value, String wantedOid) {
        return selfAndSuperclassOids(value).contains(wantedOid);
    }

    /**
     * The OIDs of the class named by {@code value} and of all its superclasses (what an objectClass
     * equality index keys an entry under); the lowercased name alone for a class the schema lacks.
     */
    public Set<String> selfAndSuperclassOids(byte[] value) {
        String text = new String(value, StandardCharsets.UTF_8);
        Set<String> byText = oidsByText.get(text);
        if (byText != null) {
            return byText;
        }
        String name = text.strip().toLowerCase(Locale.ROOT);
        Set<String> known = oidsByName.get(name);
        if (known == null) {
            known = collectOids(name);
            if (known == null) {
                return Set.of(name);
            }
            oidsByName.put(name, known); // only classes of the schema: bounded
        }
        if (oidsByText.size() < MAX_SPELLINGS) {
            oidsByText.put(text, known); // spellings of schema classes, capped
        }
        return known;
    }

    /** The OIDs of the class and its superclasses, or null if the schema has no such class. */
    private Set<String> collectOids(String name) {
        ObjectClass start = lookup(name);
        if (start == null) {
            return null;
        }
        Set<String> oids = new LinkedHashSet<>();
        Deque<ObjectClass> pending = new ArrayDeque<>();
        pending.push(start);
        while (!pending.isEmpty()) {
            ObjectClass current = pending.pop();
            if (oids.add(current.getOid()) && current.getSuperiors() != null) {
                current.getSuperiors().forEach(pending::push);
            }
        }
        return Set.copyOf(oids);
    }

    private ObjectClass lookup(String name) {
        try {
            return schemaManager.lookupObjectClassRegistry(name);
        } catch (LdapException unknown) {
            return null;
        }
    }
}
