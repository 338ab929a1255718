package cn.gov.supervision.notifications.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One unit's notifications for one day, in one message: the feed entry and what every channel delivers. */
@Entity
@Table(name = "digest")
public class Digest {

    public static final String DAILY = "DAILY";
    /** The supervising office's weekly report: its unit is the office, its day the week's Monday. */
    public static final String WEEKLY = "WEEKLY";

    @Id
    public UUID id;

    @Column(name = "unit_id", nullable = false)
    public UUID unitId;

    @Column(nullable = false)
    public LocalDate day;

    @Column(nullable = false)
    public String kind;

    /** JSON array of DigestItem. */
    @Column(nullable = false, columnDefinition = "text")
    public String items;

    @Column(name = "item_count", nullable = false)
    public int itemCount;

    /** JSON array of e-mail addresses. */
    @Column(nullable = false, columnDefinition = "text")
    public String recipients;

    /** JSON of the WeeklyReport a WEEKLY digest carries (its items stay empty); null for daily digests. */
    @Column(columnDefinition = "text")
    public String report;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "acknowledged_at")
    public OffsetDateTime acknowledgedAt;

    @Column(name = "acknowledged_by")
    public String acknowledgedBy;
}
