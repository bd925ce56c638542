package org.larch.backend;

import java.util.List;
import org.apache.directory.api.ldap.model.message.ResultCodeEnum;
import org.apache.directory.api.ldap.model.name.Dn;
import org.apache.directory.api.ldap.model.name.Rdn;
import org.larch.backend.csn.CsnGenerator;
import org.larch.backend.entry.DirectoryEntry;
import org.larch.backend.ops.AddOperation;
import org.larch.backend.ops.CompareOperation;
import org.larch.backend.ops.DeleteOperation;
import org.larch.backend.ops.IndexMaintenance;
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
import org.larch.backend.store.SuffixEntry;

/**
 * The directory: the schema, the store in its environment, the attribute indexes and one object per
 * operation, wired from {@link DirectorySettings}. {@link #open} loads the schema, opens (or creates)
 * the environment and creates the suffix entry on first start. Each {@link Directory} method hands its
 * request to its operation class; searches run concurrently, updates one at a time (the engine's
 * single writer).
 */
public final class LarchDirectory implements Directory {
    private final DirectorySettings settings;
    private final DirectoryStore store;
    private final SearchOperation search;
    private final AddOperation add;
    private final DeleteOperation delete;
    private final ModifyOperation modify;
    private final ModifyDnOperation modifyDn;
    private final CompareOperation compare;

    private LarchDirectory(DirectorySettings settings, DirectoryStore store, OperationContext context,
            SearchOperation search) {
        this.settings = settings;
        this.store = store;
        this.search = search;
        this.add = new AddOperation(context);
        this.delete = new DeleteOperation(context);
        this.modify = new ModifyOperation(context);
        this.modifyDn = new ModifyDnOperation(context);
        this.compare = new CompareOperation(context);
    }

    public static LarchDirectory open(DirectorySettings settings) {
        DirectorySchema schema = DirectorySchema.load(settings.schemaFiles());
        Dn suffix = DnNames.parse(schema.schemaManager(), settings.suffix());
        DirectoryStore store = DirectoryStore.open(settings.directory(), settings.maxSizeBytes(), suffix, schema);
        try {
            OperationContext context = OperationContext.of(store, settings, new CsnGenerator(settings.serverId()),
                    indexMaintenance());
            SearchOperation search = new SearchOperation(store, context.filters(), IndexLookup.NONE,
                    specialEntries(settings, schema), searchSettings(settings));
            LarchDirectory directory = new LarchDirectory(settings, store, context, search);
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
        throw new LdapOperationException(ResultCodeEnum.UNWILLING_TO_PERFORM, "bind is not wired yet");
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
        throw new LdapOperationException(ResultCodeEnum.UNWILLING_TO_PERFORM, "password modify is not wired yet");
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

    private static SearchSettings searchSettings(DirectorySettings settings) {
        return new SearchSettings(settings.sizeLimit(), settings.timeLimitSeconds(),
                Math.max(1, settings.readTxnRenewEntries()));
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

    /** Until the attribute indexes are merged in, there are no index keys to keep. */
    private static IndexMaintenance indexMaintenance() {
        return (writeTxn, id, before, after) -> { };
    }
}
