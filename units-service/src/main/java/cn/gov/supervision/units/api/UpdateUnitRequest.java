package cn.gov.supervision.units.api;

import cn.gov.supervision.units.domain.GroupMembership;
import cn.gov.supervision.units.domain.UnitKind;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.UUID;

/** Replaces a unit's definition. The code is stable and contacts change through their own endpoint (with history). */
public record UpdateUnitRequest(
        @NotBlank @Size(max = 100) String name,
        @Size(max = 20) List<@NotBlank @Size(max = 100) String> aliases,
        @NotNull UnitKind kind,
        UUID parentId,
        GroupMembership membership,
        UnitKind memberKind,
        @Size(max = 500) List<@NotNull UUID> memberIds) implements UnitDefinition {
}
