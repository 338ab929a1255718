package cn.gov.supervision.units.api;

import cn.gov.supervision.units.domain.GroupMembership;
import cn.gov.supervision.units.domain.UnitKind;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.UUID;

/**
 * A new unit. Names may be given in traditional characters; they are stored simplified.
 * {@code membership} (and for ALL_OF_KIND {@code memberKind}) is required for a GROUP and forbidden otherwise.
 */
public record CreateUnitRequest(
        @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,63}", message = "must be a lower-case ASCII slug such as city-fgw")
        String code,
        @NotBlank @Size(max = 100) String name,
        @Size(max = 20) List<@NotBlank @Size(max = 100) String> aliases,
        @NotNull UnitKind kind,
        UUID parentId,
        GroupMembership membership,
        UnitKind memberKind,
        @Size(max = 500) List<@NotNull UUID> memberIds,
        @Size(max = 50) List<@NotNull @Valid ContactData> contacts) implements UnitDefinition {
}
