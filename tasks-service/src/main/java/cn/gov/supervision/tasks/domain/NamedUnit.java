package cn.gov.supervision.tasks.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.util.UUID;

/** A unit as the plan names it for a task (possibly a group), in the order the plan names them. */
@Embeddable
public class NamedUnit {

    @Column(name = "unit_id", nullable = false)
    public UUID unitId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    public AssignmentRole role;

    public NamedUnit() {
    }

    public NamedUnit(UUID unitId, AssignmentRole role) {
        this.unitId = unitId;
        this.role = role;
    }
}
