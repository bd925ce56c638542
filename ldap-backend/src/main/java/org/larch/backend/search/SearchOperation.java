package org.larch.backend.search;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.directory.api.ldap.model.filter.BranchNode;
import org.apache.directory.api.ldap.model.filter.EqualityNode;
import org.apache.directory.api.ldap.model.filter.ExprNode;
import org.apache.directory.api.ldap.model.filter.ExtensibleNode;
import org.apache.directory.api.ldap.model.message.AliasDerefMode;
import org.apache.directory.api.ldap.model.message.ResultCodeEnum;
import org.apache.directory.api.ldap.model.name.Dn;
import org.larch.backend.Identity;
import org.larch.backend.LdapOperationException;
import org.larch.backend.entry.DirectoryEntry;
import org.larch.backend.match.MatchingRules;
import org.larch.backend.filter.CompiledFilter;
import org.larch.backend.filter.FilterEvaluator;
import org.larch.backend.filter.ValuesReturnFilter;
import org.larch.backend.ops.AssertionControl;
import org.larch.backend.ops.ReadableTypes;
import org.larch.backend.ops.RequestedAttributes;
import org.larch.backend.request.SearchOutcome;
import org.larch.backend.request.SearchSink;
import org.larch.backend.request.SearchSpec;
import org.larch.backend.store.DirectoryStore;
import org.larch.backend.store.DnLookup;
import org.larch.backend.store.DnNames;
import org.larch.backend.index.IdArrays;
import org.larch.backend.store.StoreReader;

/**
 * The search operation: the root DSE and the subschema entry by their DNs, else one planned walk
 * over the store. Steps: check sort keys and the paged cookie; resolve the base (noSuchObject with
 * the matched DN, aliases followed when finding the base, a referral above the base answered with
 * REFERRAL); check the assertion control on the base (RFC 4528); plan the ids (index candidates
 * intersected with the scope; in a sorted or alias-dereferencing search the matching entries in
 * result order); deliver them in batches ({@link ResultDelivery}). The filter and the assertion are
 * evaluated with the requester's access rights: an item on an attribute the requester may not read
 * is Undefined. Thread-safe: each search has its own read transaction.
 */
public final class SearchOperation {
    private final DirectoryStore store;
    private final FilterEvaluator filter;
    private final IndexLookup indexes;
    private final SpecialEntries specialEntries;
    private final SearchSettings settings;
    private final MatchingRules rules;
    private final EntryKinds kinds;
    private final Aliases aliases;
    private final EntryShaper shaper;
    private final Dn subschemaDn;
    private final AtomicLong entriesRead = new AtomicLong();

    public SearchOperation(DirectoryStore store, FilterEvaluator filter, IndexLookup indexes, SpecialEntries specialEntries,
            SearchSettings settings) {
        this.store = store;
        this.filter = filter;
        this.indexes = indexes;
        this.specialEntries = specialEntries;
        this.settings = settings;
        this.rules = new MatchingRules(store.schema().schemaManager());
        this.kinds = new EntryKinds(store.schema());
        this.aliases = new Aliases(kinds);
        this.shaper = new EntryShaper(new RequestedAttributes(store.schema()), new ComputedAttributes(store.schema()),
                new ValuesReturnFilter(filter));
        this.subschemaDn = DnNames.parse(store.schema().schemaManager(), ComputedAttributes.SUBSCHEMA_DN);
    }

    /** A search in the spec's scope: {@link Scope#CHILDREN} when it asks for the subordinates scope. */
    public SearchOutcome search(Identity who, SearchSpec spec, SearchSink sink) {
        return search(who, spec, spec.subordinatesScope() ? Scope.CHILDREN : Scope.of(spec.scope()), sink);
    }

    /** A search with an explicit scope, {@link Scope#CHILDREN} included. */
    public SearchOutcome search(Identity who, SearchSpec spec, Scope scope, SearchSink sink) {
        long startNanos = System.nanoTime();
        Dn base = DnNames.schemaAware(store.schema().schemaManager(), spec.base());
        if (base.isEmpty()) {
            return searchRootDse(who, spec, scope, sink);
        }
        if (base.equals(subschemaDn)) {
            DirectoryEntry subschema = specialEntries.subschema();
            requireAssertion(who, spec, subschema);
            return searchSpecial(who, spec, scope == Scope.BASE || scope == Scope.SUBTREE ? subschema : null, sink);
        }
        SortOrder.Preparation sort = prepareSort(spec);
        int fingerprint = fingerprint(base, scope, spec, sort);
        PagedCookie cookie = spec.paged() == null ? null
                : PagedCookie.decode(spec.paged().cookie(), cookieKind(spec, sort), fingerprint);
        if (spec.paged() != null && spec.paged().size() == 0) {
            return new SearchOutcome(ResultCodeEnum.SUCCESS, null, 0, new byte[0], 0, null, null);
        }
        SearchLimits limits = SearchLimits.of(who, spec, settings, startNanos);
        try (StoreReader reader = store.beginRead()) {
            long baseId = resolveBase(reader, base, spec);
            if (spec.assertion() != null) {
                requireAssertion(who, spec, read(reader, baseId));
            }
            SearchPlan plan = plan(reader, baseId, scope, who, spec, sort, cookie, limits);
            return new ResultDelivery(this, reader, plan, who, spec, limits, fingerprint).deliver(sink, sort);
        }
    }

    /** Entries read from the store by searches so far (for tests and statistics). */
    public long entriesRead() {
        return entriesRead.get();
    }

    // ---- the steps ----

    private SortOrder.Preparation prepareSort(SearchSpec spec) {
        if (spec.sortKeys() == null || spec.sortKeys().isEmpty()) {
            return null;
        }
        SortOrder.Preparation sort = SortOrder.prepare(spec.sortKeys(), store.schema(), rules);
        if (sort.order() == null && spec.sortCritical()) {
            throw new LdapOperationException(ResultCodeEnum.UNAVAILABLE_CRITICAL_EXTENSION,
                    "cannot sort by " + sort.failedAttribute() + " (" + sort.failure() + ")");
        }
        return sort;
    }

    private long resolveBase(StoreReader reader, Dn base, SearchSpec spec) {
        DnLookup lookup = reader.lookup(base);
        if (!spec.manageDsaIT() && lookup.matchedId() != 0) {
            refuseBelowReferral(reader, lookup.matchedId());
        }
        long baseId = reader.requireId(base);
        AliasDerefMode deref = spec.derefAliases();
        if (deref == AliasDerefMode.DEREF_FINDING_BASE_OBJ || deref == AliasDerefMode.DEREF_ALWAYS) {
            baseId = aliases.follow(reader, baseId);
        }
        return baseId;
    }

    /** RFC 4528: ASSERTION_FAILED, before any entry is sent, unless the base matches the assertion. */
    private void requireAssertion(Identity who, SearchSpec spec, DirectoryEntry baseEntry) {
        AssertionControl.require(filter, who, spec.assertion(), baseEntry);
    }

    /** REFERRAL when the base or one of its ancestors is a referral entry (RFC 3296 section 5.6.1). */
    private void refuseBelowReferral(StoreReader reader, long baseId) {
        long[] referrals = indexes.candidates(reader.txn(), new EqualityNode<>("objectClass", "referral"));
        for (long id = baseId; id > 0; id = reader.parentOf(id)) {
            if (referrals != null && !IdArrays.contains(referrals, id)) {
                continue;
            }
            DirectoryEntry entry = read(reader, id);
            if (entry != null && kinds.isReferral(entry)) {
                throw new LdapOperationException(ResultCodeEnum.REFERRAL, entry.dn(),
                        "referral: " + String.join(" ", kinds.referralUrls(entry)));
            }
        }
    }

    private SearchPlan plan(StoreReader reader, long baseId, Scope scope, Identity who, SearchSpec spec,
            SortOrder.Preparation sort, PagedCookie cookie, SearchLimits limits) {
        boolean derefInSearching = spec.derefAliases() == AliasDerefMode.DEREF_IN_SEARCHING
                || spec.derefAliases() == AliasDerefMode.DEREF_ALWAYS;
        boolean sorted = sort != null && sort.order() != null;
        if (!derefInSearching && !sorted) {
            long[] ids = ScopeCandidates.ids(reader, baseId, scope, indexes.candidates(reader.txn(), spec.filter()));
            return new SearchPlan(baseId, scope, ids, startAfter(ids, cookie), PagedCookie.Kind.AFTER_ID, true);
        }
        long[] scopeIds = derefInSearching
                ? new AliasScope(aliases).ids(reader, baseId, scope, candidatesWithAliases(reader, spec.filter()))
                : ScopeCandidates.ids(reader, baseId, scope, indexes.candidates(reader.txn(), spec.filter()));
        long[] ordered = matchingInOrder(reader, baseId, scopeIds, compile(who, spec), spec,
                sorted ? sort.order() : null, limits);
        int start = cookie == null ? 0 : (int) Math.min(cookie.value(), ordered.length);
        return new SearchPlan(baseId, scope, ordered, start, PagedCookie.Kind.AT_POSITION, !derefInSearching);
    }

    /**
     * The ids that match (or are referrals to report), sorted when an order is given. Nothing has
     * been sent yet, so running out of time here is TIME_LIMIT_EXCEEDED with no entries.
     */
    private long[] matchingInOrder(StoreReader reader, long baseId, long[] ids, CompiledFilter compiled,
            SearchSpec spec, SortOrder order, SearchLimits limits) {
        List<SortOrder.SortRow> rows = new ArrayList<>();
        for (long id : ids) {
            if (limits.timeIsUp()) {
                throw new LdapOperationException(ResultCodeEnum.TIME_LIMIT_EXCEEDED,
                        "time limit exceeded before the results were ordered");
            }
            DirectoryEntry entry = readForFilter(reader, id, spec.filter());
            boolean reference = entry != null && !spec.manageDsaIT() && id != baseId && kinds.isReferral(entry);
            if (entry != null && (reference || compiled.matches(entry))) {
                rows.add(order == null ? new SortOrder.SortRow(id, null) : order.row(entry));
            }
        }
        if (order != null) {
            order.sort(rows);
        }
        return rows.stream().mapToLong(SortOrder.SortRow::id).toArray();
    }

    private long[] candidatesWithAliases(StoreReader reader, ExprNode searchFilter) {
        long[] matching = indexes.candidates(reader.txn(), searchFilter);
        long[] aliasEntries = indexes.candidates(reader.txn(), new EqualityNode<>("objectClass", "alias"));
        return matching == null || aliasEntries == null ? null : IdArrays.union(matching, aliasEntries);
    }

    private SearchOutcome searchRootDse(Identity who, SearchSpec spec, Scope scope, SearchSink sink) {
        if (scope != Scope.BASE) {
            throw new LdapOperationException(ResultCodeEnum.NO_SUCH_OBJECT,
                    "the root DSE can only be read with a base-scope search");
        }
        DirectoryEntry rootDse = specialEntries.rootDse();
        requireAssertion(who, spec, rootDse);
        return searchSpecial(who, spec, rootDse, sink);
    }

    private SearchOutcome searchSpecial(Identity who, SearchSpec spec, DirectoryEntry entry, SearchSink sink) {
        int sent = 0;
        if (entry != null && compile(who, spec).matches(entry)) {
            sink.entry(shaper.shape(entry, null, spec, who));
            sent = 1;
        }
        byte[] cookie = spec.paged() == null ? null : new byte[0];
        return new SearchOutcome(ResultCodeEnum.SUCCESS, null, sent, cookie, 0, null, null);
    }

    private static int startAfter(long[] ids, PagedCookie cookie) {
        if (cookie == null) {
            return 0;
        }
        int index = java.util.Arrays.binarySearch(ids, cookie.value());
        return index >= 0 ? index + 1 : -index - 1;
    }

    private static PagedCookie.Kind cookieKind(SearchSpec spec, SortOrder.Preparation sort) {
        boolean derefInSearching = spec.derefAliases() == AliasDerefMode.DEREF_IN_SEARCHING
                || spec.derefAliases() == AliasDerefMode.DEREF_ALWAYS;
        return derefInSearching || (sort != null && sort.order() != null)
                ? PagedCookie.Kind.AT_POSITION : PagedCookie.Kind.AFTER_ID;
    }

    private static int fingerprint(Dn base, Scope scope, SearchSpec spec, SortOrder.Preparation sort) {
        String sortText = sort == null ? "" : String.valueOf(spec.sortKeys());
        return (base.getNormName() + "|" + scope + "|" + spec.filter() + "|" + spec.derefAliases() + "|" + sortText)
                .hashCode();
    }

    // ---- for ResultDelivery ----

    DirectoryEntry read(StoreReader reader, long id) {
        entriesRead.incrementAndGet();
        return reader.entry(id);
    }

    /** An entry to test against {@code filter}: without its DN unless the filter looks at DNs. */
    DirectoryEntry readForFilter(StoreReader reader, long id, ExprNode searchFilter) {
        entriesRead.incrementAndGet();
        return usesDn(searchFilter) ? reader.entry(id) : reader.entryWithoutDn(id);
    }

    /** Whether the filter has an extensible match with {@code :dn:} (RFC 4511 section 4.5.1.7.7). */
    static boolean usesDn(ExprNode node) {
        return switch (node) {
            case ExtensibleNode extensible -> extensible.hasDnAttributes();
            case BranchNode branch -> branch.getChildren().stream().anyMatch(SearchOperation::usesDn);
            case null, default -> false;
        };
    }

    SearchSettings settings() {
        return settings;
    }

    EntryKinds kinds() {
        return kinds;
    }

    /**
     * The search filter compiled with what {@code who} may read (the policy decides by type, so the
     * base stands for every entry of the search).
     */
    CompiledFilter compile(Identity who, SearchSpec spec) {
        return filter.compile(spec.filter(), ReadableTypes.of(who, spec.base()));
    }

    EntryShaper shaper() {
        return shaper;
    }
}
