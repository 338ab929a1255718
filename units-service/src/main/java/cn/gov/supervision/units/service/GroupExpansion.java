package cn.gov.supervision.units.service;

import cn.gov.supervision.units.domain.GroupMembership;
import cn.gov.supervision.units.domain.Unit;
import cn.gov.supervision.units.repository.UnitRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Works out whom a group stands for, and which groups a unit belongs to, through nested groups. */
@ApplicationScoped
public class GroupExpansion {

    private final UnitRepository units;

    public GroupExpansion(UnitRepository units) {
        this.units = units;
    }

    /** The active non-group units a group stands for, by code; a PER_TASK group stands for nobody until a task says. */
    public List<Unit> expand(Unit group) {
        Map<UUID, Unit> leaves = new LinkedHashMap<>();
        collect(group, leaves, new HashSet<>());
        return leaves.values().stream().sorted(Comparator.comparing(u -> u.code)).toList();
    }

    private void collect(Unit unit, Map<UUID, Unit> leaves, Set<UUID> visited) {
        if (!visited.add(unit.id) || !unit.active) {
            return;
        }
        if (!unit.isGroup()) {
            leaves.put(unit.id, unit);
            return;
        }
        List<Unit> members = unit.membership == GroupMembership.ALL_OF_KIND
                ? units.findActiveOfKind(unit.memberKind)
                : units.findByIds(unit.memberIds);
        for (Unit member : members) {
            collect(member, leaves, visited);
        }
    }

    /** True when making {@code candidateMembers} members of {@code group} would make the group contain itself. */
    public boolean wouldContainItself(UUID groupId, Set<UUID> candidateMembers) {
        Set<UUID> visited = new HashSet<>();
        List<UUID> frontier = new ArrayList<>(candidateMembers);
        while (!frontier.isEmpty()) {
            UUID next = frontier.remove(frontier.size() - 1);
            if (next.equals(groupId)) {
                return true;
            }
            if (visited.add(next)) {
                Unit member = units.findById(next);
                if (member != null && member.isGroup()) {
                    frontier.addAll(member.memberIds);
                }
            }
        }
        return false;
    }

    /**
     * The groups whose expansion may change when {@code unit} is created, changes kind, or is (de)activated:
     * groups listing it, groups of all units of its kind, and, transitively, the groups containing those.
     */
    public List<Unit> groupsAffectedBy(Unit unit) {
        List<Unit> groups = units.findActiveGroups();
        Set<UUID> affected = new HashSet<>();
        List<UUID> frontier = new ArrayList<>(List.of(unit.id));
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Unit group : groups) {
                if (group.id.equals(unit.id) || affected.contains(group.id)) {
                    continue;
                }
                boolean listsAffected = group.memberIds.stream().anyMatch(m -> frontier.contains(m) || affected.contains(m));
                boolean coversKind = group.membership == GroupMembership.ALL_OF_KIND && group.memberKind == unit.kind;
                if (listsAffected || coversKind) {
                    affected.add(group.id);
                    changed = true;
                }
            }
        }
        return groups.stream().filter(g -> affected.contains(g.id)).toList();
    }
}
