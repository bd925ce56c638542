package org.larch.integration.wire;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.larch.integration.differential.ReferenceServer;

/**
 * What a search over the generated entries must return, computed in the test from the entries
 * themselves: scope by DN, filter by UnboundID's evaluator (used only for filter types it evaluates
 * as RFC 4511 says) or by a predicate the test spells out.
 */
final class Expected {
    private Expected() {}

    static Set<String> dns(List<Entry> entries, String base, SearchScope scope, String filter) throws LDAPException {
        Filter parsed = Filter.create(filter);
        Set<String> dns = new TreeSet<>();
        for (Entry entry : entries) {
            if (inScope(entry.getParsedDN(), new DN(base), scope) && parsed.matchesEntry(entry, ReferenceServer.schema())) {
                dns.add(normalized(entry.getParsedDN()));
            }
        }
        return dns;
    }

    static Set<String> dns(List<Entry> entries, Predicate<Entry> matches) throws LDAPException {
        Set<String> dns = new TreeSet<>();
        for (Entry entry : entries) {
            if (matches.test(entry)) {
                dns.add(normalized(entry.getParsedDN()));
            }
        }
        return dns;
    }

    static Set<String> dns(SearchResult result) throws LDAPException {
        Set<String> dns = new TreeSet<>();
        for (SearchResultEntry entry : result.getSearchEntries()) {
            dns.add(normalized(entry.getParsedDN()));
        }
        return dns;
    }

    static String normalized(DN dn) {
        return dn.toNormalizedString();
    }

    static boolean inScope(DN dn, DN base, SearchScope scope) {
        return switch (scope.intValue()) {
            case 0 -> dn.equals(base);
            case 1 -> base.equals(dn.getParent());
            case 2 -> dn.isDescendantOf(base, true);
            case 3 -> dn.isDescendantOf(base, false);
            default -> throw new IllegalArgumentException("unknown scope " + scope);
        };
    }
}
