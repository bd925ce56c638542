package org.larch.benchmarks.ldif;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Random;

/**
 * {@code {SSHA}} values as {@code slappasswd} writes them: base64 of SHA-1(password + salt) followed
 * by the 4-byte salt. The salt comes from the generator's seeded random, so the output stays
 * deterministic, and the hash is real, so a bind benchmark can log in with the password.
 */
final class SshaPassword {
    private static final int SALT_BYTES = 4;

    private final MessageDigest sha1;
    private final byte[] salt = new byte[SALT_BYTES];

    SshaPassword() {
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-1", e);
        }
    }

    /** The {@code {SSHA}} value of {@code password} with a salt drawn from {@code random}. */
    String hash(String password, Random random) {
        random.nextBytes(salt);
        sha1.update(password.getBytes(StandardCharsets.UTF_8));
        sha1.update(salt);
        byte[] digest = sha1.digest();
        byte[] hashAndSalt = new byte[digest.length + SALT_BYTES];
        System.arraycopy(digest, 0, hashAndSalt, 0, digest.length);
        System.arraycopy(salt, 0, hashAndSalt, digest.length, SALT_BYTES);
        return "{SSHA}" + Base64.getEncoder().encodeToString(hashAndSalt);
    }
}
