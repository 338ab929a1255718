package cn.gov.supervision.tasks.service;

import cn.gov.supervision.kit.problem.ProblemException;
import cn.gov.supervision.tasks.api.UnitSummary;
import cn.gov.supervision.tasks.domain.UnitRef;
import cn.gov.supervision.tasks.repository.UnitRefRepository;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The units this service knows from units.events: who they are and whom a group stands for.
 * <p>
 * Names for showing tasks come from memory: every task read needs them, and querying unit_ref for them was a sixth
 * of a read's cost. The memory follows unit_ref: the replica whose consumer applies a units event updates it when
 * that transaction commits (so its next read sees the change), every replica reloads it every
 * {@code tasks.unit-names-refresh} (to see what the others applied), and a unit not in memory yet is read from
 * unit_ref. Each entry keeps the unit's version, so an older state read meanwhile never replaces a newer one.
 */
@ApplicationScoped
public class UnitDirectory {

    private record Named(UnitSummary summary, long version) {
        static Named of(UUID id, String name, String kind, long version) {
            return new Named(new UnitSummary(id, name, kind), version);
        }

        /** The later of two states; of two at the same version the one read last (nothing is older than it). */
        Named newer(Named other) {
            return other.version >= version ? other : this;
        }
    }

    private final UnitRefRepository units;
    private final TransactionSynchronizationRegistry transactions;
    private final ConcurrentMap<UUID, Named> names = new ConcurrentHashMap<>();

    public UnitDirectory(UnitRefRepository units, TransactionSynchronizationRegistry transactions) {
        this.units = units;
        this.transactions = transactions;
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
        Collection<UUID> missing = new ArrayList<>();
        Map<UUID, UnitSummary> summaries = inMemory(ids, missing);
        for (UnitRef unit : units.findByIds(missing)) {
            remember(Named.of(unit.id, unit.name, unit.kind, unit.version));
        }
        return withMissing(summaries, missing);
    }

    /** {@link #summaries} for code on an event loop: a unit not in memory yet is read without blocking. */
    public Uni<Map<UUID, UnitSummary>> summariesWithoutBlocking(Collection<UUID> ids) {
        Collection<UUID> missing = new ArrayList<>();
        Map<UUID, UnitSummary> summaries = inMemory(ids, missing);
        if (missing.isEmpty()) {
            return Uni.createFrom().item(summaries);
        }
        return units.findNamesWithoutBlocking(missing).map(found -> {
            found.forEach(unit -> remember(Named.of(unit.id(), unit.name(), unit.kind(), unit.version())));
            return withMissing(summaries, missing);
        });
    }

    private Map<UUID, UnitSummary> inMemory(Collection<UUID> ids, Collection<UUID> missing) {
        Map<UUID, UnitSummary> summaries = new LinkedHashMap<>();
        for (UUID id : ids) {
            Named known = names.get(id);
            if (known != null) {
                summaries.put(id, known.summary());
            } else {
                missing.add(id);
            }
        }
        return summaries;
    }

    private Map<UUID, UnitSummary> withMissing(Map<UUID, UnitSummary> summaries, Collection<UUID> missing) {
        for (UUID id : missing) {
            Named found = names.get(id);
            summaries.put(id, found != null ? found.summary() : new UnitSummary(id, null, null));
        }
        return summaries;
    }

    /** The consumer has written this unit's new state: remember it once (and only if) that transaction commits. */
    public void changed(UnitRef unit) {
        Named named = Named.of(unit.id, unit.name, unit.kind, unit.version);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    remember(named);
                }
            }
        });
    }

    @Scheduled(identity = "unit-names-reload", every = "{tasks.unit-names-refresh}")
    @Transactional
    void reload() {
        units.getEntityManager().createQuery("SELECT u.id, u.name, u.kind, u.version FROM UnitRef u", Object[].class)
                .getResultStream()
                .forEach(row -> remember(Named.of((UUID) row[0], (String) row[1], (String) row[2], (Long) row[3])));
    }

    private void remember(Named named) {
        names.merge(named.summary().id(), named, Named::newer);
    }

    /** Whether the unit is a group, from the names in memory (each knows its kind). */
    public boolean isGroup(UUID id) {
        return UnitRef.GROUP.equals(summaries(List.of(id)).get(id).kind());
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
