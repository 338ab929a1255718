package cn.gov.supervision.notifications.service;

import cn.gov.supervision.kit.security.LinkSignatures;
import cn.gov.supervision.notifications.config.NotificationsConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * The acknowledgement link in every e-mail: a digest id with an HMAC, so that clicking it acknowledges exactly that
 * digest and nobody can acknowledge another by guessing ids.
 */
@ApplicationScoped
public class AckLinks {

    private final NotificationsConfig config;
    private final LinkSignatures signatures;

    public AckLinks(NotificationsConfig config) {
        this.config = config;
        this.signatures = LinkSignatures.withSecret(config.ackSecret(), "NOTIFICATIONS_ACK_SECRET");
    }

    public String link(UUID digestId) {
        return config.publicBaseUrl() + "/api/v1/notifications/" + digestId + "/ack?token=" + token(digestId);
    }

    public boolean valid(UUID digestId, String token) {
        return signatures.verifies(digestId.toString(), token);
    }

    String token(UUID digestId) {
        return signatures.sign(digestId.toString());
    }
}
