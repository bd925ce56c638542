package org.larch.protocol.handler;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.directory.api.ldap.model.entry.Attribute;
import org.apache.directory.api.ldap.model.entry.DefaultAttribute;
import org.apache.directory.api.ldap.model.entry.DefaultEntry;
import org.apache.directory.api.ldap.model.entry.Entry;
import org.apache.directory.api.ldap.model.entry.Value;
import org.apache.directory.api.ldap.model.exception.LdapException;
import org.apache.directory.api.ldap.model.name.Dn;
import org.larch.backend.entry.AttributeDescription;
import org.larch.backend.entry.DirectoryEntry;
import org.larch.backend.entry.EntryAttribute;
import org.larch.backend.schema.DirectorySchema;

/**
 * Entries between the wire (the LDAP API's {@link Entry}) and the backend ({@link DirectoryEntry}).
 * Outgoing entries keep the backend's attribute order and descriptions exactly: the API's
 * {@code DefaultEntry} keeps attributes in a hash map, so the entry handed to the encoder is a view
 * whose {@code iterator()} and {@code size()} follow our list (the encoder uses nothing else).
 */
public final class EntryConversion {
    private EntryConversion() {}

    /** The entry to encode, attributes in stored order, each under its stored description. */
    public static Entry toWire(DirectoryEntry entry) {
        DefaultEntry plain = new DefaultEntry(entry.dn());
        List<Attribute> ordered = new ArrayList<>(entry.attributes().size());
        for (EntryAttribute attribute : entry.attributes()) {
            DefaultAttribute wire = new DefaultAttribute(attribute.description().text());
            for (byte[] value : attribute.values()) {
                wire.add(new Value(value));
            }
            ordered.add(wire);
            putInto(plain, wire);
        }
        return orderedView(plain, ordered);
    }

    /**
     * An AddRequest's entry for the backend: attributes in {@code order} (the descriptions as the PDU
     * listed them; the API's entry keeps none), descriptions as sent, types resolved through the schema
     * (null when unknown).
     */
    public static DirectoryEntry fromWire(Entry entry, List<String> order, Dn schemaAwareDn, DirectorySchema schema) {
        List<EntryAttribute> attributes = new ArrayList<>();
        for (Attribute attribute : entry) {
            AttributeDescription description = AttributeDescription.parse(attribute.getUpId());
            attributes.add(new EntryAttribute(description, schema.attributeType(description.type()), values(attribute)));
        }
        attributes.sort(Comparator.comparingInt(attribute -> position(order, attribute.description())));
        return new DirectoryEntry(schemaAwareDn, 0, attributes);
    }

    private static int position(List<String> order, AttributeDescription description) {
        for (int index = 0; index < order.size(); index++) {
            if (AttributeDescription.parse(order.get(index)).sameAs(description)) {
                return index;
            }
        }
        return order.size();
    }

    static List<byte[]> values(Attribute attribute) {
        List<byte[]> values = new ArrayList<>(attribute.size());
        for (Value value : attribute) {
            values.add(value.getBytes());
        }
        return values;
    }

    private static void putInto(DefaultEntry plain, Attribute attribute) {
        try {
            plain.put(attribute);
        } catch (LdapException e) {
            throw new IllegalStateException("cannot hold attribute " + attribute.getUpId() + ": " + e.getMessage(), e);
        }
    }

    private static Entry orderedView(DefaultEntry plain, List<Attribute> ordered) {
        return (Entry) Proxy.newProxyInstance(Entry.class.getClassLoader(), new Class<?>[] {Entry.class},
                (proxy, method, arguments) -> switch (method.getName()) {
                    case "iterator" -> ordered.iterator();
                    case "size" -> ordered.size();
                    default -> invoke(plain, method, arguments);
                });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] arguments) throws Throwable {
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
