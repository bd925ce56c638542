package org.larch.backend.ldif;

import java.util.Deque;
import java.util.ArrayDeque;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import org.apache.directory.api.ldap.model.filter.ExprNode;
import org.apache.directory.api.ldap.model.message.ResultCodeEnum;
import org.apache.directory.api.ldap.model.name.Dn;
import org.larch.backend.LdapOperationException;
import org.larch.backend.entry.DirectoryEntry;
import org.larch.backend.filter.FilterEvaluator;
import org.larch.backend.store.DirectoryStore;
import org.larch.backend.store.CorruptRecordException;
import org.larch.backend.store.DnNames;
import org.larch.backend.store.SelfRecord;
import org.larch.backend.store.StoreReader;

/**
 * {@code larch export}: the entries of a subtree as LDIF ({@link LdifText}), from one read transaction
 * (a consistent snapshot, while a server may be writing), parents before children (a depth-first walk
 * of dn2id), operational attributes included. With a filter, only matching entries are written (a
 * parent that does not match is left out; its matching children still are).
 */
public final class LdifExport {
    private final DirectoryStore store;
    private final FilterEvaluator filters;

    public LdifExport(DirectoryStore store) {
        this.store = store;
        this.filters = new FilterEvaluator(store.schema());
    }

    /**
     * Writes the subtree of {@code base} (the suffix when null) whose entries match {@code filter}
     * (every entry when null) to {@code out}; returns the number of entries written.
     */
    public long export(Dn base, ExprNode filter, Writer out) {
        try (StoreReader reader = store.beginRead()) {
            long baseId = baseId(reader, base);
            if (baseId == 0) {
                return 0;
            }
            long written = writeSubtree(reader, baseId, filter, out);
            flush(out);
            return written;
        }
    }

    private long baseId(StoreReader reader, Dn base) {
        if (base == null) {
            return reader.suffixId();
        }
        Dn normalized = DnNames.schemaAware(store.schema().schemaManager(), base);
        long id = reader.idOf(normalized);
        if (id == 0) {
            throw new LdapOperationException(ResultCodeEnum.NO_SUCH_OBJECT,
                    "the base entry " + base.getName() + " does not exist");
        }
        return id;
    }

    /**
     * Depth first, iteratively: a deep tree does not need a deep stack. Each entry's DN is its RDN as
     * written (its dn2id self record) before its parent's DN text, which is what the LDAP API's
     * {@code Dn.getName()} of the same entry gives, without parsing an RDN per entry; the entry is read
     * with a DN only when a filter needs it.
     */
    private long writeSubtree(StoreReader reader, long baseId, ExprNode filter, Writer out) {
        Deque<Pending> pending = new ArrayDeque<>();
        pending.push(new Pending(baseId, null));
        long written = 0;
        while (!pending.isEmpty()) {
            Pending next = pending.pop();
            String dn = next.parentDn() == null ? reader.dnOf(next.id()).getName()
                    : rdnOf(reader, next.id()) + "," + next.parentDn();
            DirectoryEntry entry = filter == null ? reader.entryWithoutDn(next.id()) : reader.entry(next.id());
            if (filter == null || filters.matches(filter, entry)) {
                write(out, LdifText.record(dn, entry));
                written++;
            }
            long[] children = reader.children(next.id());
            for (int index = children.length - 1; index >= 0; index--) {
                pending.push(new Pending(children[index], dn));
            }
        }
        return written;
    }

    private static String rdnOf(StoreReader reader, long id) {
        SelfRecord self = reader.selfRecord(id);
        if (self == null) {
            throw new CorruptRecordException("dn2id: entry " + id + " is listed as a child but has no self record");
        }
        return self.rdn();
    }

    /** An entry still to write, and its parent's DN text (null for the base entry). */
    private record Pending(long id, String parentDn) {}

    private static void write(Writer out, String text) {
        try {
            out.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the LDIF: " + e.getMessage(), e);
        }
    }

    private static void flush(Writer out) {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the LDIF: " + e.getMessage(), e);
        }
    }
}
