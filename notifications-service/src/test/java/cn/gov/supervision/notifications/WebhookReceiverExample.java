package cn.gov.supervision.notifications;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * How a receiver checks a webhook delivery: the example in this service's README, kept here so that the tests run it
 * against real deliveries. {@code X-Signature: t=<unix seconds>,sha256=<hex>} where the HMAC-SHA256 (key: the
 * webhook's secret) covers {@code <t>.<X-Delivery-Id>.<body>}: a captured delivery cannot be replayed later, nor its
 * body passed off under another delivery id.
 */
public final class WebhookReceiverExample {

    /** Older (or newer) signatures are refused: a replay, or a clock too far off. */
    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    private WebhookReceiverExample() {
    }

    public static boolean verify(String secret, String signatureHeader, String deliveryId, byte[] body, Instant now)
            throws GeneralSecurityException {
        String timestamp = null;
        String signature = null;
        for (String part : signatureHeader.split(",")) {
            String[] nameAndValue = part.strip().split("=", 2);
            if (nameAndValue.length == 2 && nameAndValue[0].equals("t")) {
                timestamp = nameAndValue[1];
            } else if (nameAndValue.length == 2 && nameAndValue[0].equals("sha256")) {
                signature = nameAndValue[1];
            }
        }
        if (timestamp == null || signature == null || !timestamp.matches("[0-9]{1,12}")
                || !signature.matches("[0-9a-f]{64}")) {
            return false;
        }
        Instant signedAt = Instant.ofEpochSecond(Long.parseLong(timestamp));
        if (Duration.between(signedAt, now).abs().compareTo(TOLERANCE) > 0) {
            return false;
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((timestamp + "." + deliveryId + ".").getBytes(StandardCharsets.UTF_8));
        byte[] expected = mac.doFinal(body);
        // constant time: comparing byte by byte until the first difference would tell an attacker how far it got
        return MessageDigest.isEqual(expected, HexFormat.of().parseHex(signature));
    }
}
