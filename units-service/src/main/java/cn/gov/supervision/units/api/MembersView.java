package cn.gov.supervision.units.api;

import cn.gov.supervision.units.domain.GroupMembership;

import java.util.List;
import java.util.UUID;

/** The units a group stands for, expanded through nested groups; empty for a PER_TASK group. */
public record MembersView(UUID groupId, GroupMembership membership, List<UnitView> items) {
}
