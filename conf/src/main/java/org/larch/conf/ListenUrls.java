package org.larch.conf;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The URLs of a {@code listen} directive, as slapd's {@code -h} option takes them: {@code ldap://} and
 * {@code ldaps://}, host and port optional ({@code ldap:///} is every interface on port 389,
 * {@code ldaps:///} on 636). Each comes back normalized as {@code scheme://host:port}. Port 0 picks a
 * free port (for tests).
 */
final class ListenUrls {
    static final int LDAP_PORT = 389;
    static final int LDAPS_PORT = 636;
    private static final String ALL_INTERFACES = "0.0.0.0";

    private ListenUrls() {}

    static URI parse(Directive directive, String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw directive.error("listen: \"" + text + "\" is not a URL: " + e.getReason());
        }
        String scheme = scheme(directive, uri, text);
        String path = uri.getRawPath();
        if ((path != null && !path.isEmpty() && !path.equals("/")) || uri.getRawQuery() != null
                || uri.getRawUserInfo() != null) {
            throw directive.error("listen: \"" + text + "\" may hold only scheme, host and port");
        }
        if (uri.getHost() == null && uri.getRawAuthority() != null) {
            throw directive.error("listen: \"" + text + "\" has no valid host");
        }
        String host = uri.getHost() == null ? ALL_INTERFACES : uri.getHost();
        int port = uri.getPort() >= 0 ? uri.getPort() : defaultPort(scheme);
        return URI.create(scheme + "://" + host + ":" + port);
    }

    private static String scheme(Directive directive, URI uri, String text) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("ldap") && !scheme.equals("ldaps")) {
            throw directive.error("listen: \"" + text + "\" must start with ldap:// or ldaps://");
        }
        return scheme;
    }

    private static int defaultPort(String scheme) {
        return scheme.equals("ldaps") ? LDAPS_PORT : LDAP_PORT;
    }
}
