package cn.gov.supervision.kit.security;

import org.jboss.logging.Logger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * For links that must work without a login — the acknowledgement link in a reminder mail, the calendar subscription a
 * phone polls — the link carries an HMAC-SHA256 of what it points at, so that nobody reaches another record by
 * changing an id. The key comes from configuration; without one a random key is used, which only holds on one replica
 * until it restarts, and a warning says so.
 */
public final class LinkSignatures {

    private static final Logger LOG = Logger.getLogger(LinkSignatures.class);

    private final byte[] key;

    private LinkSignatures(byte[] key) {
        this.key = key;
    }

    /** Signatures with {@code secret}, or with a random key (and a warning naming {@code variable}) when it is unset. */
    public static LinkSignatures withSecret(Optional<String> secret, String variable) {
        return new LinkSignatures(secret.filter(s -> !s.isBlank()).map(s -> s.getBytes(StandardCharsets.UTF_8))
                .orElseGet(() -> {
                    LOG.warnf("%s is not set: signed links stop working at restart and differ between replicas", variable);
                    byte[] random = new byte[32];
                    new SecureRandom().nextBytes(random);
                    return random;
                }));
    }

    public String sign(String value) {
        return hmacSha256Hex(key, value.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether {@code signature} is this key's signature of {@code value}, compared in constant time. */
    public boolean verifies(String value, String signature) {
        return signature != null && MessageDigest.isEqual(sign(value).getBytes(StandardCharsets.UTF_8),
                signature.getBytes(StandardCharsets.UTF_8));
    }

    /** Hex HMAC-SHA256 of {@code data} under {@code key}. */
    public static String hmacSha256Hex(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every JVM has HmacSHA256", e);
        }
    }
}
