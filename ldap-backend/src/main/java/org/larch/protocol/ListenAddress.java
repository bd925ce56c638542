package org.larch.protocol;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Locale;

/** One {@code listen} URL: {@code ldap://host:port} (plain) or {@code ldaps://host:port} (TLS from the first byte). */
record ListenAddress(URI url, InetSocketAddress socketAddress, boolean ldaps) {
    private static final int LDAP_PORT = 389;
    private static final int LDAPS_PORT = 636;

    static ListenAddress parse(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        boolean ldaps = switch (scheme) {
            case "ldap" -> false;
            case "ldaps" -> true;
            default -> throw new IllegalArgumentException(
                    "listen URL " + url + ": scheme must be ldap:// or ldaps://");
        };
        String host = url.getHost() == null || url.getHost().isEmpty() ? "0.0.0.0" : url.getHost();
        int port = url.getPort() >= 0 ? url.getPort() : (ldaps ? LDAPS_PORT : LDAP_PORT);
        return new ListenAddress(url, new InetSocketAddress(host, port), ldaps);
    }
}
