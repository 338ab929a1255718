package cn.gov.supervision.gateway.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * API key secrets: {@code sk_} and 256 random bits in base64url. They are stored as a plain SHA-256 hash: a slow,
 * salted hash (bcrypt, Argon2) protects guessable passwords against brute force, but nobody can enumerate 2^256
 * secrets, so a fast hash loses nothing here and lets the edge check a key in microseconds.
 */
public final class ApiKeySecrets {

    public static final String PREFIX = "sk_";
    /** "sk_" and 8 characters (48 of the 256 bits): enough to tell keys apart in a list, useless to a guesser. */
    private static final int DISPLAY_LENGTH = PREFIX.length() + 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeySecrets() {
    }

    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String displayPrefix(String secret) {
        return secret.substring(0, DISPLAY_LENGTH);
    }

    /** Lower-case hex SHA-256 of the secret as sent. */
    public static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
