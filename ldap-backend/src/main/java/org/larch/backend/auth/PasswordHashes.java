package org.larch.backend.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Locale;

/**
 * userPassword and rootpw values as slapd stores them, RFC 2307's {@code {SCHEME}encoded}: verifies a
 * bind password against a stored value and hashes new passwords.
 *
 * <p>Verified schemes: plain text (no scheme, or {@code {CLEARTEXT}}), {@code {SHA}}, {@code {SSHA}},
 * {@code {SHA256}}, {@code {SSHA256}}, {@code {SHA512}}, {@code {SSHA512}} ({@link SaltedDigest}) and
 * OpenLDAP pw-pbkdf2's {@code {PBKDF2}}, {@code {PBKDF2-SHA1}}, {@code {PBKDF2-SHA256}},
 * {@code {PBKDF2-SHA512}} ({@link Pbkdf2}). Scheme names are case-insensitive, as in slapd. An unknown
 * scheme, a malformed stored value or an empty password (an unauthenticated bind, RFC 4513 section
 * 5.1.2) never verifies. Comparisons take constant time.
 */
public final class PasswordHashes {
    private static final int SALT_BYTES = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordHashes() {}

    /** Whether {@code password} matches the stored value {@code stored}. */
    public static boolean verify(byte[] stored, byte[] password) {
        if (password.length == 0 || stored.length == 0) {
            return false;
        }
        String text = new String(stored, StandardCharsets.UTF_8);
        String scheme = scheme(text);
        if (scheme == null) {
            return MessageDigest.isEqual(stored, password);
        }
        String encoded = text.substring(scheme.length() + 2);
        return switch (scheme.toUpperCase(Locale.ROOT)) {
            case "CLEARTEXT" -> MessageDigest.isEqual(encoded.getBytes(StandardCharsets.UTF_8), password);
            case "SHA", "SSHA" -> SaltedDigest.SHA1.verify(encoded, password);
            case "SHA256", "SSHA256" -> SaltedDigest.SHA256.verify(encoded, password);
            case "SHA512", "SSHA512" -> SaltedDigest.SHA512.verify(encoded, password);
            case "PBKDF2", "PBKDF2-SHA1" -> Pbkdf2.SHA1.verify(encoded, password);
            case "PBKDF2-SHA256" -> Pbkdf2.SHA256.verify(encoded, password);
            case "PBKDF2-SHA512" -> Pbkdf2.SHA512.verify(encoded, password);
            default -> false;
        };
    }

    /** {@code {SSHA}} of {@code password} with a random 8-byte salt, as slappasswd's default. */
    public static byte[] hash(byte[] password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return ("{SSHA}" + SaltedDigest.SHA1.encode(password, salt)).getBytes(StandardCharsets.UTF_8);
    }

    /** Whether the stored value names a scheme this class verifies (so it is not plain text). */
    public static boolean isHashed(byte[] stored) {
        String scheme = scheme(new String(stored, StandardCharsets.UTF_8));
        return scheme != null && !scheme.equalsIgnoreCase("CLEARTEXT");
    }

    /** The scheme name between leading braces, or null when the value has none. */
    private static String scheme(String stored) {
        if (!stored.startsWith("{")) {
            return null;
        }
        int close = stored.indexOf('}');
        return close > 1 ? stored.substring(1, close) : null;
    }
}
