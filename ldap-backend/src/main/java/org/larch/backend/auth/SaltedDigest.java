package org.larch.backend.auth;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * RFC 2307's digest schemes as slapd writes them: {@code {SHA}} is base64(SHA-1(password)),
 * {@code {SSHA}} is base64(SHA-1(password + salt) + salt) with the salt appended after the digest;
 * the SHA-2 variants ({@code {SHA256}}, {@code {SSHA256}}, {@code {SHA512}}, {@code {SSHA512}},
 * OpenLDAP's pw-sha2 module) differ only in the digest. A value that decodes to exactly the digest's
 * length has no salt.
 */
enum SaltedDigest {
    SHA1("SHA-1"),
    SHA256("SHA-256"),
    SHA512("SHA-512");

    private final String algorithm;

    SaltedDigest(String algorithm) {
        this.algorithm = algorithm;
    }

    boolean verify(String encoded, byte[] password) {
        byte[] decoded;
        try {
            decoded = Base64.getMimeDecoder().decode(encoded.trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
        int digestLength = newDigest().getDigestLength();
        if (decoded.length < digestLength) {
            return false;
        }
        byte[] salt = Arrays.copyOfRange(decoded, digestLength, decoded.length);
        return MessageDigest.isEqual(Arrays.copyOf(decoded, digestLength), digest(password, salt));
    }

    /** base64(digest(password + salt) + salt). */
    String encode(byte[] password, byte[] salt) {
        byte[] digest = digest(password, salt);
        byte[] both = Arrays.copyOf(digest, digest.length + salt.length);
        System.arraycopy(salt, 0, both, digest.length, salt.length);
        return Base64.getEncoder().encodeToString(both);
    }

    private byte[] digest(byte[] password, byte[] salt) {
        MessageDigest digest = newDigest();
        digest.update(password);
        digest.update(salt);
        return digest.digest();
    }

    private MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks " + algorithm, e);
        }
    }
}
