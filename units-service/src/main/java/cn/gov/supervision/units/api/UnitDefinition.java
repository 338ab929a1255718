package cn.gov.supervision.units.api;

import cn.gov.supervision.units.domain.GroupMembership;
import cn.gov.supervision.units.domain.UnitKind;

import java.util.List;
import java.util.UUID;

/** What creating and updating a unit have in common, so both are checked and applied by the same code. */
public interface UnitDefinition {

    String name();

    List<String> aliases();

    UnitKind kind();

    UUID parentId();

    GroupMembership membership();

    UnitKind memberKind();

    List<UUID> memberIds();
}
