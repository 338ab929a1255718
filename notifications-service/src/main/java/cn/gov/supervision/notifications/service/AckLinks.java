package cn.gov.supervision.notifications.service;

import cn.gov.supervision.notifications.config.NotificationsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * The acknowledgement link in every e-mail: a digest id with an HMAC, so that clicking it acknowledges exactly that
 * digest and nobody can acknowledge another by guessing ids.
 */
@ApplicationScoped
public class AckLinks {

    private static final Logger LOG = Logger.getLogger(AckLinks.class);

    private final NotificationsConfig config;
    private final byte[] key;

    public AckLinks(NotificationsConfig config) {
        this.config = config;
        this.key = config.ackSecret().map(s -> s.getBytes(StandardCharsets.UTF_8)).orElseGet(() -> {
            LOG.warn("notifications.ack-secret is not set: acknowledgement links stop working at restart and differ "
                    + "between replicas; set NOTIFICATIONS_ACK_SECRET");
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            return random;
        });
    }

    public String link(UUID digestId) {
        return config.publicBaseUrl() + "/api/v1/notifications/" + digestId + "/ack?token=" + token(digestId);
    }

    public boolean valid(UUID digestId, String token) {
        return token != null && MessageDigest.isEqual(token(digestId).getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8));
    }

    String token(UUID digestId) {
        return HmacSha256.hex(key, digestId.toString().getBytes(StandardCharsets.UTF_8));
    }
}
