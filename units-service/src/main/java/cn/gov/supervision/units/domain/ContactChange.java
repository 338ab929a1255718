package cn.gov.supervision.units.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A handover record: the contacts of a unit before and after one replacement (JSON arrays). */
@Entity
@Table(name = "unit_contact_change")
public class ContactChange {

    @Id
    public UUID id;

    @Column(name = "unit_id", nullable = false)
    public UUID unitId;

    @Column(name = "changed_at", nullable = false)
    public OffsetDateTime changedAt;

    @Column(name = "changed_by")
    public String changedBy;

    @Column(name = "request_id")
    public String requestId;

    @Column(nullable = false, columnDefinition = "text")
    public String previous;

    @Column(nullable = false, columnDefinition = "text")
    public String current;
}
