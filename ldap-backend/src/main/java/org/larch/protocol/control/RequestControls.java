package org.larch.protocol.control;

import static org.larch.protocol.SupportedFeatures.ASSERTION;
import static org.larch.protocol.SupportedFeatures.MANAGE_DSA_IT;
import static org.larch.protocol.SupportedFeatures.PAGED_RESULTS;
import static org.larch.protocol.SupportedFeatures.POST_READ;
import static org.larch.protocol.SupportedFeatures.PRE_READ;
import static org.larch.protocol.SupportedFeatures.SORT_REQUEST;
import static org.larch.protocol.SupportedFeatures.SUBTREE_DELETE;
import static org.larch.protocol.SupportedFeatures.VALUES_RETURN_FILTER;

import java.util.List;
import java.util.Set;
import org.apache.directory.api.ldap.model.filter.ExprNode;
import org.apache.directory.api.ldap.model.message.Control;
import org.apache.directory.api.ldap.model.message.Request;
import org.apache.directory.api.ldap.model.message.ResultCodeEnum;
import org.apache.directory.api.ldap.model.message.controls.OpaqueControl;
import org.apache.directory.api.ldap.model.message.controls.PagedResults;
import org.apache.directory.api.ldap.model.message.controls.SortRequest;
import org.larch.backend.LdapOperationException;
import org.larch.backend.request.SearchSpec;
import org.larch.backend.request.UpdateControls;

/**
 * The controls of one request, checked and turned into what the backend acts on. A critical control
 * the operation does not support is unavailableCriticalExtension (RFC 4511 4.1.11); a non-critical
 * one is ignored.
 */
public final class RequestControls {
    public static final Set<String> SEARCH = Set.of(PAGED_RESULTS, SORT_REQUEST, MANAGE_DSA_IT, VALUES_RETURN_FILTER, ASSERTION);
    public static final Set<String> UPDATE = Set.of(ASSERTION, PRE_READ, POST_READ, MANAGE_DSA_IT);
    public static final Set<String> DELETE = Set.of(ASSERTION, PRE_READ, MANAGE_DSA_IT, SUBTREE_DELETE);
    public static final Set<String> ADD = Set.of(ASSERTION, POST_READ, MANAGE_DSA_IT);
    public static final Set<String> COMPARE = Set.of(ASSERTION, MANAGE_DSA_IT);
    public static final Set<String> NONE = Set.of();

    private final Request request;

    private RequestControls(Request request) {
        this.request = request;
    }

    /** Checks criticality against the controls {@code supported} for this operation. */
    public static RequestControls of(Request request, Set<String> supported, String operationName) {
        for (Control control : request.getControls().values()) {
            if (control.isCritical() && !supported.contains(control.getOid())) {
                throw new LdapOperationException(ResultCodeEnum.UNAVAILABLE_CRITICAL_EXTENSION,
                        "critical control " + control.getOid() + " is not supported for " + operationName);
            }
        }
        return new RequestControls(request);
    }

    public boolean has(String oid) {
        return request.getControls().containsKey(oid);
    }

    /** Present and marked critical. */
    public boolean isCritical(String oid) {
        Control control = request.getControls().get(oid);
        return control != null && control.isCritical();
    }

    public UpdateControls update() {
        return new UpdateControls(assertion(), attributes(PRE_READ, "pre-read"), attributes(POST_READ, "post-read"),
                has(MANAGE_DSA_IT), has(SUBTREE_DELETE));
    }

    public SearchSpec.PagedRequest paged() {
        if (!(request.getControls().get(PAGED_RESULTS) instanceof PagedResults paged)) {
            return null;
        }
        byte[] cookie = paged.getCookie() == null ? new byte[0] : paged.getCookie();
        return new SearchSpec.PagedRequest(paged.getSize(), cookie);
    }

    public List<SearchSpec.SortKey> sortKeys() {
        if (!(request.getControls().get(SORT_REQUEST) instanceof SortRequest sort)) {
            return null;
        }
        return sort.getSortKeys().stream()
                .map(key -> new SearchSpec.SortKey(key.getAttributeTypeDesc(), key.getMatchingRuleId(), key.isReverseOrder()))
                .toList();
    }

    public List<ExprNode> valuesReturnFilter() {
        byte[] value = opaqueValue(VALUES_RETURN_FILTER, "values return filter");
        return value == null ? null : ControlValues.valuesReturnFilter("values return filter", value);
    }

    /** The RFC 4528 assertion filter, or null without the control. */
    public ExprNode assertion() {
        byte[] value = opaqueValue(ASSERTION, "assertion");
        return value == null ? null : ControlValues.filter("assertion", value);
    }

    private List<String> attributes(String oid, String controlName) {
        if (!has(oid)) {
            return null;
        }
        byte[] value = opaqueValue(oid, controlName);
        return value == null ? List.of() : ControlValues.attributeSelection(controlName, value);
    }

    /** The raw value of a control the API left undecoded; null if the control is absent. */
    private byte[] opaqueValue(String oid, String controlName) {
        Control control = request.getControls().get(oid);
        if (control == null) {
            return null;
        }
        if (!(control instanceof OpaqueControl opaque) || !opaque.hasEncodedValue()) {
            throw new LdapOperationException(ResultCodeEnum.PROTOCOL_ERROR, "the " + controlName + " control has no value");
        }
        return opaque.getEncodedValue();
    }
}
