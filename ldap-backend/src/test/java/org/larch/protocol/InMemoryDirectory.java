package org.larch.protocol;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.directory.api.ldap.model.exception.LdapInvalidDnException;
import org.apache.directory.api.ldap.model.message.ResultCodeEnum;
import org.apache.directory.api.ldap.model.name.Dn;
import org.apache.directory.api.ldap.model.name.Rdn;
import org.larch.backend.Directory;
import org.larch.backend.Identity;
import org.larch.backend.LdapOperationException;
import org.larch.backend.entry.AttributeDescription;
import org.larch.backend.entry.DirectoryEntry;
import org.larch.backend.entry.EntryAttribute;
import org.larch.backend.request.EntryModification;
import org.larch.backend.request.SearchOutcome;
import org.larch.backend.request.SearchSink;
import org.larch.backend.request.SearchSpec;
import org.larch.backend.request.UpdateControls;
import org.larch.backend.request.UpdateOutcome;
import org.larch.backend.schema.DirectorySchema;

/**
 * Test fixture for the protocol layer: a {@link Directory} held in a map, with plain-text passwords,
 * a case-insensitive string filter, paging by offset and sorting by first value. It records the last
 * search spec and update controls it received so tests can check what the front end decoded.
 */
final class InMemoryDirectory implements Directory {
    static final String SUFFIX = "dc=example,dc=com";
    static final String ROOT_DN = "cn=admin,dc=example,dc=com";
    static final String ROOT_PASSWORD = "secret";
    /** A search with this base throws an unexpected exception. */
    static final String FAILING_BASE = "cn=fail,dc=example,dc=com";
    private static final DirectorySchema SCHEMA = DirectorySchema.load(List.of());

    private final Map<String, DirectoryEntry> entries = new LinkedHashMap<>();
    volatile SearchSpec lastSearch;
    /** An operation thread was interrupted inside the directory (in storage, that would close its file channel). */
    volatile boolean operationInterrupted;
    volatile UpdateControls lastControls;
    volatile long delayPerEntryMillis;
    /** Entries handed to search sinks so far. */
    final java.util.concurrent.atomic.AtomicInteger entriesStreamed = new java.util.concurrent.atomic.AtomicInteger();

    InMemoryDirectory() {
        add(entry(SUFFIX, "objectClass", "top", "objectClass", "domain", "dc", "example"));
        add(entry("ou=people," + SUFFIX, "objectClass", "organizationalUnit", "ou", "people"));
        add(entry("uid=alice,ou=people," + SUFFIX, "objectClass", "inetOrgPerson", "uid", "alice", "cn", "Alice Liddell",
                "sn", "Liddell", "mail", "alice@example.com", "userPassword", "alicepw"));
        add(entry("uid=bob,ou=people," + SUFFIX, "objectClass", "inetOrgPerson", "uid", "bob", "cn", "Bob Builder",
                "sn", "Builder", "userPassword", "bobpw"));
    }

    /** An entry from alternating description/value pairs, in that order. */
    static DirectoryEntry entry(String dn, String... pairs) {
        DirectoryEntry entry = new DirectoryEntry(dn(dn));
        for (int i = 0; i < pairs.length; i += 2) {
            EntryAttribute attribute = entry.get(pairs[i]);
            if (attribute == null) {
                AttributeDescription description = AttributeDescription.parse(pairs[i]);
                attribute = new EntryAttribute(description, SCHEMA.attributeType(description.type()), List.of());
                entry.attributes().add(attribute);
            }
            attribute.values().add(pairs[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return entry;
    }

    static Dn dn(String text) {
        try {
            return new Dn(SCHEMA.schemaManager(), text);
        } catch (LdapInvalidDnException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    synchronized void add(DirectoryEntry entry) {
        entries.put(entry.dn().getNormName(), entry);
    }

    synchronized DirectoryEntry get(String dn) {
        return entries.get(dn(dn).getNormName());
    }

    @Override
    public DirectorySchema schema() {
        return SCHEMA;
    }

    @Override
    public Identity bind(Dn dn, byte[] password) {
        String given = new String(password, StandardCharsets.UTF_8);
        if (dn.isEmpty() && given.isEmpty()) {
            return Identity.anonymous();
        }
        if (dn.getNormName().equals(dn(ROOT_DN).getNormName()) && given.equals(ROOT_PASSWORD)) {
            return new Identity(dn, true);
        }
        DirectoryEntry entry = lookup(dn);
        EntryAttribute stored = entry == null ? null : entry.get("userPassword");
        if (stored != null && stored.values().stream().anyMatch(value -> new String(value, StandardCharsets.UTF_8).equals(given))) {
            return new Identity(dn, false);
        }
        throw new LdapOperationException(ResultCodeEnum.INVALID_CREDENTIALS, "invalid credentials");
    }

    @Override
    public SearchOutcome search(Identity who, SearchSpec spec, SearchSink sink) {
        lastSearch = spec;
        if (spec.base().getName().equals(FAILING_BASE)) {
            throw new IllegalStateException("the fixture fails on " + FAILING_BASE);
        }
        DirectoryEntry base = require(spec.base());
        if (spec.assertion() != null && !SimpleFilter.matches(spec.assertion(), base)) {
            // assertionFailed (122): the LDAP API's enum calls it UNKNOWN
            throw new LdapOperationException(ResultCodeEnum.UNKNOWN, "assertion control: the base entry does not match");
        }
        List<DirectoryEntry> found = inScope(spec);
        if (spec.sortKeys() != null) {
            found.sort(Comparator.comparing(entry -> firstValue(entry, spec.sortKeys().getFirst().attribute())));
        }
        int offset = spec.paged() == null || spec.paged().cookie().length == 0
                ? 0 : Integer.parseInt(new String(spec.paged().cookie(), StandardCharsets.US_ASCII));
        int end = spec.paged() == null ? found.size() : Math.min(found.size(), offset + spec.paged().size());
        int sent = 0;
        for (DirectoryEntry entry : found.subList(offset, end)) {
            if (spec.sizeLimit() > 0 && sent == spec.sizeLimit()) {
                return new SearchOutcome(ResultCodeEnum.SIZE_LIMIT_EXCEEDED, "size limit", sent, null, 0, null, null);
            }
            pause();
            entriesStreamed.incrementAndGet();
            boolean more = isReferral(entry) && !spec.manageDsaIT()
                    ? sink.reference(values(entry, "ref")) : sink.entry(selected(entry, spec));
            if (!more) {
                break;
            }
            sent++;
        }
        byte[] cookie = spec.paged() == null ? null
                : end < found.size() ? Integer.toString(end).getBytes(StandardCharsets.US_ASCII) : new byte[0];
        ResultCodeEnum sortResult = spec.sortKeys() == null ? null : ResultCodeEnum.SUCCESS;
        return new SearchOutcome(ResultCodeEnum.SUCCESS, null, sent, cookie, found.size(), sortResult, null);
    }

    @Override
    public synchronized UpdateOutcome add(Identity who, DirectoryEntry entry, UpdateControls controls) {
        lastControls = controls;
        requireRoot(who);
        if (lookup(entry.dn()) != null) {
            throw new LdapOperationException(ResultCodeEnum.ENTRY_ALREADY_EXISTS, "entry " + entry.dn() + " already exists");
        }
        require(entry.dn().getParent());
        add(entry);
        return new UpdateOutcome(null, read(entry, controls.postRead()));
    }

    @Override
    public synchronized UpdateOutcome delete(Identity who, Dn dn, UpdateControls controls) {
        lastControls = controls;
        DirectoryEntry entry = target(who, dn, controls);
        boolean hasChildren = entries.values().stream().anyMatch(other -> dn.equals(other.dn().getParent()));
        if (hasChildren && !controls.subtreeDelete()) {
            throw new LdapOperationException(ResultCodeEnum.NOT_ALLOWED_ON_NON_LEAF, "entry " + dn + " has children");
        }
        entries.values().removeIf(other -> other.dn().isDescendantOf(dn) || other.dn().equals(dn));
        return new UpdateOutcome(read(entry, controls.preRead()), null);
    }

    @Override
    public synchronized UpdateOutcome modify(Identity who, Dn dn, List<EntryModification> modifications, UpdateControls controls) {
        lastControls = controls;
        DirectoryEntry entry = target(who, dn, controls);
        DirectoryEntry before = entry.copy();
        for (EntryModification modification : modifications) {
            apply(entry, modification);
        }
        return new UpdateOutcome(read(before, controls.preRead()), read(entry, controls.postRead()));
    }

    @Override
    public synchronized UpdateOutcome modifyDn(Identity who, Dn dn, Rdn newRdn, boolean deleteOldRdn, Dn newSuperior,
            UpdateControls controls) {
        lastControls = controls;
        DirectoryEntry entry = target(who, dn, controls);
        Dn parent = newSuperior == null ? dn.getParent() : newSuperior;
        require(parent);
        entries.remove(dn.getNormName());
        try {
            entry.dn(parent.add(newRdn));
        } catch (LdapInvalidDnException e) {
            throw new LdapOperationException(ResultCodeEnum.INVALID_DN_SYNTAX, e.getMessage());
        }
        add(entry);
        return UpdateOutcome.NONE;
    }

    @Override
    public synchronized boolean compare(Identity who, Dn dn, String attributeDescription, byte[] value, UpdateControls controls) {
        lastControls = controls;
        DirectoryEntry entry = target(Identity.anonymous(), dn, controls, false);
        EntryAttribute attribute = entry.get(attributeDescription);
        if (attribute == null) {
            throw new LdapOperationException(ResultCodeEnum.NO_SUCH_ATTRIBUTE, "no attribute " + attributeDescription);
        }
        String wanted = new String(value, StandardCharsets.UTF_8);
        return attribute.values().stream().anyMatch(v -> new String(v, StandardCharsets.UTF_8).equalsIgnoreCase(wanted));
    }

    @Override
    public synchronized byte[] modifyPassword(Identity who, Dn target, byte[] oldPassword, byte[] newPassword) {
        Dn dn = target == null ? who.dn() : target;
        if (who.isAnonymous() || (!who.root() && !who.dn().equals(dn))) {
            throw new LdapOperationException(ResultCodeEnum.INSUFFICIENT_ACCESS_RIGHTS, "may not change that password");
        }
        DirectoryEntry entry = require(dn);
        byte[] password = newPassword == null ? "generated-42".getBytes(StandardCharsets.UTF_8) : newPassword;
        entry.attributes().removeIf(attribute -> attribute.description().typeKey().equals("userpassword"));
        entry.attributes().add(new EntryAttribute(AttributeDescription.parse("userPassword"),
                SCHEMA.attributeType("userPassword"), List.of(password)));
        return newPassword == null ? password : null;
    }

    @Override
    public void close() {}

    private synchronized List<DirectoryEntry> inScope(SearchSpec spec) {
        List<DirectoryEntry> found = new ArrayList<>();
        for (DirectoryEntry entry : entries.values()) {
            boolean inScope = switch (spec.scope()) {
                case OBJECT -> entry.dn().equals(spec.base());
                case ONELEVEL -> spec.base().equals(entry.dn().getParent());
                case SUBTREE -> entry.dn().equals(spec.base())
                        ? !spec.subordinatesScope() : entry.dn().isDescendantOf(spec.base());
            };
            if (inScope && SimpleFilter.matches(spec.filter(), entry)) {
                found.add(entry.copy());
            }
        }
        return found;
    }

    private static DirectoryEntry selected(DirectoryEntry entry, SearchSpec spec) {
        List<String> wanted = spec.attributes().stream().map(name -> name.toLowerCase(Locale.ROOT)).toList();
        boolean all = wanted.isEmpty() || wanted.contains("*");
        entry.attributes().removeIf(attribute -> !all && !wanted.contains(attribute.description().typeKey()));
        if (spec.typesOnly()) {
            entry.attributes().forEach(attribute -> attribute.values().clear());
        }
        return entry;
    }

    private static DirectoryEntry read(DirectoryEntry entry, List<String> attributes) {
        if (attributes == null) {
            return null;
        }
        DirectoryEntry copy = entry.copy();
        List<String> wanted = attributes.stream().map(name -> name.toLowerCase(Locale.ROOT)).toList();
        copy.attributes().removeIf(attribute -> !wanted.isEmpty() && !wanted.contains(attribute.description().typeKey()));
        return copy;
    }

    private static void apply(DirectoryEntry entry, EntryModification modification) {
        EntryAttribute attribute = entry.get(modification.attribute());
        switch (modification.operation()) {
            case ADD_ATTRIBUTE -> {
                if (attribute == null) {
                    entry.attributes().add(new EntryAttribute(modification.attribute(),
                            SCHEMA.attributeType(modification.attribute().type()), modification.values()));
                } else {
                    attribute.values().addAll(modification.values());
                }
            }
            case REMOVE_ATTRIBUTE -> entry.attributes().remove(attribute);
            case REPLACE_ATTRIBUTE -> {
                entry.attributes().remove(attribute);
                if (!modification.values().isEmpty()) {
                    entry.attributes().add(new EntryAttribute(modification.attribute(),
                            SCHEMA.attributeType(modification.attribute().type()), modification.values()));
                }
            }
            default -> throw new LdapOperationException(ResultCodeEnum.UNWILLING_TO_PERFORM, "not in the fixture");
        }
    }

    private DirectoryEntry target(Identity who, Dn dn, UpdateControls controls) {
        return target(who, dn, controls, true);
    }

    private DirectoryEntry target(Identity who, Dn dn, UpdateControls controls, boolean write) {
        if (write) {
            requireRoot(who);
        }
        DirectoryEntry entry = require(dn);
        if (controls.assertion() != null && !SimpleFilter.matches(controls.assertion(), entry)) {
            // assertionFailed (122): the LDAP API's enum calls it UNKNOWN
            throw new LdapOperationException(ResultCodeEnum.UNKNOWN, "assertion control: the entry does not match");
        }
        return entry;
    }

    private static void requireRoot(Identity who) {
        if (!who.root()) {
            throw new LdapOperationException(ResultCodeEnum.INSUFFICIENT_ACCESS_RIGHTS, "only the rootdn writes here");
        }
    }

    private synchronized DirectoryEntry require(Dn dn) {
        DirectoryEntry entry = lookup(dn);
        if (entry != null) {
            return entry;
        }
        Dn matched = dn.getParent();
        while (!matched.isEmpty() && lookup(matched) == null) {
            matched = matched.getParent();
        }
        throw new LdapOperationException(ResultCodeEnum.NO_SUCH_OBJECT, matched.isEmpty() ? null : matched,
                "no such entry: " + dn.getName());
    }

    private synchronized DirectoryEntry lookup(Dn dn) {
        return entries.get(dn.getNormName());
    }

    private static boolean isReferral(DirectoryEntry entry) {
        return values(entry, "objectClass").stream().anyMatch(value -> value.equalsIgnoreCase("referral"));
    }

    private static List<String> values(DirectoryEntry entry, String attribute) {
        EntryAttribute found = entry.get(attribute);
        return found == null ? List.of()
                : found.values().stream().map(value -> new String(value, StandardCharsets.UTF_8)).toList();
    }

    private static String firstValue(DirectoryEntry entry, String attribute) {
        EntryAttribute found = entry.get(attribute);
        return found == null || found.values().isEmpty() ? "" : new String(found.values().getFirst(), StandardCharsets.UTF_8);
    }

    private void pause() {
        if (delayPerEntryMillis > 0) {
            try {
                Thread.sleep(delayPerEntryMillis);
            } catch (InterruptedException e) {
                operationInterrupted = true;
                Thread.currentThread().interrupt();
            }
        }
    }
}
