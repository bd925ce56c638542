package org.larch.backend.request;

import org.apache.directory.api.ldap.model.message.ResultCodeEnum;

/**
 * How a search ended when it ended normally (failures are {@code LdapOperationException}s; size and
 * time limits are outcomes, because the entries already sent stand).
 *
 * @param resultCode SUCCESS, SIZE_LIMIT_EXCEEDED, TIME_LIMIT_EXCEEDED, or ADMIN_LIMIT_EXCEEDED
 * @param pagedCookie the cookie for the next page, empty when the last page was sent; null when no paged control
 * @param pagedSizeEstimate estimate of the total result size for the paged control (0 = unknown)
 * @param sortResult the server-side sort response code, or null when no sort was requested
 * @param sortAttribute the attribute that caused a sort failure, or null
 */
public record SearchOutcome(
        ResultCodeEnum resultCode,
        String diagnosticMessage,
        int entriesSent,
        byte[] pagedCookie,
        int pagedSizeEstimate,
        ResultCodeEnum sortResult,
        String sortAttribute) {}
