package org.larch.backend.schema;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.directory.api.ldap.model.message.ResultCodeEnum;
import org.apache.directory.api.ldap.model.schema.AttributeType;
import org.apache.directory.api.ldap.model.schema.ObjectClass;
import org.larch.backend.LdapOperationException;
import org.larch.backend.entry.DirectoryEntry;
import org.larch.backend.entry.EntryAttribute;

/**
 * The object class rules of RFC 4512 section 2.4 with slapd's messages, all failing with
 * objectClassViolation: the entry has objectClass values, each names a known class, the structural
 * classes form one superclass chain (its most specific class is the entry's structural class), an
 * abstract class appears only as a superclass of another listed class, the MUST attributes of every
 * class and superclass are present, and every user attribute is allowed by some class (a subtype of an
 * allowed type is allowed; extensibleObject allows every attribute). Auxiliary classes may be added
 * freely (no DIT content rules).
 *
 * <p>Whether a class set allows an attribute type is remembered per set of classes (with
 * superclasses), so that entries of the same classes, as in a bulk import, walk the type hierarchy once.
 */
final class ObjectClassRules {
    private static final String OBJECT_CLASS_OID = "2.5.4.0";
    private static final String EXTENSIBLE_OBJECT_OID = "1.3.6.1.4.1.1466.101.120.111";

    /** Class sets remembered before the memory is emptied (a guard against unbounded variety). */
    private static final int MAX_REMEMBERED_CLASS_SETS = 1_000;

    /** Object class values remembered before the memory is emptied (spellings of the schema's classes). */
    private static final int MAX_REMEMBERED_CLASS_VALUES = 10_000;

    private final DirectorySchema schema;
    /** objectClass value as written → the class it names. */
    private final Map<String, ObjectClass> classByValue = new ConcurrentHashMap<>();
    /** OIDs of a class set with its superclasses → attribute type OID → whether the set allows it. */
    private final Map<Set<String>, Map<String, Boolean>> allowedByClassSet = new ConcurrentHashMap<>();

    ObjectClassRules(DirectorySchema schema) {
        this.schema = schema;
    }

    /** The structural class's name; throws objectClassViolation naming the first broken rule. */
    String check(DirectoryEntry entry) {
        List<ObjectClass> listed = listedClasses(entry);
        ObjectClass structural = structuralClass(listed);
        checkAbstractClasses(listed);
        Map<String, ObjectClass> all = withSuperclasses(listed);
        checkRequired(entry, all.values());
        if (!all.containsKey(EXTENSIBLE_OBJECT_OID)) {
            checkAllowed(entry, all.values(), allowedMemory(all.keySet()));
        }
        return structural.getName();
    }

    private List<ObjectClass> listedClasses(DirectoryEntry entry) {
        List<ObjectClass> classes = new ArrayList<>();
        for (EntryAttribute attribute : entry.attributes()) {
            AttributeType type = schema.typeOf(attribute);
            if (type != null && OBJECT_CLASS_OID.equals(type.getOid())) {
                for (byte[] value : attribute.values()) {
                    classes.add(known(new String(value, StandardCharsets.UTF_8)));
                }
            }
        }
        if (classes.isEmpty()) {
            throw violation("no objectClass attribute");
        }
        return classes;
    }

    /** The class a value names, remembered by the value's exact text (known classes only: bounded). */
    private ObjectClass known(String name) {
        ObjectClass objectClass = classByValue.get(name);
        if (objectClass != null) {
            return objectClass;
        }
        objectClass = schema.objectClass(name);
        if (objectClass == null) {
            throw violation("unrecognized objectClass '" + name.trim() + "'");
        }
        if (classByValue.size() >= MAX_REMEMBERED_CLASS_VALUES) {
            classByValue.clear();
        }
        classByValue.put(name, objectClass);
        return objectClass;
    }

    /** The most specific structural class; all listed structural classes must lie on its chain. */
    private static ObjectClass structuralClass(List<ObjectClass> listed) {
        ObjectClass structural = null;
        for (ObjectClass objectClass : listed) {
            if (!objectClass.isStructural()) {
                continue;
            }
            if (structural == null || DirectorySchema.inherits(objectClass, structural.getOid())) {
                structural = objectClass;
            } else if (!DirectorySchema.inherits(structural, objectClass.getOid())) {
                throw violation("invalid structural object class chain ("
                        + structural.getName() + "/" + objectClass.getName() + ")");
            }
        }
        if (structural == null) {
            throw violation("no structural object class provided");
        }
        return structural;
    }

    private static void checkAbstractClasses(List<ObjectClass> listed) {
        for (ObjectClass objectClass : listed) {
            if (objectClass.isAbstract() && !isSuperclassOfAnother(objectClass, listed)) {
                throw violation("instantiation of abstract objectClass '" + objectClass.getName() + "' not allowed");
            }
        }
    }

    private static boolean isSuperclassOfAnother(ObjectClass abstractClass, List<ObjectClass> listed) {
        for (ObjectClass other : listed) {
            if (other != abstractClass && !other.getOid().equals(abstractClass.getOid())
                    && DirectorySchema.inherits(other, abstractClass.getOid())) {
                return true;
            }
        }
        return false;
    }

    /** The listed classes and all their superclasses, by OID, in discovery order. */
    private static Map<String, ObjectClass> withSuperclasses(List<ObjectClass> listed) {
        Map<String, ObjectClass> all = new LinkedHashMap<>();
        List<ObjectClass> pending = new ArrayList<>(listed);
        while (!pending.isEmpty()) {
            ObjectClass objectClass = pending.removeLast();
            if (all.putIfAbsent(objectClass.getOid(), objectClass) == null) {
                pending.addAll(objectClass.getSuperiors());
            }
        }
        return all;
    }

    private static void checkRequired(DirectoryEntry entry, Iterable<ObjectClass> classes) {
        for (ObjectClass objectClass : classes) {
            for (AttributeType required : objectClass.getMustAttributeTypes()) {
                if (!entry.hasType(required)) {
                    throw violation("object class '" + objectClass.getName() + "' requires attribute '"
                            + required.getName() + "'");
                }
            }
        }
    }

    private Map<String, Boolean> allowedMemory(Set<String> classOids) {
        if (allowedByClassSet.size() >= MAX_REMEMBERED_CLASS_SETS) {
            allowedByClassSet.clear();
        }
        return allowedByClassSet.computeIfAbsent(Set.copyOf(classOids), any -> new ConcurrentHashMap<>());
    }

    private void checkAllowed(DirectoryEntry entry, Iterable<ObjectClass> classes, Map<String, Boolean> allowed) {
        for (EntryAttribute attribute : entry.attributes()) {
            AttributeType type = schema.typeOf(attribute) != null
                    ? schema.typeOf(attribute)
                    : schema.requireAttributeType(attribute.description().type());
            if (!DirectorySchema.isOperational(type)
                    && !allowed.computeIfAbsent(type.getOid(), any -> isAllowed(type, classes))) {
                throw violation("attribute '" + attribute.description().type() + "' not allowed");
            }
        }
    }

    private static boolean isAllowed(AttributeType type, Iterable<ObjectClass> classes) {
        for (ObjectClass objectClass : classes) {
            if (listsTypeOrSupertype(objectClass.getMustAttributeTypes(), type)
                    || listsTypeOrSupertype(objectClass.getMayAttributeTypes(), type)) {
                return true;
            }
        }
        return false;
    }

    private static boolean listsTypeOrSupertype(List<AttributeType> listed, AttributeType type) {
        for (AttributeType candidate : listed) {
            if (candidate.getOid().equals(type.getOid()) || type.isDescendantOf(candidate)) {
                return true;
            }
        }
        return false;
    }

    private static LdapOperationException violation(String message) {
        return new LdapOperationException(ResultCodeEnum.OBJECT_CLASS_VIOLATION, message);
    }
}
