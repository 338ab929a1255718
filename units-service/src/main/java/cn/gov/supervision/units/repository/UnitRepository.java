package cn.gov.supervision.units.repository;

import cn.gov.supervision.units.domain.GroupMembership;
import cn.gov.supervision.units.domain.Unit;
import cn.gov.supervision.units.domain.UnitKind;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class UnitRepository implements PanacheRepositoryBase<Unit, UUID> {

    public Optional<Unit> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }

    /** Units matching all given filters; {@code nameKeyFragment} is a match key searched inside names and aliases. */
    public PanacheQuery<Unit> search(String nameKeyFragment, UnitKind kind, Boolean active, int page, int size) {
        List<String> clauses = new ArrayList<>();
        Parameters params = new Parameters();
        if (nameKeyFragment != null && !nameKeyFragment.isEmpty()) {
            clauses.add("exists (select 1 from UnitName n where n.unitId = u.id and n.matchKey like :pattern escape '\\')");
            params.and("pattern", "%" + escapeLike(nameKeyFragment) + "%");
        }
        if (kind != null) {
            clauses.add("u.kind = :kind");
            params.and("kind", kind);
        }
        if (active != null) {
            clauses.add("u.active = :active");
            params.and("active", active);
        }
        String where = clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses);
        return find("from Unit u" + where, Sort.by("code"), params).page(Page.of(page, size));
    }

    public List<Unit> findActiveOfKind(UnitKind kind) {
        return list("kind = ?1 and active = true", Sort.by("code"), kind);
    }

    public List<Unit> findByIds(Collection<UUID> ids) {
        return ids.isEmpty() ? List.of() : list("id in ?1", Sort.by("code"), ids);
    }

    public List<Unit> findActiveGroups() {
        return list("kind = ?1 and active = true", Sort.by("code"), UnitKind.GROUP);
    }

    public List<Unit> findGroupsOfAllOfKind(UnitKind memberKind) {
        return list("kind = ?1 and membership = ?2 and memberKind = ?3 and active = true",
                UnitKind.GROUP, GroupMembership.ALL_OF_KIND, memberKind);
    }

    public List<Unit> findUnannounced() {
        return list("announced = false", Sort.by("code"));
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
