package org.larch.integration.tools;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs one of OpenLDAP's client tools ({@code ldapsearch}, {@code ldapadd}, ...) from Debian's
 * {@code ldap-utils}, isolated from the machine's {@code ldap.conf} and the user's {@code .ldaprc}, and
 * trusting the test server's certificate when one is given.
 */
final class OpenLdapTool {
    private static final long TIMEOUT_SECONDS = 120;

    private final Path home;
    private final Path caCertificate;

    /** @param home an empty directory used as HOME; @param caCertificate PEM to trust, or null */
    OpenLdapTool(Path home, Path caCertificate) {
        this.home = home;
        this.caCertificate = caCertificate;
    }

    /** Where {@code ldapsearch} is, or null when ldap-utils is not installed. */
    static Path installed() {
        for (String directory : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            Path candidate = Path.of(directory, "ldapsearch");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    record Result(List<String> command, int exitCode, String output, String errors) {
        @Override
        public String toString() {
            return String.join(" ", command) + " -> exit " + exitCode + "\n--- stdout\n" + output + "--- stderr\n" + errors;
        }
    }

    Result runWithInput(String stdin, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> environment = builder.environment();
        environment.put("HOME", home.toString());
        environment.put("LDAPCONF", home.resolve("no-ldap.conf").toString());
        environment.put("LDAPRC", "no-ldaprc");
        if (caCertificate != null) {
            environment.put("LDAPTLS_CACERT", caCertificate.toString());
            environment.put("LDAPTLS_REQCERT", "demand");
        }
        Process process = builder.start();
        CompletableFuture<String> output = read(process.getInputStream());
        CompletableFuture<String> errors = read(process.getErrorStream());
        try (var in = process.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not end within " + TIMEOUT_SECONDS + " s");
        }
        return new Result(List.of(command), process.exitValue(), output.join(), errors.join());
    }

    Result run(String... command) throws IOException, InterruptedException {
        return runWithInput(null, command);
    }

    private static CompletableFuture<String> read(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "(unreadable: " + e.getMessage() + ")";
            }
        });
    }

    static List<String> with(List<String> first, String... more) {
        List<String> all = new ArrayList<>(first);
        all.addAll(List.of(more));
        return all;
    }
}
