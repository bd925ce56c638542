package org.larch.integration.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A slapd.conf-style configuration file for one test server, as an operator would write it: suffix,
 * rootdn and rootpw, data directory, listen URLs on free loopback ports, indexes, limits, TLS files.
 *
 * @param directory the server's working directory (the data lives in {@code directory/data})
 * @param ldapPort the {@code ldap://} port
 * @param ldapsPort the {@code ldaps://} port, or 0 for none
 * @param certificate PEM certificate and key for LDAPS and StartTLS, or null for none
 * @param sizeLimit the {@code sizelimit} directive, 0 to leave it out
 */
public record LarchConfigFile(Path directory, int ldapPort, int ldapsPort, TestCertificate certificate, int sizeLimit) {
    public static final String SUFFIX = "dc=example,dc=com";
    public static final String ROOT_DN = "cn=admin,dc=example,dc=com";
    public static final String ROOT_PASSWORD = "admin-secret";

    /** A plain-LDAP server on a free port with the default size limit of the tests (500). */
    public static LarchConfigFile plain(Path directory) {
        return new LarchConfigFile(directory, FreePorts.next(), 0, null, 500);
    }

    /** LDAP and LDAPS on free ports, TLS from a freshly generated self-signed certificate. */
    public static LarchConfigFile withTls(Path directory) {
        return new LarchConfigFile(directory, FreePorts.next(), FreePorts.next(), TestCertificate.generate(directory), 500);
    }

    public LarchConfigFile withSizeLimit(int limit) {
        return new LarchConfigFile(directory, ldapPort, ldapsPort, certificate, limit);
    }

    /** Writes {@code larch.conf} into the directory and returns its path. */
    public Path write() {
        Path file = directory.resolve("larch.conf");
        try {
            Files.createDirectories(directory.resolve("data"));
            Files.writeString(file, String.join("\n", lines()) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the test configuration " + file, e);
        }
        return file;
    }

    List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("# written by the Larch integration tests");
        lines.add("suffix \"" + SUFFIX + "\"");
        lines.add("rootdn \"" + ROOT_DN + "\"");
        lines.add("rootpw " + ROOT_PASSWORD);
        lines.add("directory " + directory.resolve("data"));
        lines.add("maxsize 1073741824");
        lines.add("index objectClass eq");
        lines.add("index uid,mail eq");
        lines.add("index cn,sn,givenName eq,sub");
        lines.add("index uidNumber eq");
        lines.add("index member eq");
        if (sizeLimit > 0) {
            lines.add("sizelimit " + sizeLimit);
        }
        lines.add("listen " + ldapUrl());
        if (ldapsPort > 0) {
            lines.add("listen ldaps://127.0.0.1:" + ldapsPort);
        }
        if (certificate != null) {
            lines.add("TLSCertificateFile " + certificate.certificateFile());
            lines.add("TLSCertificateKeyFile " + certificate.keyFile());
        }
        return lines;
    }

    public String ldapUrl() {
        return "ldap://127.0.0.1:" + ldapPort;
    }
}
