package cn.gov.supervision.units.repository;

import cn.gov.supervision.units.domain.ContactChange;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ContactChangeRepository implements PanacheRepositoryBase<ContactChange, UUID> {

    public List<ContactChange> findByUnit(UUID unitId) {
        return list("unitId", Sort.by("changedAt").and("id"), unitId);
    }
}
