package org.larch.backend.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * Known vectors. slappasswd is not installed here; the salted digests were computed with Python's
 * hashlib and pinned:
 * <pre>
 * def ss(name, alg, pw, salt):
 *     return "{%s}" % name + base64.b64encode(hashlib.new(alg, pw + salt).digest() + salt).decode()
 * ss("SSHA", "sha1", b"secret", bytes.fromhex("0102030405060708"))
 * ss("SSHA256", "sha256", b"secret", bytes.fromhex("a1b2c3d4e5f60718"))
 * ss("SSHA512", "sha512", b"secret", bytes.fromhex("0011223344556677"))
 * ss("SSHA", "sha1", "pässwörd".encode(), bytes.fromhex("deadbeefcafebabe"))
 * </pre>
 * {SHA} of "secret" also from {@code echo -n secret | openssl dgst -sha1 -binary | base64}. The PBKDF2
 * values are slappasswd (pw-pbkdf2) outputs published in other projects' test suites, re-checked here
 * with {@code hashlib.pbkdf2_hmac}.
 */
class PasswordHashesTest {
    private static final byte[] SECRET = bytes("secret");

    @Test
    void plainTextComparesBytes() {
        assertTrue(PasswordHashes.verify(bytes("secret"), SECRET));
        assertFalse(PasswordHashes.verify(bytes("secret"), bytes("Secret")));
        assertFalse(PasswordHashes.verify(bytes("secret"), bytes("secret ")));
        assertTrue(PasswordHashes.verify(bytes("{CLEARTEXT}secret"), SECRET));
    }

    @Test
    void sha() {
        assertTrue(PasswordHashes.verify(bytes("{SHA}5en6G6MezRroT3XKqkdPOmY/BfQ="), SECRET));
        assertFalse(PasswordHashes.verify(bytes("{SHA}5en6G6MezRroT3XKqkdPOmY/BfQ="), bytes("secreT")));
    }

    @Test
    void ssha() {
        byte[] stored = bytes("{SSHA}lHFzXul4wnzRItssVcTnvXWRjNgBAgMEBQYHCA==");
        assertTrue(PasswordHashes.verify(stored, SECRET));
        assertFalse(PasswordHashes.verify(stored, bytes("wrong")));
    }

    @Test
    void schemeNamesAreCaseInsensitive() {
        assertTrue(PasswordHashes.verify(bytes("{ssha}lHFzXul4wnzRItssVcTnvXWRjNgBAgMEBQYHCA=="), SECRET));
    }

    @Test
    void sshaOfANonAsciiPasswordUsesItsUtf8Bytes() {
        byte[] stored = bytes("{SSHA}CWIOQoko9DoBjlKB0EERbCIiWtberb7vyv66vg==");
        assertTrue(PasswordHashes.verify(stored, bytes("pässwörd")));
        assertFalse(PasswordHashes.verify(stored, "pässwörd".getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void ssha256() {
        byte[] stored = bytes("{SSHA256}p+aHVuiFSdLX1qJn8TeQUVO4cat3G3j/BxJeuqkfJ2ChssPU5fYHGA==");
        assertTrue(PasswordHashes.verify(stored, SECRET));
        assertFalse(PasswordHashes.verify(stored, bytes("secret2")));
    }

    @Test
    void ssha512() {
        byte[] stored = bytes("{SSHA512}hd9WBhaWAsVHEKIhDNOokSCYpCJsU8RUisapXp8vJ11wzh/SUwcHmIu/8uCL19TICVq8o"
                + "LgvygIr9Xlpfv91aAARIjNEVWZ3");
        assertTrue(PasswordHashes.verify(stored, SECRET));
        assertFalse(PasswordHashes.verify(stored, bytes("secreT")));
    }

    @Test
    void pbkdf2Sha256() {
        byte[] stored = bytes("{PBKDF2-SHA256}10000$henZGfPWw79Cs8ORDeVNrQ$1dTJy73v6n3bnTmTZFghxHXHLsAzKaAy8SksDfZBPIw");
        assertTrue(PasswordHashes.verify(stored, bytes("password")));
        assertFalse(PasswordHashes.verify(stored, bytes("Password")));
    }

    @Test
    void pbkdf2Sha256WithAnAdaptedBase64Dot() {
        byte[] stored = bytes("{PBKDF2-SHA256}10000$xxOL0cKNcEfejM9hoWFBCA$gTSqXH8dHrh9AkV2To5S56NIPRh2G8XBQlb1MhcyeHM");
        assertTrue(PasswordHashes.verify(stored, bytes("apple123")));
        assertFalse(PasswordHashes.verify(stored, bytes("apple124")));
    }

    @Test
    void pbkdf2Sha512AndSha1() {
        assertTrue(PasswordHashes.verify(bytes("{PBKDF2-SHA512}10000$1hggvWEtcJ0AGI5lT57d9A$q1epGDAulI/5Dz426cvJW7GXG"
                + "mEksiSQmZ3AnQ5fB3FyXkglyOoi1F5kcPeMVQK9RabR6T1T7ANjaEZCxMdpmA"), bytes("apple123")));
        assertTrue(PasswordHashes.verify(bytes("{PBKDF2}10000$uPfpfTXP3NX9tQ0a/p5VaQ$Ag4JdbL6t05DuprdvlkEQsrWo4k"),
                bytes("apple123")));
    }

    @Test
    void pbkdf2MatchesRfc6070() {
        // RFC 6070 test vector 2: P="password", S="salt", c=2, dkLen=20, PBKDF2-HMAC-SHA1.
        byte[] key = Pbkdf2.SHA1.derive(bytes("password"), bytes("salt"), 2, 20);
        assertArrayEquals(hex("ea6c014dc72d6f8ccd1ed92ace1d41f0d8de8957"), key);
    }

    @Test
    void malformedOrUnknownValuesNeverVerify() {
        assertFalse(PasswordHashes.verify(bytes("{SSHA}not base64!"), SECRET));
        assertFalse(PasswordHashes.verify(bytes("{SSHA}AAAA"), SECRET));
        assertFalse(PasswordHashes.verify(bytes("{PBKDF2-SHA256}10000$onlytwo"), SECRET));
        assertFalse(PasswordHashes.verify(bytes("{PBKDF2-SHA256}x$AAAA$AAAA"), SECRET));
        assertFalse(PasswordHashes.verify(bytes("{PBKDF2-SHA256}0$AAAA$AAAA"), SECRET));
        assertFalse(PasswordHashes.verify(bytes("{CRYPT}aaXHOHxfzC0Qk"), SECRET));
        assertFalse(PasswordHashes.verify(bytes("{UNKNOWN}secret"), SECRET));
    }

    @Test
    void anEmptyPasswordNeverVerifies() {
        assertFalse(PasswordHashes.verify(bytes(""), bytes("")));
        assertFalse(PasswordHashes.verify(bytes("{CLEARTEXT}"), bytes("")));
    }

    @Test
    void hashWritesSshaWithAFreshEightByteSalt() {
        byte[] first = PasswordHashes.hash(SECRET);
        byte[] second = PasswordHashes.hash(SECRET);
        String text = new String(first, StandardCharsets.US_ASCII);
        assertTrue(text.startsWith("{SSHA}"), text);
        assertEquals(20 + 8, Base64.getDecoder().decode(text.substring(6)).length);
        assertNotEquals(text, new String(second, StandardCharsets.US_ASCII));
        assertTrue(PasswordHashes.verify(first, SECRET));
        assertTrue(PasswordHashes.verify(second, SECRET));
        assertFalse(PasswordHashes.verify(first, bytes("secrets")));
        assertTrue(PasswordHashes.isHashed(first));
        assertFalse(PasswordHashes.isHashed(SECRET));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] hex(String text) {
        return java.util.HexFormat.of().parseHex(text);
    }
}
