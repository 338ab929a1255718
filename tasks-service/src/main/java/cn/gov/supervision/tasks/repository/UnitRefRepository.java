package cn.gov.supervision.tasks.repository;

import cn.gov.supervision.tasks.domain.UnitRef;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vertx.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class UnitRefRepository implements PanacheRepositoryBase<UnitRef, UUID> {

    private final ReadPool readPool;

    public UnitRefRepository(ReadPool readPool) {
        this.readPool = readPool;
    }

    public List<UnitRef> findByIds(Collection<UUID> ids) {
        return ids.isEmpty() ? List.of() : list("id in ?1", ids);
    }

    /** What showing a unit needs of it. */
    public record UnitName(UUID id, String name, String kind, long version) {
    }

    /** The names of these units, read on the calling event loop (through the {@link ReadPool}). */
    public Uni<List<UnitName>> findNamesWithoutBlocking(Collection<UUID> ids) {
        return readPool.query("SELECT id, name, kind, version FROM unit_ref WHERE id = ANY($1)",
                        Tuple.tuple().addArrayOfUUID(ids.toArray(UUID[]::new)))
                .map(rows -> {
                    List<UnitName> names = new ArrayList<>();
                    rows.forEach(row -> names.add(new UnitName(row.getUUID(0), row.getString(1), row.getString(2),
                            row.getLong(3))));
                    return names;
                });
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
