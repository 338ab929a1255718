package cn.gov.supervision.kit.security;

import org.jboss.logging.Logger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * For links that must work without a login — the acknowledgement link in a reminder mail, the calendar subscription a
 * phone polls — the link carries an HMAC-SHA256 of what it stands for ({@link SignedLink}: what it is for, whose it
 * is, the unit's link version, and when it expires), so that nobody reaches another record by changing an id, keeps
 * using a link after an administrator revoked the unit's links, or stretches its expiry. The key comes from
 * configuration; without one a random key is used, which only holds on one replica until it restarts, and a warning
 * says so.
 */
public final class LinkSignatures {

    private static final Logger LOG = Logger.getLogger(LinkSignatures.class);

    /** No link is signed to expire later; Instant could not even hold some longer numbers. */
    private static final long LATEST_EXPIRY = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();

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

    public String sign(SignedLink link) {
        return sign(link.signedText());
    }

    /**
     * What a presented link is worth: its signature first (a link changed in any part is {@code TAMPERED}, whatever
     * else it says), then whether the unit's links were revoked since it was issued, then its expiry.
     */
    public LinkCheck check(SignedLink presented, String signature, long currentLinkVersion, Instant now) {
        if (!verifies(presented.signedText(), signature)) {
            return LinkCheck.TAMPERED;
        }
        if (presented.linkVersion() != currentLinkVersion) {
            return LinkCheck.REVOKED;
        }
        if (presented.expiresAt() != null && !now.isBefore(presented.expiresAt())) {
            return LinkCheck.EXPIRED;
        }
        return LinkCheck.VALID;
    }

    /**
     * {@link #check} for a link as it came back, its parts still text (query string or form). A version or expiry that
     * is not a number we could have signed is {@code TAMPERED}; so is a missing expiry where the link was signed with
     * one, since the signature covers whether there is one.
     */
    public LinkCheck check(String purpose, UUID subject, String linkVersion, String expiresAt, String signature,
                           long currentLinkVersion, Instant now) {
        Long version = number(linkVersion);
        Long expires = number(expiresAt);
        if (version == null || (expiresAt != null && (expires == null || expires < 0 || expires > LATEST_EXPIRY))) {
            return LinkCheck.TAMPERED;
        }
        return check(new SignedLink(purpose, subject, version, expires == null ? null : Instant.ofEpochSecond(expires)),
                signature, currentLinkVersion, now);
    }

    private static Long number(String text) {
        try {
            return text == null ? null : Long.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
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

    /**
     * What a link stands for. {@code purpose} keeps a signature for one kind of link from being accepted as another;
     * {@code linkVersion} is the unit's link version when the link was made (an administrator's revocation bumps it,
     * and every older link stops working); {@code expiresAt} is null for a link that does not expire.
     */
    public record SignedLink(String purpose, UUID subject, long linkVersion, Instant expiresAt) {

        /** Expiry in whole seconds, as the link writes it, so that what is signed is exactly what comes back. */
        public SignedLink {
            expiresAt = expiresAt == null ? null : Instant.ofEpochSecond(expiresAt.getEpochSecond());
        }

        String signedText() {
            return purpose + "|" + subject + "|v" + linkVersion + "|" + (expiresAt == null ? "-" : expiresAt.getEpochSecond());
        }
    }

    /** The outcome of {@link #check}: only {@code VALID} opens anything. */
    public enum LinkCheck {
        VALID, TAMPERED, REVOKED, EXPIRED
    }
}
