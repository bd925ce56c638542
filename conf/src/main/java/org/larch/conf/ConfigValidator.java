package org.larch.conf;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks that need the whole file: what must be present, what must agree (rootdn under the suffix,
 * TLS files for ldaps://), and what must exist on disk (readable TLS files, a usable data directory).
 * Each complaint names the line of the directive at fault, or the file when a directive is missing.
 */
final class ConfigValidator {
    private final ConfigBuilder config;
    private final String sourceName;

    ConfigValidator(ConfigBuilder config, String sourceName) {
        this.config = config;
        this.sourceName = sourceName;
    }

    void validate() {
        requirePresent("suffix", config.suffix);
        requirePresent("directory", config.directory);
        checkRootDn();
        checkTls();
        checkDirectory();
    }

    private void requirePresent(String keyword, Object value) {
        if (value == null) {
            throw new ConfigException(sourceName + ": no \"" + keyword + "\" directive");
        }
    }

    private void checkRootDn() {
        if (config.rootPassword != null && config.rootDn == null) {
            throw config.origin("rootpw").error("rootpw without rootdn: say which DN the password is for");
        }
        if (config.rootDn != null && !DistinguishedNames.isWithin(config.origin("rootdn"), config.rootDn, config.suffix)) {
            throw config.origin("rootdn").error("rootdn " + config.rootDn + " is not within the suffix " + config.suffix);
        }
    }

    private void checkTls() {
        if (config.tlsCertificateFile != null && config.tlsKeyFile == null) {
            throw config.origin("tlscertificatefile").error("TLSCertificateFile without TLSCertificateKeyFile");
        }
        if (config.tlsKeyFile != null && config.tlsCertificateFile == null) {
            throw config.origin("tlscertificatekeyfile").error("TLSCertificateKeyFile without TLSCertificateFile");
        }
        if (config.tlsCertificateFile != null) {
            requireReadable("tlscertificatefile", config.tlsCertificateFile);
            requireReadable("tlscertificatekeyfile", config.tlsKeyFile);
        }
        for (URI url : config.listen()) {
            if (url.getScheme().equals("ldaps") && config.tlsCertificateFile == null) {
                throw config.origin("listen").error("listen " + url
                        + " needs TLSCertificateFile and TLSCertificateKeyFile");
            }
        }
    }

    private void requireReadable(String keyword, Path file) {
        if (!Files.isRegularFile(file)) {
            throw config.origin(keyword).error("no such file: " + file);
        }
        if (!Files.isReadable(file)) {
            throw config.origin(keyword).error("cannot read " + file + " (permission denied)");
        }
    }

    private void checkDirectory() {
        Path directory = config.directory;
        String problem = DataDirectories.problem(directory);
        if (problem != null) {
            Directive origin = config.origin("directory");
            throw origin != null ? origin.error(problem) : new ConfigException(sourceName + ": " + problem);
        }
    }
}
