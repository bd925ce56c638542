package org.larch.protocol.handler;

import java.util.List;
import org.apache.directory.api.ldap.model.message.SearchRequest;
import org.apache.directory.api.ldap.model.message.SearchResultDone;
import org.apache.directory.api.ldap.model.message.SearchResultEntryImpl;
import org.apache.directory.api.ldap.model.message.SearchResultReferenceImpl;
import org.apache.directory.api.ldap.model.message.ReferralImpl;
import org.apache.directory.api.ldap.model.name.Dn;
import org.larch.backend.Directory;
import org.larch.backend.entry.DirectoryEntry;
import org.larch.backend.request.SearchOutcome;
import org.larch.backend.request.SearchSink;
import org.larch.backend.request.SearchSpec;
import org.larch.protocol.SupportedFeatures;
import org.larch.protocol.codec.SearchRequestRewrite;
import org.larch.protocol.control.RequestControls;
import org.larch.protocol.control.ResponseControls;
import org.larch.protocol.session.AccessLog;
import org.larch.protocol.session.FilterText;
import org.larch.protocol.session.Operation;

/**
 * Search (RFC 4511 4.5): builds the backend's {@link SearchSpec} from the request and its controls,
 * streams each entry and reference to the client as the directory finds it, and ends with
 * SearchResultDone carrying the outcome and the paged / sort response controls. An abandoned search's
 * sink says stop, and no SearchResultDone is sent.
 */
final class SearchHandler implements RequestHandler<SearchRequest> {
    private static final int SUBORDINATES_SCOPE = 3;
    private final Directory directory;

    SearchHandler(Directory directory) {
        this.directory = directory;
    }

    @Override
    public void handle(Operation operation, SearchRequest request) {
        boolean subordinates = SearchRequestRewrite.isSubordinates(request);
        AccessLog.request(operation, "SRCH base=\"" + request.getBase() + "\" scope="
                + (subordinates ? SUBORDINATES_SCOPE : request.getScope().getScope())
                + " deref=" + request.getDerefAliases().getValue() + " filter=\"" + FilterText.of(request.getFilter()) + "\""
                + " attrs=\"" + String.join(" ", request.getAttributes()) + "\"");
        RequestControls controls = RequestControls.of(request, RequestControls.SEARCH, "search");
        SearchSpec spec = spec(request, controls, subordinates);
        SearchOutcome outcome = directory.search(operation.connection().identity(), spec, new WireSink(operation));
        SearchResultDone done = (SearchResultDone) request.getResultResponse();
        done.getLdapResult().setResultCode(outcome.resultCode());
        done.getLdapResult().setDiagnosticMessage(outcome.diagnosticMessage());
        ResponseControls.addSearchControls(done, spec, outcome);
        operation.respond(done);
    }

    /** Scope 3 reaches here as SUBTREE with {@code subordinates} set (the API's decoder knows only 0..2). */
    private SearchSpec spec(SearchRequest request, RequestControls controls, boolean subordinates) {
        Dn base = Names.schemaAware(directory.schema().schemaManager(), request.getBase());
        return new SearchSpec(base, request.getScope(), request.getDerefAliases(), (int) request.getSizeLimit(),
                request.getTimeLimit(), request.getTypesOnly(), request.getFilter(), List.copyOf(request.getAttributes()),
                controls.has(SupportedFeatures.MANAGE_DSA_IT), controls.paged(), controls.sortKeys(),
                controls.valuesReturnFilter(), controls.isCritical(SupportedFeatures.SORT_REQUEST), controls.assertion(),
                subordinates);
    }

    /** Writes what the search finds straight to the client; says stop once the operation is abandoned. */
    private record WireSink(Operation operation) implements SearchSink {

        @Override
        public boolean entry(DirectoryEntry entry) {
            if (operation.abandoned()) {
                return false;
            }
            SearchResultEntryImpl message = new SearchResultEntryImpl(operation.messageId());
            message.setObjectName(entry.dn());
            message.setEntry(EntryConversion.toWire(entry));
            operation.send(message);
            return !operation.abandoned();
        }

        @Override
        public boolean reference(List<String> urls) {
            if (operation.abandoned()) {
                return false;
            }
            SearchResultReferenceImpl message = new SearchResultReferenceImpl(operation.messageId());
            ReferralImpl referral = new ReferralImpl();
            urls.forEach(referral::addLdapUrl);
            message.setReferral(referral);
            operation.send(message);
            return !operation.abandoned();
        }
    }
}
