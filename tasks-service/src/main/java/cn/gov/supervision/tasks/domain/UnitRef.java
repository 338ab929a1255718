package cn.gov.supervision.tasks.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/**
 * What this service knows of a unit, kept from units.events alone, so that reads never wait for units-service.
 * For a group, {@code memberIds} are the units it currently stands for (expanded by units-service).
 */
@Entity
@Table(name = "unit_ref")
public class UnitRef {

    public static final String GROUP = "GROUP";

    @Id
    public UUID id;

    @Column(nullable = false, length = 64)
    public String code;

    @Column(nullable = false, length = 100)
    public String name;

    @Column(nullable = false, length = 32)
    public String kind;

    @Column(length = 16)
    public String membership;

    @Column(nullable = false)
    public boolean active;

    @Column(nullable = false)
    public long version;

    /** Calendar subscription links carry it; a revocation in units-service bumps it and older links stop working. */
    @Column(name = "link_version", nullable = false)
    public long linkVersion = 1;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "unit_ref_member", joinColumns = @JoinColumn(name = "group_id"))
    @Column(name = "member_id", nullable = false)
    public Set<UUID> memberIds = new LinkedHashSet<>();

    public boolean isGroup() {
        return GROUP.equals(kind);
    }
}
