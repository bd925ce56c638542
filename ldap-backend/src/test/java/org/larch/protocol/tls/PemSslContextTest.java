package org.larch.protocol.tls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.ECGenParameterSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.larch.protocol.codec.BerElement;

class PemSslContextTest {
    @TempDir
    Path directory;

    @Test
    void pkcs8RsaKey() throws Exception {
        PrivateKey key = KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate();
        Path file = write("rsa8.key", pem("PRIVATE KEY", key.getEncoded()));
        assertArrayEquals(key.getEncoded(), PemSslContext.readPrivateKey(file).getEncoded());
    }

    @Test
    void pkcs1RsaKeyIsWrappedAsPkcs8() throws Exception {
        PrivateKey key = KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate();
        Path file = write("rsa1.key", pem("RSA PRIVATE KEY", pkcs1Of(key.getEncoded())));
        PrivateKey read = PemSslContext.readPrivateKey(file);
        assertEquals("RSA", read.getAlgorithm());
        assertArrayEquals(key.getEncoded(), read.getEncoded());
    }

    @Test
    void pkcs8EcKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        PrivateKey key = generator.generateKeyPair().getPrivate();
        Path file = write("ec.key", pem("PRIVATE KEY", key.getEncoded()));
        assertEquals("EC", PemSslContext.readPrivateKey(file).getAlgorithm());
    }

    @Test
    void aFileWithoutKeyIsNamedInTheError() throws Exception {
        Path file = write("empty.key", "nothing here\n");
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                () -> PemSslContext.readPrivateKey(file));
        assertTrue(failure.getMessage().contains("empty.key"), failure.getMessage());
    }

    @Test
    void aMissingCertificateFileIsNamedInTheError() {
        Path missing = directory.resolve("missing.crt");
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                () -> PemSslContext.readCertificates(missing));
        assertTrue(failure.getMessage().contains("missing.crt"), failure.getMessage());
    }

    @Test
    void certificateAndKeyMakeAContext() throws Exception {
        var certificate = org.larch.protocol.TlsFiles.create(directory);
        assertNotNull(PemSslContext.load(certificate.certificateFile(), certificate.keyFile()));
    }

    /** The PKCS#1 RSAPrivateKey inside a PKCS#8 PrivateKeyInfo (its OCTET STRING). */
    private static byte[] pkcs1Of(byte[] pkcs8) {
        BerElement info = BerElement.read(pkcs8, 0);
        BerElement version = BerElement.read(pkcs8, info.contentOffset());
        BerElement algorithm = BerElement.read(pkcs8, version.end());
        BerElement privateKey = BerElement.read(pkcs8, algorithm.end());
        return java.util.Arrays.copyOfRange(pkcs8, privateKey.contentOffset(), privateKey.end());
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + java.util.Base64.getMimeEncoder().encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(directory.resolve(name), text);
    }
}
