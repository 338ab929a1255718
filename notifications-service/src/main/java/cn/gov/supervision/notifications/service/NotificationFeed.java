package cn.gov.supervision.notifications.service;

import cn.gov.supervision.kit.problem.ProblemException;
import cn.gov.supervision.kit.web.PageView;
import cn.gov.supervision.notifications.api.NotificationView;
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

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The in-app feed for mobile front ends, and 签收: a unit confirming it has seen a digest. */
@ApplicationScoped
public class NotificationFeed {

    private final DigestRepository digests;
    private final DeliveryRepository deliveries;
    private final UnitInfoRepository units;
    private final DigestMessages messages;
    private final NotificationEvents events;

    public NotificationFeed(DigestRepository digests, DeliveryRepository deliveries, UnitInfoRepository units,
                            DigestMessages messages, NotificationEvents events) {
        this.digests = digests;
        this.deliveries = deliveries;
        this.units = units;
        this.messages = messages;
        this.events = events;
    }

    @Transactional
    public PageView<NotificationView> list(UUID unitId, Boolean unread, int page, int size) {
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
        return view(require(id));
    }

    /** Idempotent: the first acknowledgement's time is the one kept and shown to supervisors. */
    @Transactional
    public NotificationView acknowledge(UUID id, String by) {
        Digest digest = require(id);
        if (digest.acknowledgedAt == null) {
            digest.acknowledgedAt = OffsetDateTime.now();
            digest.acknowledgedBy = by;
            events.publish(NotificationEvents.ACKNOWLEDGED, digest.id, Map.of("unitId", digest.unitId.toString(),
                    "date", digest.day.toString(), "acknowledgedAt", digest.acknowledgedAt.toString()));
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

    private NotificationView view(Digest digest) {
        UnitInfo unit = units.findById(digest.unitId);
        List<NotificationView.DeliveryView> channels = deliveries.list("digestId", Sort.by("channel").and("target"), digest.id)
                .stream().map((Delivery d) -> new NotificationView.DeliveryView(d.channel, d.target, d.status, d.attempts,
                        d.sentAt, d.lastError)).toList();
        return new NotificationView(digest.id, digest.unitId, unit == null ? null : unit.name, digest.day, digest.kind,
                digest.itemCount, messages.items(digest), messages.recipients(digest), digest.createdAt,
                digest.acknowledgedAt, channels);
    }
}
