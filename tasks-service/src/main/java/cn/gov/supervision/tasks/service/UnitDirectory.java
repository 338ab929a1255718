package cn.gov.supervision.tasks.service;

import cn.gov.supervision.kit.problem.ProblemException;
import cn.gov.supervision.tasks.api.UnitSummary;
import cn.gov.supervision.tasks.domain.UnitRef;
import cn.gov.supervision.tasks.repository.UnitRefRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The units this service knows from units.events: who they are and whom a group stands for. */
@ApplicationScoped
public class UnitDirectory {

    private final UnitRefRepository units;

    public UnitDirectory(UnitRefRepository units) {
        this.units = units;
    }

    /** The named units, in the given order; 422 when any is unknown or inactive (a task needs a live owner). */
    public List<UnitRef> requireActive(Collection<UUID> ids) {
        Map<UUID, UnitRef> found = new HashMap<>();
        units.findByIds(ids).forEach(u -> found.put(u.id, u));
        List<String> problems = new ArrayList<>();
        List<UnitRef> ordered = new ArrayList<>();
        for (UUID id : ids) {
            UnitRef unit = found.get(id);
            if (unit == null) {
                problems.add(id + " is unknown");
            } else if (!unit.active) {
                problems.add(id + " (" + unit.name + ") is inactive");
            } else {
                ordered.add(unit);
            }
        }
        if (!problems.isEmpty()) {
            throw ProblemException.unprocessable("unknown-unit", "Responsible units must be active units: "
                    + String.join("; ", problems));
        }
        return ordered;
    }

    /** Id → summary, for showing units by name; ids the read model does not know yet show without a name. */
    public Map<UUID, UnitSummary> summaries(Collection<UUID> ids) {
        Map<UUID, UnitSummary> summaries = new LinkedHashMap<>();
        for (UnitRef unit : units.findByIds(ids)) {
            summaries.put(unit.id, new UnitSummary(unit.id, unit.name, unit.kind));
        }
        for (UUID id : ids) {
            summaries.putIfAbsent(id, new UnitSummary(id, null, null));
        }
        return summaries;
    }

    public boolean isGroup(UUID id) {
        UnitRef unit = units.findById(id);
        return unit != null && unit.isGroup();
    }

    /** The units that do the work for a named unit: a group's members, or the unit itself. */
    public List<UUID> workingUnits(UnitRef named) {
        if (named.isGroup() && !named.memberIds.isEmpty()) {
            return List.copyOf(named.memberIds);
        }
        // a group without fixed members (市级有关部门) keeps one assignment until someone names its members
        return List.of(named.id);
    }
}
