package cn.gov.supervision.units.api;

import cn.gov.supervision.units.domain.GroupMembership;
import cn.gov.supervision.units.domain.Unit;
import cn.gov.supervision.units.domain.UnitKind;

import java.util.List;
import java.util.UUID;

/**
 * A unit as the API and the events show it. {@code memberIds} are a group's direct members;
 * {@code expandedMemberIds} (events only) are the active non-group units it stands for, resolved recursively.
 * {@code linkVersion} is the version every signed link for the unit must carry (see {@code link-revocations}).
 */
public record UnitView(UUID id, String code, String name, List<String> aliases, UnitKind kind, UUID parentId,
                       GroupMembership membership, UnitKind memberKind, List<UUID> memberIds,
                       List<ContactData> contacts, boolean active, long version, long linkVersion) {

    public static UnitView of(Unit unit) {
        return new UnitView(unit.id, unit.code, unit.name, List.copyOf(unit.aliases), unit.kind, unit.parentId,
                unit.membership, unit.memberKind, unit.memberIds.stream().sorted().toList(),
                unit.contacts.stream().map(c -> new ContactData(c.name, c.role, c.email, c.phone)).toList(),
                unit.active, unit.version, unit.linkVersion);
    }
}
