package cn.gov.supervision.units.events;

import cn.gov.supervision.kit.events.EventEnvelope;
import cn.gov.supervision.kit.events.OutboxWriter;
import cn.gov.supervision.units.api.UnitView;
import cn.gov.supervision.units.domain.Unit;
import cn.gov.supervision.units.service.GroupExpansion;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;


/**
 * Writes units.events to the outbox. Every payload is the unit's full current state plus, for a group, the units it
 * currently stands for, so a consumer can keep a complete read model from the stream alone.
 */
@ApplicationScoped
public class UnitEvents {

    private final OutboxWriter outbox;
    private final ObjectMapper objectMapper;
    private final GroupExpansion expansion;

    public UnitEvents(OutboxWriter outbox, ObjectMapper objectMapper, GroupExpansion expansion) {
        this.outbox = outbox;
        this.objectMapper = objectMapper;
        this.expansion = expansion;
    }

    public void publish(String type, Unit unit) {
        ObjectNode payload = objectMapper.valueToTree(UnitView.of(unit));
        var expanded = payload.putArray("expandedMemberIds");
        if (unit.isGroup()) {
            expansion.expand(unit).forEach(member -> expanded.add(member.id.toString()));
        }
        outbox.append(UnitEventTypes.TOPIC, EventEnvelope.create(type, UnitEventTypes.SCHEMA_VERSION,
                UnitEventTypes.SUBJECT_FIELD, unit.id, payload));
    }

    /** Groups whose members changed because of {@code cause} announce their new state too. */
    public void publishAffectedGroups(Unit cause) {
        for (Unit group : expansion.groupsAffectedBy(cause)) {
            publish(UnitEventTypes.UNIT_UPDATED, group);
        }
    }
}
