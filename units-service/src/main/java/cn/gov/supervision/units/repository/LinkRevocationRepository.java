package cn.gov.supervision.units.repository;

import cn.gov.supervision.units.domain.LinkRevocation;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class LinkRevocationRepository implements PanacheRepositoryBase<LinkRevocation, UUID> {

    public List<LinkRevocation> findByUnit(UUID unitId) {
        return list("unitId", Sort.by("linkVersion"), unitId);
    }
}
