package cn.gov.supervision.notifications;

import cn.gov.supervision.kit.security.LinkSignatures;
import cn.gov.supervision.notifications.config.NotificationsConfig;
import cn.gov.supervision.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static cn.gov.supervision.testkit.HuzhouUnits.SGCC_HUZHOU;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Acknowledgement links expire. The mailed link is good for the configured lifetime; to see one that has run out
 * without waiting, the test signs the same link with an expiry in the past, with the test key the service uses.
 */
@QuarkusTest
class AcknowledgementLinkExpiryTest {

    @ConfigProperty(name = "notifications.ack-secret")
    String ackSecret;

    @Inject
    NotificationsConfig config;

    @BeforeAll
    static void actAsAdmin() {
        TestTokens.actAs(TestTokens.admin());
    }

    @Test
    void anExpiredLinkOpensAPageSayingSoAndAcknowledgesNothing() throws Exception {
        String id = AcknowledgementLinkTest.digestOf(SGCC_HUZHOU);
        String mailed = AcknowledgementLinkTest.linkInMail(SGCC_HUZHOU, id);
        Map<String, String> parts = AcknowledgementLinkTest.query(URI.create(mailed));
        long expires = Long.parseLong(parts.get("exp"));
        Duration lifetime = config.ackLinkLifetime();
        assertThat(Instant.ofEpochSecond(expires)).as("the mailed link expires after the configured lifetime")
                .isAfter(Instant.now().plus(lifetime).minus(Duration.ofHours(1)))
                .isBefore(Instant.now().plus(lifetime).plusSeconds(1));

        LinkSignatures signatures = LinkSignatures.withSecret(Optional.of(ackSecret), "NOTIFICATIONS_ACK_SECRET");
        long version = Long.parseLong(parts.get("v"));
        Instant past = Instant.now().minusSeconds(60);
        String expired = "/api/v1/notifications/" + id + "/ack?v=" + version + "&exp=" + past.getEpochSecond()
                + "&token=" + signatures.sign(new LinkSignatures.SignedLink("digest-acknowledgement",
                UUID.fromString(id), version, past));
        AcknowledgementLinkTest.refused(AcknowledgementLinkTest.open(expired), 410, "链接已过期");
        AcknowledgementLinkTest.refused(AcknowledgementLinkTest.press(expired), 410, "链接已过期");
        assertThat(AcknowledgementLinkTest.acknowledgedAt(id)).isNull();

        // the mailed link, still within its lifetime, opens the page
        AcknowledgementLinkTest.open(mailed).statusCode(200).contentType("text/html");
    }
}
