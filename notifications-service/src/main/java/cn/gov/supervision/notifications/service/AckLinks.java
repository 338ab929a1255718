package cn.gov.supervision.notifications.service;

import cn.gov.supervision.kit.security.LinkSignatures;
import cn.gov.supervision.kit.security.LinkSignatures.LinkCheck;
import cn.gov.supervision.kit.security.LinkSignatures.SignedLink;
import cn.gov.supervision.notifications.config.NotificationsConfig;
import cn.gov.supervision.notifications.domain.Digest;
import cn.gov.supervision.notifications.domain.UnitInfo;
import cn.gov.supervision.notifications.repository.UnitInfoRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

/**
 * The acknowledgement link in every e-mail (and webhook body): it signs the digest id, the addressed unit's link
 * version and an expiry, so that it opens exactly that digest, stops working when it expires or when an administrator
 * revokes the unit's links (units-service bumps the version), and nobody can open another digest by guessing ids. The
 * link opens a page; only the 签收 button on it (a POST) acknowledges, so mail scanners that fetch links acknowledge
 * nothing.
 */
@ApplicationScoped
public class AckLinks {

    static final String PURPOSE = "digest-acknowledgement";
    /** Every unit's links start at this version (units-service's default). */
    private static final long FIRST_LINK_VERSION = 1;

    private final NotificationsConfig config;
    private final UnitInfoRepository units;
    private final LinkSignatures signatures;

    public AckLinks(NotificationsConfig config, UnitInfoRepository units) {
        this.config = config;
        this.units = units;
        this.signatures = LinkSignatures.withSecret(config.ackSecret(), "NOTIFICATIONS_ACK_SECRET");
    }

    /** A fresh link for the digest, valid for the configured lifetime from now. */
    public String link(UUID digestId) {
        long linkVersion = QuarkusTransaction.joiningExisting().call(() -> units.getEntityManager().createQuery(
                        "SELECT u.linkVersion FROM Digest d, UnitInfo u WHERE d.id = :id AND u.id = d.unitId", Long.class)
                .setParameter("id", digestId).getResultStream().findFirst().orElse(FIRST_LINK_VERSION));
        SignedLink link = new SignedLink(PURPOSE, digestId, linkVersion, Instant.now().plus(config.ackLinkLifetime()));
        return config.publicBaseUrl() + "/api/v1/notifications/" + digestId + "/ack?v=" + link.linkVersion()
                + "&exp=" + link.expiresAt().getEpochSecond() + "&token=" + signatures.sign(link);
    }

    /** What the presented link is worth for {@code digest}, against its unit's link version now. */
    public LinkCheck check(Digest digest, PresentedLink presented) {
        UnitInfo unit = units.findById(digest.unitId);
        long current = unit == null ? FIRST_LINK_VERSION : unit.linkVersion;
        return signatures.check(PURPOSE, digest.id, presented.version(), presented.expires(), presented.token(),
                current, Instant.now());
    }

    /** The link's parts as they came back (query string or form), unparsed: a malformed part is a tampered link. */
    public record PresentedLink(String version, String expires, String token) {
    }
}
