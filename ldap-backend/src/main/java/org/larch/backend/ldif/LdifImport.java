package org.larch.backend.ldif;

import org.apache.directory.api.ldap.model.message.ResultCodeEnum;
import java.io.BufferedReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import org.apache.directory.api.ldap.model.name.Dn;
import org.larch.backend.Identity;
import org.larch.backend.LdapOperationException;
import org.larch.backend.entry.DirectoryEntry;
import org.larch.backend.entry.EntryAttribute;
import org.larch.backend.index.Indexes;
import org.larch.backend.operational.OperationalAttributes;
import org.larch.backend.ops.DeleteOperation;
import org.larch.backend.ops.ModifyDnOperation;
import org.larch.backend.ops.ModifyOperation;
import org.larch.backend.ops.OperationContext;
import org.larch.backend.request.UpdateControls;
import org.larch.backend.store.DirectoryStore;
import org.larch.backend.store.DnLookup;
import org.larch.backend.store.DnNames;

/**
 * {@code larch import}: adds the entries of an LDIF file straight into the store (no server, no
 * access control), like {@code slapadd}. Operational attributes present in the file are kept (seeding
 * a replica), absent ones generated as an add would ({@link OperationalAttributes#stampAdd}, the
 * importer as creator). An entry whose parent has not been added yet waits for it
 * ({@link DeferredEntries}); entries whose parent never comes are reported. A bad record stops the
 * import with its file and line, or with {@code continueOnError} is reported and skipped.
 *
 * <p>Change records ({@code changetype: delete, modify, modrdn, moddn}) are applied in file order by
 * the same operation classes as LDAP requests, each in its own transaction after the entries before
 * it are committed; with {@code dryRun} they are only read.
 */
public final class LdifImport {
    private static final int PROGRESS_EVERY_ENTRIES = 1_000;

    private final OperationContext context;
    private final DirectoryStore store;
    private final Indexes indexes;
    private final OperationalAttributes operational;
    private final Identity importer;
    private final ImportOptions options;
    private final ImportProgress progress;

    /** {@code progress} hears how far the import is, every thousand entries. */
    public LdifImport(OperationContext context, Indexes indexes, Identity importer, ImportOptions options,
            ImportProgress progress) {
        this.context = context;
        this.store = context.store();
        this.indexes = indexes;
        this.operational = context.operational();
        this.importer = importer;
        this.options = options;
        this.progress = progress;
    }

    /**
     * Imports every record of {@code in} (named {@code file} in problems): a reader thread reads and
     * prepares the records ({@link RecordPreparation}), this thread stores them in file order.
     */
    public ImportReport run(BufferedReader in, String file) {
        long start = System.nanoTime();
        LdifRecordReader reader = new LdifRecordReader(in, file);
        Run run = new Run(reader);
        try (ImportTransactions transactions = new ImportTransactions(store, indexes, operational, options)) {
            run.transactions = transactions;
            RecordPreparation preparation = new RecordPreparation(reader, store.schema(), options, operational,
                    context.csns(), importer, transactions::indexKeys, store.suffix());
            try (RecordPipeline records = new RecordPipeline(preparation::next)) {
                run.storeAll(records);
                ThreadCpu.reportIfAsked(records);
            }
            transactions.finish();
        } catch (LdifException e) {
            throw e.stoppedImport(run.transactions == null ? 0 : run.transactions.committedEntries(), options.dryRun());
        }
        return new ImportReport(run.added, run.changed, run.rejected, run.unresolved(), System.nanoTime() - start,
                options.dryRun());
    }

    /** The state of one import's writing side. */
    private final class Run {
        private final LdifRecordReader reader;
        private final DeferredEntries deferred = new DeferredEntries();
        private final List<LdifProblem> rejected = new ArrayList<>();
        private ImportTransactions transactions;
        /** Parents found so far: siblings, in a row or interleaved with others, skip the walk down dn2id. */
        private final KnownParents parents = new KnownParents();
        private long charactersRead;
        /** Whether a change record has run: from then on every added entry's name is checked in dn2id. */
        private boolean changesRun;
        private long added;
        private long changed;

        Run(LdifRecordReader reader) {
            this.reader = reader;
        }

        /** Stores the records in file order. */
        void storeAll(RecordPipeline records) {
            for (ReadRecord next = records.next(); next != null; next = records.next()) {
                switch (next) {
                    case ReadRecord.Entry entry -> {
                        charactersRead = entry.charactersRead();
                        addWithWaiting(entry.prepared());
                    }
                    case ReadRecord.Change change -> {
                        try {
                            applyChange(change.change());
                        } finally {
                            change.applied();
                        }
                    }
                    case ReadRecord.Problem problem -> reject(problem.problem());
                    case ReadRecord.Crash crash -> throw crash.failure();
                    case ReadRecord.End end -> throw new IllegalStateException("records after the end");
                }
            }
        }

        /** Commits the entries so far, then runs the change as an LDAP request of the importer would. */
        private void applyChange(LdifChange change) {
            parents.forget();
            changesRun = true;
            try {
                transactions.outside(() -> run(change));
                changed++;
            } catch (LdapOperationException e) {
                reject(new LdifProblem(reader.file(), change.lineNumber(), change.dn().getName(), e.getMessage()));
            }
        }

        private void run(LdifChange change) {
            switch (change) {
                case LdifChange.Delete delete -> new DeleteOperation(context).run(importer, delete.dn(), UpdateControls.NONE);
                case LdifChange.Modify modify -> new ModifyOperation(context).run(importer, modify.dn(),
                        modify.modifications(), UpdateControls.NONE);
                case LdifChange.ModifyDn move -> new ModifyDnOperation(context).run(importer, move.dn(), move.newRdn(),
                        move.deleteOldRdn(), move.newSuperior(), UpdateControls.NONE);
                case LdifChange.Add add -> throw new IllegalStateException("adds take the bulk path");
            }
        }

        /** Adds the entry, then the entries that waited for it, and theirs, and so on. */
        private void addWithWaiting(PreparedEntry first) {
            Deque<PreparedEntry> work = new ArrayDeque<>();
            work.push(first);
            while (!work.isEmpty()) {
                PreparedEntry next = work.pop();
                try {
                    if (add(next)) {
                        deferred.release(next.entry().dn()).forEach(work::push);
                    }
                } catch (LdapOperationException e) {
                    reject(new LdifProblem(reader.file(), next.lineNumber(), next.entry().dn().getName(), e.getMessage()));
                }
            }
        }

        /** Adds the entry, or defers it (false) until its parent is added. */
        private boolean add(PreparedEntry prepared) {
            DirectoryEntry entry = prepared.entry();
            long parentId = parentId(prepared);
            if (parentId < 0) {
                deferred.defer(prepared.parentDn(), prepared);
                return false;
            }
            if (prepared.uuidFromFile()) {
                // an existing entry is named as such, not by the entryUUID it already has
                requireNew(parentId, entry.dn());
                prepared.requireValid();
                requireUsableUuids(entry);
            } else {
                prepared.requireValid();
            }
            try {
                transactions.store(parentId, entry, prepared.keys(), knownNew(prepared, parentId));
            } catch (LdapOperationException e) {
                if (e.resultCode() == ResultCodeEnum.ENTRY_ALREADY_EXISTS) {
                    throw alreadyExists();
                }
                throw e;
            }
            if (++added % PROGRESS_EVERY_ENTRIES == 0) {
                progress.update(added, charactersRead);
            }
            return true;
        }

        /**
         * Whether the entry certainly does not exist yet, so storing it needs no existence check: its
         * parent was added by this import (so every child of it came from the file) and no earlier record
         * of the file named its DN, and no change record has run (a rename could have taken the name).
         */
        private boolean knownNew(PreparedEntry prepared, long parentId) {
            return prepared.firstOfItsDn() && !changesRun && parentId > 0 && transactions.created(parentId);
        }

        /** The parent's id, 0 for the suffix entry, -1 when the parent is not there (yet). */
        private long parentId(PreparedEntry prepared) {
            Dn parentDn = prepared.parentDn();
            if (parentDn == null) {
                return suffixOrOutside(prepared.entry().dn());
            }
            long known = parents.idOf(parentDn);
            if (known >= 0) {
                return known;
            }
            DnLookup parent = transactions.writer().lookup(parentDn);
            if (!parent.found()) {
                return -1;
            }
            parents.remember(parentDn, parent.id());
            return parent.id();
        }

        /** 0 for the suffix entry; NO_SUCH_OBJECT for an entry outside the suffix. */
        private long suffixOrOutside(Dn dn) {
            Dn suffix = store.suffix();
            if (dn.equals(suffix)) {
                return 0;
            }
            throw new LdapOperationException(ResultCodeEnum.NO_SUCH_OBJECT, "not under the suffix " + suffix.getName());
        }

        /** ENTRY_ALREADY_EXISTS if the entry at {@code dn}, a child of {@code parentId} (0: the suffix), is there already. */
        private void requireNew(long parentId, Dn dn) {
            boolean exists;
            if (parentId == 0) {
                exists = transactions.writer().idOf(dn) != 0;
            } else {
                String rdn = DnNames.schemaAware(store.schema().schemaManager(), dn.getRdn()).getNormName();
                exists = transactions.writer().childId(parentId, rdn) != 0;
            }
            if (exists) {
                throw alreadyExists();
            }
        }

        private static LdapOperationException alreadyExists() {
            return new LdapOperationException(ResultCodeEnum.ENTRY_ALREADY_EXISTS, "the entry already exists");
        }

        /**
         * The store parses entryUUID after writing the entry's dn2id records, and a failure there would
         * leave them in the import's transaction: a bad value is refused before anything is written, and
         * so is a value another entry has (uuid2id would silently point to the newer entry).
         */
        private void requireUsableUuids(DirectoryEntry entry) {
            for (EntryAttribute attribute : entry.ofType(store.schema().requireAttributeType("entryUUID"))) {
                for (byte[] value : attribute.values()) {
                    requireUnusedUuid(parseUuid(new String(value, StandardCharsets.UTF_8)));
                }
            }
        }

        private static UUID parseUuid(String text) {
            try {
                return UUID.fromString(text);
            } catch (IllegalArgumentException e) {
                throw new LdapOperationException(ResultCodeEnum.INVALID_ATTRIBUTE_SYNTAX, "entryUUID " + text + " is not a UUID");
            }
        }

        private void requireUnusedUuid(UUID uuid) {
            byte[] key = ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                    .putLong(uuid.getLeastSignificantBits()).array();
            long owner = transactions.writer().idOfUuid(key);
            if (owner != 0) {
                throw new LdapOperationException(ResultCodeEnum.CONSTRAINT_VIOLATION, "entryUUID " + uuid
                        + " already belongs to " + transactions.writer().dnOf(owner).getName());
            }
        }

        private void reject(LdifProblem problem) {
            if (!options.continueOnError()) {
                throw new LdifException(problem);
            }
            rejected.add(problem);
        }

        List<LdifProblem> unresolved() {
            return deferred.remaining().stream().map(waiting -> new LdifProblem(reader.file(), waiting.lineNumber(),
                    waiting.entry().dn().getName(), "its parent " + waiting.entry().dn().getParent().getName()
                            + " is neither in the directory nor in the file")).toList();
        }
    }
}
