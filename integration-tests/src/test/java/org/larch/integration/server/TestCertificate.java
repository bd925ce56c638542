package org.larch.integration.server;

import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.util.ssl.cert.ManageCertificates;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A self-signed certificate for {@code localhost}/127.0.0.1 and its private key as PEM files (what
 * {@code TLSCertificateFile} and {@code TLSCertificateKeyFile} name), generated with UnboundID's
 * {@code manage-certificates} in a PKCS#12 key store that is then exported.
 */
public record TestCertificate(Path certificateFile, Path keyFile, Path keyStore, String keyStorePassword) {
    private static final String ALIAS = "larch-test";

    public static TestCertificate generate(Path directory) {
        Path keyStore = directory.resolve("server.p12");
        String password = "keystore-secret";
        TestCertificate certificate = new TestCertificate(
                directory.resolve("server-cert.pem"), directory.resolve("server-key.pem"), keyStore, password);
        certificate.manage("generate-self-signed-certificate",
                "--keystore", keyStore.toString(), "--keystore-password", password, "--keystore-type", "PKCS12",
                "--alias", ALIAS, "--subject-dn", "CN=localhost,O=Larch tests", "--days-valid", "30",
                "--key-algorithm", "RSA", "--key-size-bits", "2048",
                "--subject-alternative-name-dns", "localhost", "--subject-alternative-name-ip-address", "127.0.0.1");
        certificate.manage("export-certificate",
                "--keystore", keyStore.toString(), "--keystore-password", password, "--alias", ALIAS,
                "--output-format", "PEM", "--output-file", certificate.certificateFile().toString());
        certificate.manage("export-private-key",
                "--keystore", keyStore.toString(), "--keystore-password", password, "--alias", ALIAS,
                "--output-format", "PEM", "--output-file", certificate.keyFile().toString());
        return certificate;
    }

    private void manage(String... arguments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ResultCode result = ManageCertificates.main(InputStream.nullInputStream(), out, out, arguments);
        if (result != ResultCode.SUCCESS) {
            throw new IllegalStateException("manage-certificates " + arguments[0] + " failed (" + result + "): "
                    + out.toString(StandardCharsets.UTF_8));
        }
    }
}
