package cn.gov.supervision.units.service;

import cn.gov.supervision.units.domain.Unit;
import cn.gov.supervision.units.events.UnitEventTypes;
import cn.gov.supervision.units.events.UnitEvents;
import cn.gov.supervision.units.repository.UnitRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * Units loaded by migrations (the reference data) arrive without name keys and without events. At start-up this
 * indexes their names and writes their UnitCreated events, once: replicas starting together serialize on a lock.
 */
@ApplicationScoped
public class ReferenceUnitAnnouncer {

    private static final Logger LOG = Logger.getLogger(ReferenceUnitAnnouncer.class);
    private static final long ANNOUNCE_LOCK_KEY = 0x756e69747361L;

    private final UnitRepository units;
    private final UnitNameIndex nameIndex;
    private final UnitEvents events;
    private final EntityManager entityManager;

    public ReferenceUnitAnnouncer(UnitRepository units, UnitNameIndex nameIndex, UnitEvents events,
                                  EntityManager entityManager) {
        this.units = units;
        this.nameIndex = nameIndex;
        this.events = events;
        this.entityManager = entityManager;
    }

    void onStart(@Observes StartupEvent startup) {
        int announced = QuarkusTransaction.requiringNew().call(this::announcePending);
        if (announced > 0) {
            LOG.infof("Announced %d units loaded by migrations", announced);
        }
    }

    int announcePending() {
        entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(:key)")
                .setParameter("key", ANNOUNCE_LOCK_KEY).getSingleResult();
        List<Unit> pending = units.findUnannounced();
        for (Unit unit : pending) {
            nameIndex.reindex(unit);
        }
        for (Unit unit : pending) {
            events.publish(UnitEventTypes.UNIT_CREATED, unit);
            unit.announced = true;
        }
        return pending.size();
    }
}
