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
}
