package org.larch.backend;

import java.util.List;
import org.apache.directory.api.ldap.model.name.Dn;
import org.apache.directory.api.ldap.model.name.Rdn;
import org.larch.backend.csn.CsnGenerator;
import org.larch.backend.entry.DirectoryEntry;
import org.larch.backend.index.IdSet;
import org.larch.backend.index.Indexes;
import org.larch.backend.ops.AddOperation;
import org.larch.backend.ops.BindOperation;
import org.larch.backend.ops.PasswordModifyOperation;
import org.larch.backend.ops.CompareOperation;
import org.larch.backend.ops.DeleteOperation;
import org.larch.backend.ops.ModifyDnOperation;
import org.larch.backend.ops.ModifyOperation;
import org.larch.backend.ops.OperationContext;
import org.larch.backend.request.EntryModification;
import org.larch.backend.request.SearchOutcome;
import org.larch.backend.request.SearchSink;
import org.larch.backend.request.SearchSpec;
import org.larch.backend.request.UpdateControls;
import org.larch.backend.request.UpdateOutcome;
import org.larch.backend.schema.DirectorySchema;
import org.larch.backend.schema.RootDse;
import org.larch.backend.schema.SubschemaEntry;
import org.larch.backend.search.IndexLookup;
import org.larch.backend.search.SearchOperation;
import org.larch.backend.search.SearchSettings;
import org.larch.backend.search.SpecialEntries;
import org.larch.backend.store.DirectoryStore;
import org.larch.backend.store.DnNames;
import org.larch.backend.store.StoreReader;
import org.larch.backend.store.StoreWriter;
import org.larch.backend.store.SuffixEntry;

/**
 * The directory: the schema, the store in its environment, the attribute indexes and one object per
 * operation, wired from {@link DirectorySettings}. {@link #open} loads the schema, opens (or creates)
 * the environment and creates the suffix entry on first start. Each {@link Directory} method hands its
 * request to its operation class; searches run concurrently, updates one at a time (the engine's
 * single writer).
 */
public final class LarchDirectory implements Directory {
    private static final int DEFAULT_RTXNSIZE = 10_000;

    private final DirectorySettings settings;
    private final DirectoryStore store;
    private final Indexes indexes;
    private final SearchOperation search;
    private final AddOperation add;
    private final DeleteOperation delete;
    private final ModifyOperation modify;
    private final ModifyDnOperation modifyDn;
    private final CompareOperation compare;
    private final BindOperation bind;
    private final PasswordModifyOperation modifyPassword;

    private LarchDirectory(DirectorySettings settings, DirectoryStore store, Indexes indexes, OperationContext context,
            SearchOperation search) {
        this.settings = settings;
        this.store = store;
        this.indexes = indexes;
        this.search = search;
        this.add = new AddOperation(context);
        this.delete = new DeleteOperation(context);
        this.modify = new ModifyOperation(context);
        this.modifyDn = new ModifyDnOperation(context);
        this.compare = new CompareOperation(context);
        this.bind = new BindOperation(context);
        this.modifyPassword = new PasswordModifyOperation(context);
    }

    public static LarchDirectory open(DirectorySettings settings) {
        DirectorySchema schema = DirectorySchema.load(settings.schemaFiles());
        Dn suffix = DnNames.parse(schema.schemaManager(), settings.suffix());
        DirectoryStore store = DirectoryStore.open(settings.directory(), settings.maxSizeBytes(), suffix, schema);
        try {
            Indexes indexes = openIndexes(store, settings);
            OperationContext context = OperationContext.of(store, settings, new CsnGenerator(settings.serverId()),
                    indexes::update);
            SearchOperation search = new SearchOperation(store, context.filters(), indexLookup(indexes),
                    specialEntries(settings, schema), searchSettings(settings));
            LarchDirectory directory = new LarchDirectory(settings, store, indexes, context, search);
            directory.createSuffixIfAbsent();
            return directory;
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    @Override
    public DirectorySchema schema() {
        return store.schema();
    }

    @Override
    public Identity bind(Dn dn, byte[] password) {
        return bind.run(dn, password);
    }

    @Override
    public SearchOutcome search(Identity who, SearchSpec spec, SearchSink sink) {
        return search.search(who, spec, sink);
    }

    @Override
    public UpdateOutcome add(Identity who, DirectoryEntry entry, UpdateControls controls) {
        return add.run(who, entry, controls);
    }

    @Override
    public UpdateOutcome delete(Identity who, Dn dn, UpdateControls controls) {
        return delete.run(who, dn, controls);
    }

    @Override
    public UpdateOutcome modify(Identity who, Dn dn, List<EntryModification> modifications, UpdateControls controls) {
        return modify.run(who, dn, modifications, controls);
    }

    @Override
    public UpdateOutcome modifyDn(Identity who, Dn dn, Rdn newRdn, boolean deleteOldRdn, Dn newSuperior,
            UpdateControls controls) {
        return modifyDn.run(who, dn, newRdn, deleteOldRdn, newSuperior, controls);
    }

    @Override
    public boolean compare(Identity who, Dn dn, String attributeDescription, byte[] value, UpdateControls controls) {
        return compare.run(who, dn, attributeDescription, value, controls);
    }

    @Override
    public byte[] modifyPassword(Identity who, Dn target, byte[] oldPassword, byte[] newPassword) {
        return modifyPassword.run(who, target, oldPassword, newPassword);
    }

    /** The attribute indexes, for statistics. */
    public Indexes indexes() {
        return indexes;
    }

    /** The store, for tools that read a snapshot alongside the operations (LDIF export). */
    public DirectoryStore store() {
        return store;
    }

    /** The search operation, for statistics and the children scope. */
    public SearchOperation searchOperation() {
        return search;
    }

    @Override
    public void close() {
        store.close();
    }

    // ---- opening ----

    /** Adds the suffix entry, as the rootdn would, when the directory has none yet. */
    private void createSuffixIfAbsent() {
        try (StoreReader reader = store.beginRead()) {
            if (reader.suffixId() != 0) {
                return;
            }
        }
        Identity root = new Identity(settings.rootDn() == null ? Dn.EMPTY_DN
                : DnNames.parse(schema().schemaManager(), settings.rootDn()), true);
        add.run(root, SuffixEntry.build(store.suffix(), schema()), UpdateControls.NONE);
    }

    /** {@code rtxnsize} 0 or less means slapd's default, 10000 entries per snapshot. */
    private static SearchSettings searchSettings(DirectorySettings settings) {
        int renewEvery = settings.readTxnRenewEntries() > 0 ? settings.readTxnRenewEntries() : DEFAULT_RTXNSIZE;
        return new SearchSettings(settings.sizeLimit(), settings.timeLimitSeconds(), renewEvery);
    }

    private static SpecialEntries specialEntries(DirectorySettings settings, DirectorySchema schema) {
        DirectoryEntry rootDse = RootDse.build(settings, schema);
        DirectoryEntry subschema = SubschemaEntry.build(schema);
        return new SpecialEntries() {
            @Override
            public DirectoryEntry rootDse() {
                return rootDse.copy();
            }

            @Override
            public DirectoryEntry subschema() {
                return subschema;
            }
        };
    }

    /** Opens the indexes and fills those that are new or whose directive changed from every entry. */
    public static Indexes openIndexes(DirectoryStore store, DirectorySettings settings) {
        try (StoreWriter writer = store.beginWrite()) {
            Indexes indexes = Indexes.open(store.env(), writer.txn(), settings.indexes(), store.schema());
            if (!indexes.staleAttributes().isEmpty()) {
                indexes.rebuild(writer.txn(), writer.allEntries());
            }
            writer.commit();
            return indexes;
        }
    }

    /** Index candidates as search takes them; a range too large to list counts as "every entry". */
    private static IndexLookup indexLookup(Indexes indexes) {
        return (txn, filter) -> {
            IdSet candidates = indexes.candidates(txn, filter);
            if (candidates == null || (candidates.isRange() && candidates.size() > IdSet.MAX_LISTED_IDS)) {
                return null;
            }
            return candidates.toArray();
        };
    }
}
