package org.larch.backend.ops;

import org.larch.backend.DirectorySettings;
import org.larch.backend.csn.Csn;
import org.larch.backend.csn.CsnGenerator;
import org.larch.backend.filter.FilterEvaluator;
import org.larch.backend.match.MatchingRules;
import org.larch.backend.operational.OperationalAttributes;
import org.larch.backend.schema.DirectorySchema;
import org.larch.backend.store.DirectoryStore;
import org.larch.backend.store.StoreReader;

/**
 * What the operation classes work with, built once when the directory opens and shared by all
 * operations (every part is thread-safe or used inside one transaction at a time).
 *
 * @param indexes the attribute indexes' update ({@code Indexes.update})
 * @param filters the filter evaluator, for the assertion control
 */
public record OperationContext(
        DirectoryStore store,
        DirectorySettings settings,
        CsnGenerator csns,
        MatchingRules rules,
        IndexMaintenance indexes,
        FilterEvaluator filters,
        OperationalAttributes operational,
        RequestedAttributes readControls) {

    /**
     * A context whose schema-derived parts come from the store's schema. The CSN generator is moved
     * past the stored contextCSN, so a restart on a clock that went back keeps CSNs rising.
     */
    public static OperationContext of(
            DirectoryStore store,
            DirectorySettings settings,
            CsnGenerator csns,
            IndexMaintenance indexes) {
        DirectorySchema schema = store.schema();
        MatchingRules rules = new MatchingRules(schema.schemaManager());
        OperationalAttributes operational = new OperationalAttributes(schema);
        observeContextCsn(store, operational, csns);
        return new OperationContext(store, settings, csns, rules, indexes, new FilterEvaluator(schema, rules),
                operational, new RequestedAttributes(schema));
    }

    public DirectorySchema schema() {
        return store.schema();
    }

    private static void observeContextCsn(DirectoryStore store, OperationalAttributes operational, CsnGenerator csns) {
        try (StoreReader reader = store.beginRead()) {
            long suffixId = reader.suffixId();
            Csn stored = suffixId == 0 ? null : operational.contextCsn(reader.entry(suffixId));
            if (stored != null) {
                csns.observe(stored);
            }
        }
    }
}
