package cn.gov.supervision.units.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An administrator revoked every signed link of a unit: from then on its links carry {@code linkVersion}. */
@Entity
@Table(name = "unit_link_revocation")
public class LinkRevocation {

    @Id
    public UUID id;

    @Column(name = "unit_id", nullable = false)
    public UUID unitId;

    @Column(name = "link_version", nullable = false)
    public long linkVersion;

    @Column(name = "revoked_at", nullable = false)
    public OffsetDateTime revokedAt;

    @Column(name = "revoked_by")
    public String revokedBy;

    @Column(name = "request_id")
    public String requestId;
}
