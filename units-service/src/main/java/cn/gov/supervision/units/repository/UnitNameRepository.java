package cn.gov.supervision.units.repository;

import cn.gov.supervision.units.domain.UnitName;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class UnitNameRepository implements PanacheRepositoryBase<UnitName, UnitName.Key> {

    public List<UnitName> findByMatchKey(String matchKey) {
        return list("matchKey", matchKey);
    }

    public List<UnitName> findByMatchKeys(Collection<String> matchKeys) {
        return list("matchKey in ?1", matchKeys);
    }

    public List<UnitName> findActiveClashes(Collection<String> matchKeys, UUID exceptUnitId) {
        return list("matchKey in ?1 and active = true and unitId <> ?2", matchKeys, exceptUnitId);
    }

    public List<UnitName> findActive(Collection<String> matchKeys) {
        return list("matchKey in ?1 and active = true", matchKeys);
    }

    public void deleteForUnit(UUID unitId) {
        delete("unitId", unitId);
    }
}
