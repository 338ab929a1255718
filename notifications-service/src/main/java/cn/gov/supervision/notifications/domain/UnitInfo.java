package cn.gov.supervision.notifications.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** What this service knows of a unit, from units.events: whom to write to. */
@Entity
@Table(name = "unit_info")
public class UnitInfo {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public boolean active;

    /** JSON array of {name, role, email, phone}, as units-service publishes them. */
    @Column(nullable = false, columnDefinition = "text")
    public String contacts;

    @Column(nullable = false)
    public long version;

    /** Acknowledgement links carry it; a revocation in units-service bumps it and older links stop working. */
    @Column(name = "link_version", nullable = false)
    public long linkVersion = 1;
}
