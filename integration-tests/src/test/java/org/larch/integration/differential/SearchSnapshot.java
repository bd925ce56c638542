package org.larch.integration.differential;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPSearchException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One server's answer to one search, in a form two servers' answers compare in: the result code, the
 * matched DN, and per entry (by normalized DN) each attribute description (lowercased) with its set of
 * values. Sets, because the order of entries in a result and of values in an attribute is the
 * server's choice.
 */
record SearchSnapshot(ResultCode resultCode, String matchedDn, String diagnosticMessage,
        Map<String, Map<String, Set<String>>> entries) {

    static SearchSnapshot of(LDAPConnection connection, SearchRequest request) throws LDAPException {
        SearchResult result;
        try {
            result = connection.search(request);
        } catch (LDAPSearchException e) {
            result = e.getSearchResult();
        }
        Map<String, Map<String, Set<String>>> entries = new TreeMap<>();
        List<SearchResultEntry> received = result.getSearchEntries() == null ? List.of() : result.getSearchEntries();
        for (SearchResultEntry entry : received) {
            entries.put(entry.getParsedDN().toNormalizedString(), attributes(entry));
        }
        String matched = result.getMatchedDN() == null || result.getMatchedDN().isEmpty()
                ? "" : new DN(result.getMatchedDN()).toNormalizedString();
        return new SearchSnapshot(result.getResultCode(), matched, result.getDiagnosticMessage(), entries);
    }

    private static Map<String, Set<String>> attributes(SearchResultEntry entry) {
        Map<String, Set<String>> attributes = new TreeMap<>();
        for (Attribute attribute : entry.getAttributes()) {
            Set<String> values = new TreeSet<>();
            for (String value : attribute.getValues()) {
                values.add(value);
            }
            attributes.merge(attribute.getName().toLowerCase(Locale.ROOT), values, (a, b) -> {
                a.addAll(b);
                return a;
            });
        }
        return attributes;
    }

    /** What differs, in words, or null when both answers are the same. */
    String differenceFrom(SearchSnapshot reference) {
        if (resultCode != reference.resultCode) {
            return "result code " + resultCode + " (" + shortened(diagnosticMessage) + "), reference " + reference.resultCode;
        }
        if (!matchedDn.equals(reference.matchedDn)) {
            return "matchedDN '" + matchedDn + "', reference '" + reference.matchedDn + "'";
        }
        Set<String> missing = new TreeSet<>(reference.entries.keySet());
        missing.removeAll(entries.keySet());
        Set<String> extra = new TreeSet<>(entries.keySet());
        extra.removeAll(reference.entries.keySet());
        if (!missing.isEmpty() || !extra.isEmpty()) {
            return entries.size() + " entries, reference " + reference.entries.size() + "; missing " + first(missing)
                    + ", extra " + first(extra);
        }
        for (Map.Entry<String, Map<String, Set<String>>> entry : reference.entries.entrySet()) {
            Map<String, Set<String>> ours = entries.get(entry.getKey());
            if (!ours.equals(entry.getValue())) {
                return "entry " + entry.getKey() + ": " + ours + ", reference " + entry.getValue();
            }
        }
        return null;
    }

    private static String shortened(String message) {
        return message == null || message.length() <= 160 ? message : message.substring(0, 160) + "...";
    }

    private static String first(Set<String> dns) {
        return dns.size() <= 3 ? dns.toString() : dns.stream().limit(3).toList() + " and " + (dns.size() - 3) + " more";
    }
}
