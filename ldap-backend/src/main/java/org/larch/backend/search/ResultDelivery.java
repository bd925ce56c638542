package org.larch.backend.search;

import java.util.ArrayList;
import java.util.List;
import org.apache.directory.api.ldap.model.message.ResultCodeEnum;
import org.larch.backend.Identity;
import org.larch.backend.entry.DirectoryEntry;
import org.larch.backend.filter.CompiledFilter;
import org.larch.backend.request.SearchOutcome;
import org.larch.backend.request.SearchSink;
import org.larch.backend.request.SearchSpec;
import org.larch.backend.store.StoreReader;

/**
 * Sends a planned search's results. Entries are read and shaped in batches under one snapshot, a
 * batch ending after {@code rtxnsize} entries read (as back-mdb counts); the snapshot is released
 * before the batch goes to the sink, so a slow client never pins it, and the next batch reads from the newest snapshot (entries changed meanwhile are
 * read as they are now, deleted ones skipped, moved ones checked against the scope again). Ids are
 * remembered by position, so no entry is sent twice. Stops at the page size or size limit (having
 * looked one result further to know whether there is more), at the time limit, or when the sink says so.
 */
final class ResultDelivery {
    private final SearchOperation operation;
    private final StoreReader reader;
    private final SearchPlan plan;
    private final Identity who;
    private final SearchSpec spec;
    private final SearchLimits limits;
    private final int fingerprint;
    private final int batchSize;
    private final int stopAfter;
    private final CompiledFilter filter;

    private int position;
    private int sent;
    private long lastSentId;
    private boolean renewed;
    private boolean timeUp;

    ResultDelivery(SearchOperation operation, StoreReader reader, SearchPlan plan, Identity who, SearchSpec spec,
            SearchLimits limits, int fingerprint) {
        this.operation = operation;
        this.reader = reader;
        this.plan = plan;
        this.who = who;
        this.spec = spec;
        this.limits = limits;
        this.fingerprint = fingerprint;
        this.batchSize = operation.settings().readTxnRenewEntries();
        this.stopAfter = Math.min(spec.paged() == null ? Integer.MAX_VALUE : spec.paged().size(), limits.sizeLimit());
        this.position = plan.startPosition();
        this.filter = operation.compile(who, spec);
    }

    SearchOutcome deliver(SearchSink sink, SortOrder.Preparation sort) {
        while (true) {
            List<Result> batch = collectBatch();
            reader.release();
            Result overflow = null;
            for (Result result : batch) {
                if (result instanceof Result.Found found && sent == stopAfter) {
                    overflow = found;
                    break;
                }
                if (!send(result, sink)) {
                    return outcome(ResultCodeEnum.CANCELED, "search stopped by the front end", null, sort);
                }
            }
            if (overflow != null) {
                return overflowOutcome((Result.Found) overflow, sort);
            }
            if (timeUp) {
                return outcome(ResultCodeEnum.TIME_LIMIT_EXCEEDED, "time limit exceeded", new byte[0], sort);
            }
            if (position >= plan.ids().length) {
                return outcome(ResultCodeEnum.SUCCESS, null, new byte[0], sort);
            }
            reader.resume();
            renewed = true;
        }
    }

    /** One thing to send: an entry (with its id and position) or a continuation reference. */
    sealed interface Result {
        record Found(DirectoryEntry entry, long id, int position) implements Result {}

        record Reference(List<String> urls) implements Result {}
    }

    private List<Result> collectBatch() {
        List<Result> batch = new ArrayList<>();
        int found = 0;
        int examined = 0;
        while (position < plan.ids().length && examined < batchSize && sent + found <= stopAfter) {
            if (limits.timeIsUp()) {
                timeUp = true;
                break;
            }
            Result result = examine(plan.ids()[position], position);
            position++;
            examined++;
            if (result != null) {
                batch.add(result);
                found += result instanceof Result.Found ? 1 : 0;
            }
        }
        return batch;
    }

    private Result examine(long id, int at) {
        DirectoryEntry entry = operation.readForFilter(reader, id, spec.filter());
        if (entry == null) {
            return null;
        }
        if (renewed && plan.scopeRecheck() && !ScopeCandidates.inScope(reader, id, plan.baseId(), plan.scope())) {
            return null;
        }
        if (!spec.manageDsaIT() && id != plan.baseId() && operation.kinds().isReferral(entry)) {
            return new Result.Reference(operation.kinds().referralUrls(entry));
        }
        if (!filter.matches(entry)) {
            return null;
        }
        if (entry.dn() == null) {
            entry.dn(reader.dnOf(id));
        }
        return new Result.Found(operation.shaper().shape(entry, reader, spec, who), id, at);
    }

    private boolean send(Result result, SearchSink sink) {
        return switch (result) {
            case Result.Found found -> {
                sent++;
                lastSentId = found.id();
                yield sink.entry(found.entry());
            }
            case Result.Reference reference -> sink.reference(reference.urls());
        };
    }

    private SearchOutcome overflowOutcome(Result.Found next, SortOrder.Preparation sort) {
        boolean pageFull = spec.paged() != null && spec.paged().size() <= limits.sizeLimit();
        if (!pageFull) {
            return outcome(ResultCodeEnum.SIZE_LIMIT_EXCEEDED, "size limit exceeded", new byte[0], sort);
        }
        long value = plan.cookieKind() == PagedCookie.Kind.AFTER_ID ? lastSentId : next.position();
        return outcome(ResultCodeEnum.SUCCESS, null, new PagedCookie(plan.cookieKind(), value, fingerprint).encode(), sort);
    }

    private SearchOutcome outcome(ResultCodeEnum code, String message, byte[] cookie, SortOrder.Preparation sort) {
        return new SearchOutcome(code, message, sent, spec.paged() == null ? null : cookie, 0,
                sort == null ? null : sort.failure(), sort == null ? null : sort.failedAttribute());
    }
}
