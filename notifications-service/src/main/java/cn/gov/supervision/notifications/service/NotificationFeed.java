package cn.gov.supervision.notifications.service;

import cn.gov.supervision.kit.events.EventEnvelope;
import cn.gov.supervision.kit.problem.ProblemException;
import cn.gov.supervision.kit.security.Caller;
import cn.gov.supervision.kit.security.Permissions;
import cn.gov.supervision.kit.security.LinkSignatures.LinkCheck;
import cn.gov.supervision.kit.security.Roles;
import cn.gov.supervision.kit.web.PageView;
import cn.gov.supervision.notifications.api.DigestItem;
import cn.gov.supervision.notifications.api.NotificationView;
import cn.gov.supervision.notifications.api.PreviewEntry;
import cn.gov.supervision.notifications.domain.Delivery;
import cn.gov.supervision.notifications.domain.Digest;
import cn.gov.supervision.notifications.domain.UnitInfo;
import cn.gov.supervision.notifications.events.NotificationEvents;
import cn.gov.supervision.notifications.repository.DeliveryRepository;
import cn.gov.supervision.notifications.repository.DigestRepository;
import cn.gov.supervision.notifications.repository.UnitInfoRepository;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The in-app feed for mobile front ends, and 签收: a unit confirming it has seen a digest.
 * <p>
 * A digest is addressed to exactly one unit ({@link Digest#unitId}, the unit whose contacts it goes to), so that unit
 * is its owner: a caller confined to a unit sees and acknowledges only digests addressed to its unit. Escalation items
 * about a late unit sit in the supervising unit's digest and are that unit's, not the late one's.
 */
@ApplicationScoped
public class NotificationFeed {

    private final DigestRepository digests;
    private final DeliveryRepository deliveries;
    private final UnitInfoRepository units;
    private final DigestMessages messages;
    private final NotificationEvents events;
    private final DigestCollector collector;
    private final AckLinks ackLinks;
    private final Caller caller;

    public NotificationFeed(DigestRepository digests, DeliveryRepository deliveries, UnitInfoRepository units,
                            DigestMessages messages, NotificationEvents events, DigestCollector collector,
                            AckLinks ackLinks, Caller caller) {
        this.digests = digests;
        this.deliveries = deliveries;
        this.units = units;
        this.messages = messages;
        this.events = events;
        this.collector = collector;
        this.ackLinks = ackLinks;
        this.caller = caller;
    }

    /** A caller confined to a unit lists its own unit's digests, whether or not it names the unit. */
    @Transactional
    public PageView<NotificationView> list(UUID unitId, Boolean unread, int page, int size) {
        if (unitId != null) {
            caller.requireUnit(unitId, "read the notifications");
        } else {
            unitId = caller.confinedUnit().orElse(null);
        }
        List<String> clauses = new ArrayList<>();
        Parameters params = new Parameters();
        if (unitId != null) {
            clauses.add("unitId = :unitId");
            params.and("unitId", unitId);
        }
        if (unread != null) {
            clauses.add(unread ? "acknowledgedAt is null" : "acknowledgedAt is not null");
        }
        String where = String.join(" and ", clauses);
        PanacheQuery<Digest> query = (where.isEmpty() ? digests.findAll(Sort.by("day").descending().and("id"))
                : digests.find(where, Sort.by("day").descending().and("id"), params)).page(Page.of(page, size));
        return new PageView<>(query.list().stream().map(this::view).toList(), page, size, query.count());
    }

    @Transactional
    public NotificationView get(UUID id) {
        Digest digest = require(id);
        caller.requireUnit(digest.unitId, "read a notification");
        return view(digest);
    }

    /** 签收 in the app, by the addressed unit or by a caller not confined to a unit. */
    @Transactional
    public NotificationView acknowledge(UUID id) {
        Digest digest = require(id);
        caller.requireUnit(digest.unitId, "acknowledge a notification");
        return acknowledge(digest, caller.actor());
    }

    /**
     * What the link in the e-mail opens: the digest, if the link is valid for it. Changes nothing, so that mail
     * scanners fetching the link acknowledge nothing. The link's HMAC is the credential (whoever holds the mail may see
     * the digest and confirm it was received); no bearer token is needed or consulted. A digest that does not exist
     * has no valid link, so it is refused like a forged one, without saying whether it exists.
     */
    @Transactional
    public LinkedDigest openByLink(UUID id, AckLinks.PresentedLink link) {
        Digest digest = digests.findById(id);
        LinkCheck check = digest == null ? LinkCheck.TAMPERED : ackLinks.check(digest, link);
        return check == LinkCheck.VALID ? LinkedDigest.of(digest, messages.items(digest), units.findById(digest.unitId))
                : LinkedDigest.refused(check);
    }

    /** 签收 by the button on the page the link opens; acknowledging again changes nothing. */
    @Transactional
    public LinkedDigest acknowledgeByLink(UUID id, AckLinks.PresentedLink link) {
        LinkedDigest opened = openByLink(id, link);
        if (opened.check() == LinkCheck.VALID) {
            Digest digest = digests.findById(id);
            acknowledge(digest, "e-mail link");
            return LinkedDigest.of(digest, opened.items(), units.findById(digest.unitId));
        }
        return opened;
    }

    /** A digest opened by its link, or, unless the check is VALID, why the link was refused. */
    public record LinkedDigest(LinkCheck check, UUID id, UUID unitId, String unitName, LocalDate day,
                               List<DigestItem> items, OffsetDateTime acknowledgedAt) {

        static LinkedDigest of(Digest digest, List<DigestItem> items, UnitInfo unit) {
            return new LinkedDigest(LinkCheck.VALID, digest.id, digest.unitId,
                    unit == null ? digest.unitId.toString() : unit.name, digest.day, items, digest.acknowledgedAt);
        }

        static LinkedDigest refused(LinkCheck check) {
            return new LinkedDigest(check, null, null, null, null, List.of(), null);
        }
    }

    /**
     * What every unit would be told on a day: everyone's reminders, so not for a caller confined to one unit.
     */
    @Transactional
    public List<PreviewEntry> preview(LocalDate date) {
        if (caller.confinedUnit().isPresent()) {
            throw ProblemException.forbidden("The preview shows every unit's reminders; a caller acting for one unit "
                    + "reads its own in the feed");
        }
        return collector.collect(date).stream().map(d -> new PreviewEntry(
                new PreviewEntry.UnitRef(d.unit().id, d.unit().name), d.recipients(), d.items())).toList();
    }

    /** Idempotent: the first acknowledgement's time (and who made it) is the one kept and shown to supervisors. */
    private NotificationView acknowledge(Digest digest, String by) {
        if (digest.acknowledgedAt == null) {
            digest.acknowledgedAt = OffsetDateTime.now();
            // the column holds 100 characters; a token's subject may be longer
            digest.acknowledgedBy = by == null || by.length() <= 100 ? by : by.substring(0, 100);
            events.publish(NotificationEvents.ACKNOWLEDGED, digest.id, Map.of("unitId", digest.unitId.toString(),
                    "date", digest.day.toString(), "acknowledgedAt", EventEnvelope.timestamp(digest.acknowledgedAt)));
        }
        return view(digest);
    }

    private Digest require(UUID id) {
        Digest digest = digests.findById(id);
        if (digest == null) {
            throw ProblemException.notFound("Notification", id);
        }
        return digest;
    }

    /**
     * A unit's caller sees only the deliveries that concern its unit; webhook URLs (which often carry the receiving
     * system's access token) and webhook errors only whoever may manage webhooks, and the raw errors (which could map
     * the network) only administrators.
     */
    private NotificationView view(Digest digest) {
        UnitInfo unit = units.findById(digest.unitId);
        List<Delivery> shown = caller.confinedUnit().isPresent()
                ? deliveries.ofDigestForItsUnit(digest.id) : deliveries.ofDigest(digest.id);
        boolean managesWebhooks = caller.has(Permissions.NOTIFICATIONS_WRITE);
        boolean administrator = caller.has(Roles.ADMIN);
        List<NotificationView.DeliveryView> channels = shown.stream()
                .map(d -> NotificationView.DeliveryView.of(d, managesWebhooks, administrator)).toList();
        return new NotificationView(digest.id, digest.unitId, unit == null ? null : unit.name, digest.day, digest.kind,
                digest.itemCount, messages.items(digest), messages.recipients(digest), digest.createdAt,
                digest.acknowledgedAt, channels);
    }
}
