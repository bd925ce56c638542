package org.larch.conf;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The message for a keyword no handler knows: slapd directives Larch lacks, likely typos, others. */
final class UnknownDirectives {
    static final List<String> KNOWN = List.of("include", "suffix", "rootdn", "rootpw", "directory",
            "maxsize", "index", "sizelimit", "timelimit", "listen", "TLSCertificateFile",
            "TLSCertificateKeyFile", "loglevel", "rtxnsize", "serverID", "database", "maxpdusize",
            "maxconnections", "idletimeout");
    private static final Set<String> SLAPD_NOT_YET = Set.of("access", "pidfile", "argsfile", "modulepath",
            "moduleload", "syncrepl", "overlay", "mirrormode", "multiprovider", "backend", "limits",
            "tlscacertificatefile", "tlscacertificatepath", "tlsciphersuite", "tlsverifyclient",
            "security", "require", "allow", "disallow", "password-hash", "threads", "checkpoint");
    private static final Set<String> SCHEMA = Set.of("attributetype", "objectclass", "objectidentifier",
            "ldapsyntax", "ditcontentrule");

    private UnknownDirectives() {}

    static String describe(String keyword) {
        String lower = keyword.toLowerCase(Locale.ROOT);
        if (SCHEMA.contains(lower)) {
            return keyword + ": schema definitions go in a .schema file of their own, loaded with include";
        }
        if (SLAPD_NOT_YET.contains(lower)) {
            return "directive \"" + keyword + "\" (slapd) is not supported by Larch yet";
        }
        String nearest = nearest(lower);
        return "unknown directive \"" + keyword + "\"" + (nearest == null ? "" : " (did you mean \"" + nearest + "\"?)");
    }

    static boolean isSchemaKeyword(String keyword) {
        return SCHEMA.contains(keyword.toLowerCase(Locale.ROOT));
    }

    private static String nearest(String lower) {
        for (String known : KNOWN) {
            if (distance(lower, known.toLowerCase(Locale.ROOT)) <= 2) {
                return known;
            }
        }
        return null;
    }

    /** Levenshtein distance. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
