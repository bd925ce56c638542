package org.larch.protocol.control;

import org.apache.directory.api.ldap.model.message.ResultResponse;
import org.apache.directory.api.ldap.model.message.SearchResultDone;
import org.apache.directory.api.ldap.model.message.controls.OpaqueControl;
import org.apache.directory.api.ldap.model.message.controls.PagedResultsImpl;
import org.apache.directory.api.ldap.model.message.controls.SortResponseImpl;
import org.apache.directory.api.ldap.model.message.controls.SortResultCode;
import org.larch.backend.entry.DirectoryEntry;
import org.larch.backend.request.SearchOutcome;
import org.larch.backend.request.SearchSpec;
import org.larch.backend.request.UpdateOutcome;
import org.larch.protocol.SupportedFeatures;
import org.larch.protocol.handler.EntryConversion;

/** The response controls: paged cookie and sort result on SearchResultDone, pre/post-read entries on updates. */
public final class ResponseControls {
    private ResponseControls() {}

    public static void addSearchControls(SearchResultDone done, SearchSpec spec, SearchOutcome outcome) {
        if (spec.paged() != null) {
            PagedResultsImpl paged = new PagedResultsImpl();
            paged.setCookie(outcome.pagedCookie() == null ? new byte[0] : outcome.pagedCookie());
            paged.setSize(outcome.pagedSizeEstimate());
            done.addControl(paged);
        }
        if (spec.sortKeys() != null && outcome.sortResult() != null) {
            SortResponseImpl sort = new SortResponseImpl();
            sort.setSortResult(SortResultCode.get(outcome.sortResult().getResultCode()));
            sort.setAttributeName(outcome.sortAttribute());
            done.addControl(sort);
        }
    }

    public static void addReadControls(ResultResponse response, UpdateOutcome outcome) {
        addEntryControl(response, SupportedFeatures.PRE_READ, outcome.preRead());
        addEntryControl(response, SupportedFeatures.POST_READ, outcome.postRead());
    }

    private static void addEntryControl(ResultResponse response, String oid, DirectoryEntry entry) {
        if (entry == null) {
            return;
        }
        OpaqueControl control = new OpaqueControl(oid);
        control.setEncodedValue(ControlValues.searchResultEntry(EntryConversion.toWire(entry)));
        response.addControl(control);
    }
}
