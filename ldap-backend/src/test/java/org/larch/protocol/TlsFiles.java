package org.larch.protocol;

import java.nio.file.Path;

/** Test fixture access for sub-packages: a generated certificate and key in PEM files. */
public final class TlsFiles {
    private TlsFiles() {}

    public record Files(Path certificateFile, Path keyFile) {}

    public static Files create(Path directory) throws Exception {
        TestCertificate certificate = TestCertificate.create(directory);
        return new Files(certificate.certificateFile(), certificate.keyFile());
    }
}
