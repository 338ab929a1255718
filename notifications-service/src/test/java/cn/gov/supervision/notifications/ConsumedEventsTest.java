package cn.gov.supervision.notifications;

import cn.gov.supervision.testkit.ConsumedEvents;
import cn.gov.supervision.testkit.EventSchemas;
import cn.gov.supervision.testkit.HuzhouUnits;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The events this service applies (units.events, tasks.events) follow their producers' schema files. */
@QuarkusTest
class ConsumedEventsTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void everyUnitAndTaskEventThisServiceAppliedFollowsItsProducersSchema() throws Exception {
        HuzhouPlanFixture.ensureImported(); // returns once this service has applied the units and the plan's 60 tasks
        List<JsonNode> units = ConsumedEvents.assertFollowProducerSchema(bootstrapServers, "units.events",
                EventSchemas.UNIT_EVENTS, HuzhouUnits.COUNT);
        assertThat(units).extracting(e -> e.path("unitId").asText()).contains(HuzhouUnits.ANJI.toString());
        List<JsonNode> tasks = ConsumedEvents.assertFollowProducerSchema(bootstrapServers, "tasks.events",
                EventSchemas.TASK_EVENTS, 60);
        assertThat(tasks).extracting(e -> e.path("type").asText()).contains("TaskCreated");
    }
}
