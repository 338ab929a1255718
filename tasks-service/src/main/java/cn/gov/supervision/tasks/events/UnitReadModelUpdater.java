package cn.gov.supervision.tasks.events;

import cn.gov.supervision.kit.events.EventEnvelope;
import cn.gov.supervision.kit.events.EventSubscriber;
import cn.gov.supervision.tasks.domain.UnitRef;
import cn.gov.supervision.tasks.repository.UnitRefRepository;
import cn.gov.supervision.tasks.service.UnitDirectory;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * Keeps the local copy of units from units.events (contract: units-service/src/main/resources/schemas). Every event
 * carries the unit's full state, so applying the latest one is all there is to do.
 */
@ApplicationScoped
public class UnitReadModelUpdater implements EventSubscriber {

    public static final String UNITS_TOPIC = "units.events";

    private final UnitRefRepository units;
    private final UnitDirectory directory;

    public UnitReadModelUpdater(UnitRefRepository units, UnitDirectory directory) {
        this.units = units;
        this.directory = directory;
    }

    @Override
    public String topic() {
        return UNITS_TOPIC;
    }

    @Override
    public String consumerName() {
        return "tasks-service.units";
    }

    @Override
    public String subjectField() {
        return "unitId";
    }

    @Override
    public void apply(EventEnvelope event) {
        JsonNode payload = event.payload();
        UnitRef existing = units.findById(event.subjectId());
        UnitRef unit = existing != null ? existing : new UnitRef();
        unit.id = event.subjectId();
        unit.code = payload.path("code").asText();
        unit.name = payload.path("name").asText();
        unit.kind = payload.path("kind").asText();
        unit.membership = payload.path("membership").isTextual() ? payload.path("membership").asText() : null;
        unit.active = payload.path("active").asBoolean(true);
        unit.version = payload.path("version").asLong();
        // events written before link versions existed lack it: the unit's links were then at the first version
        unit.linkVersion = payload.path("linkVersion").asLong(1);
        unit.memberIds.clear();
        payload.path("expandedMemberIds").forEach(id -> unit.memberIds.add(UUID.fromString(id.asText())));
        units.persist(unit);
        directory.changed(unit);
    }
}
