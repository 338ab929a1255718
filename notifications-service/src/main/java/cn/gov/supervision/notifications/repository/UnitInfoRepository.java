package cn.gov.supervision.notifications.repository;

import cn.gov.supervision.notifications.domain.UnitInfo;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class UnitInfoRepository implements PanacheRepositoryBase<UnitInfo, UUID> {
}
