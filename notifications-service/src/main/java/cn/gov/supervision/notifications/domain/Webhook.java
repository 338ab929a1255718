package cn.gov.supervision.notifications.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An endpoint that receives digests as signed JSON: one unit's, or every unit's when {@code unitId} is null. */
@Entity
@Table(name = "webhook")
public class Webhook {

    @Id
    public UUID id;

    @Column(nullable = false, length = 2000)
    public String url;

    @Column(name = "unit_id")
    public UUID unitId;

    /** Key of the X-Signature HMAC; never shown again after registration. */
    @Column(nullable = false)
    public String secret;

    @Column(nullable = false)
    public boolean active = true;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
