package cn.gov.supervision.notifications.events;

import cn.gov.supervision.kit.events.EventEnvelope;
import cn.gov.supervision.kit.events.EventSubscriber;
import cn.gov.supervision.notifications.domain.UnitInfo;
import cn.gov.supervision.notifications.repository.UnitInfoRepository;
import jakarta.enterprise.context.ApplicationScoped;

/** Keeps who-to-write-to from units.events (contract: units-service/src/main/resources/schemas). */
@ApplicationScoped
public class UnitInfoUpdater implements EventSubscriber {

    private final UnitInfoRepository units;

    public UnitInfoUpdater(UnitInfoRepository units) {
        this.units = units;
    }

    @Override
    public String topic() {
        return "units.events";
    }

    @Override
    public String consumerName() {
        return "notifications-service.units";
    }

    @Override
    public String subjectField() {
        return "unitId";
    }

    @Override
    public void apply(EventEnvelope event) {
        var payload = event.payload();
        UnitInfo existing = units.findById(event.subjectId());
        UnitInfo unit = existing != null ? existing : new UnitInfo();
        unit.id = event.subjectId();
        unit.code = payload.path("code").asText();
        unit.name = payload.path("name").asText();
        unit.kind = payload.path("kind").asText();
        unit.active = payload.path("active").asBoolean(true);
        unit.contacts = payload.path("contacts").isArray() ? payload.path("contacts").toString() : "[]";
        unit.version = payload.path("version").asLong();
        // events written before link versions existed lack it: the unit's links were then at the first version
        unit.linkVersion = payload.path("linkVersion").asLong(1);
        units.persist(unit);
    }
}
