package cn.gov.supervision.tasks.repository;

import cn.gov.supervision.tasks.domain.UnitRef;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class UnitRefRepository implements PanacheRepositoryBase<UnitRef, UUID> {

    public List<UnitRef> findByIds(Collection<UUID> ids) {
        return ids.isEmpty() ? List.of() : list("id in ?1", ids);
    }

    /**
     * Records a unit the caller has just learnt of from units-service, unless units.events brought it first: then the
     * row is already there, with at least this state and its members, and is left alone. One statement, so the event
     * consumer arriving at the same moment cannot make it fail on the primary key.
     */
    public void insertUnlessKnown(UUID id, String code, String name, String kind, String membership, boolean active,
                                  long version) {
        getEntityManager().createNativeQuery("""
                        INSERT INTO unit_ref (id, code, name, kind, membership, active, version)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (id) DO NOTHING""")
                .setParameter(1, id).setParameter(2, code).setParameter(3, name).setParameter(4, kind)
                .setParameter(5, membership).setParameter(6, active).setParameter(7, version)
                .executeUpdate();
    }
}
