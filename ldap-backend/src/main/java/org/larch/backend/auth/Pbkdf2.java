package org.larch.backend.auth;

import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * OpenLDAP pw-pbkdf2's schemes: {@code {PBKDF2-SHA256}<iterations>$<salt>$<derived key>}, salt and key
 * in "adapted base64" (standard base64 with {@code .} instead of {@code +} and no padding), PBKDF2 as
 * RFC 8018 defines it with HMAC over the scheme's digest, key length that of the stored key.
 *
 * <p>The JDK's {@code PBKDF2WithHmacSHA256} takes the password as {@code char[]} and encodes it
 * itself, so passwords that are not valid UTF-8 could not be checked byte for byte; the derivation
 * here works on the password's bytes, as slapd does.
 */
enum Pbkdf2 {
    SHA1("HmacSHA1"),
    SHA256("HmacSHA256"),
    SHA512("HmacSHA512");

    /** Refuse absurd iteration counts in stored values: they would stall a bind. */
    private static final int MAX_ITERATIONS = 10_000_000;

    private final String macAlgorithm;

    Pbkdf2(String macAlgorithm) {
        this.macAlgorithm = macAlgorithm;
    }

    boolean verify(String encoded, byte[] password) {
        String[] parts = encoded.trim().split("\\$", -1);
        if (parts.length != 3) {
            return false;
        }
        try {
            int iterations = Integer.parseInt(parts[0]);
            byte[] salt = decodeAdaptedBase64(parts[1]);
            byte[] storedKey = decodeAdaptedBase64(parts[2]);
            if (iterations < 1 || iterations > MAX_ITERATIONS || storedKey.length == 0) {
                return false;
            }
            return MessageDigest.isEqual(storedKey, derive(password, salt, iterations, storedKey.length));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** PBKDF2(password, salt, iterations, keyLength) per RFC 8018 section 5.2; the password is not empty. */
    byte[] derive(byte[] password, byte[] salt, int iterations, int keyLength) {
        Mac mac = newMac(password);
        byte[] key = new byte[keyLength];
        int blockLength = mac.getMacLength();
        for (int block = 1, offset = 0; offset < keyLength; block++, offset += blockLength) {
            byte[] t = blockOf(mac, salt, iterations, block);
            System.arraycopy(t, 0, key, offset, Math.min(blockLength, keyLength - offset));
        }
        return key;
    }

    /** T_i = U_1 xor U_2 xor ... xor U_c, U_1 = PRF(P, S || INT(i)), U_j = PRF(P, U_{j-1}). */
    private static byte[] blockOf(Mac mac, byte[] salt, int iterations, int blockIndex) {
        mac.update(salt);
        mac.update(new byte[] {
            (byte) (blockIndex >>> 24), (byte) (blockIndex >>> 16), (byte) (blockIndex >>> 8), (byte) blockIndex});
        byte[] u = mac.doFinal();
        byte[] t = u.clone();
        for (int i = 1; i < iterations; i++) {
            u = mac.doFinal(u);
            for (int j = 0; j < t.length; j++) {
                t[j] ^= u[j];
            }
        }
        return t;
    }

    private Mac newMac(byte[] password) {
        try {
            Mac mac = Mac.getInstance(macAlgorithm);
            mac.init(new SecretKeySpec(password, macAlgorithm));
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("cannot initialise " + macAlgorithm + ": " + e.getMessage(), e);
        }
    }

    /** Adapted base64: {@code .} for {@code +}, padding omitted. */
    static byte[] decodeAdaptedBase64(String text) {
        return Base64.getDecoder().decode(padded(text.replace('.', '+')));
    }

    private static String padded(String text) {
        return text + "=".repeat((4 - text.length() % 4) % 4);
    }
}
