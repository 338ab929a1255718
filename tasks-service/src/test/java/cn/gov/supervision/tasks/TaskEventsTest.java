package cn.gov.supervision.tasks;

import cn.gov.supervision.testkit.ConsumedEvents;
import cn.gov.supervision.testkit.EventSchemas;
import cn.gov.supervision.testkit.KafkaBroker;
import cn.gov.supervision.testkit.KafkaTestResource;
import cn.gov.supervision.testkit.TestTokens;
import cn.gov.supervision.testkit.TopicProbe;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static cn.gov.supervision.tasks.TaskFixtures.assignmentPath;
import static cn.gov.supervision.testkit.HuzhouUnits.*;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** tasks.events: in order per task, with the full state, as the published schema says, and never lost. */
@QuarkusTest
class TaskEventsTest {

    @BeforeAll
    static void actAsAdmin() {
        TestTokens.actAs(TestTokens.admin());
    }

    private static final String SCHEMA = "schemas/task-event.schema.json";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void eventsArriveInOrderWithTheTasksFullState() {
        TaskFixtures.awaitReferenceUnits();
        String plan = TaskFixtures.createPlan("事件测试计划", 2032);
        try (TopicProbe probe = TopicProbe.fromNow(bootstrapServers, "tasks.events")) {
            String id = TaskFixtures.createTask(plan, "E-1", "事件任务", List.of(DISTRICTS), List.of(),
                    TaskFixtures.dated(LocalDate.of(2032, 9, 30))).extract().path("id");
            TaskFixtures.reportProgress(id, ANJI, 20).statusCode(200);
            TaskFixtures.post(assignmentPath(id, ANJI) + "/completion-request", Map.of("evidence", "完成")).statusCode(200);
            TaskFixtures.post(assignmentPath(id, DEQING) + "/extension-request",
                    Map.of("proposedDueDate", "2032-10-31", "reason", "延期")).statusCode(200);
            TaskFixtures.approve(assignmentPath(id, DEQING) + "/extension-request/approve").statusCode(200);
            String etag = given().when().get("/api/v1/tasks/" + id).then().extract().header("ETag");
            given().contentType("application/json").header("If-Match", etag).body(Map.of("title", "事件任务(改)"))
                    .when().patch("/api/v1/tasks/" + id).then().statusCode(200);
            given().when().delete("/api/v1/tasks/" + id).then().statusCode(204);

            List<ConsumerRecord<String, String>> records = probe.awaitRecordsWithKey(id, 7, Duration.ofSeconds(30));
            List<JsonNode> events = records.stream().map(TopicProbe::json).toList();
            assertThat(events).extracting(e -> e.path("type").asText()).containsExactly("TaskCreated",
                    "ProgressReported", "AssignmentStatusChanged", "AssignmentStatusChanged", "DeadlineChanged",
                    "TaskUpdated", "TaskDeleted");
            events.forEach(e -> assertThat(EventSchemas.violations(SCHEMA, e)).as(e.toString()).isEmpty());

            JsonNode created = events.get(0).path("payload");
            assertThat(created.path("assignments")).hasSize(6);
            assertThat(created.path("deadline").path("dueDate").asText()).isEqualTo("2032-09-30");
            JsonNode progress = events.get(1).path("payload");
            assertThat(progress.path("change").path("unitId").asText()).isEqualTo(ANJI.toString());
            assertThat(progress.path("change").path("progress").path("percent").asInt()).isEqualTo(20);
            assertThat(assignment(progress, ANJI).path("status").asText()).isEqualTo("IN_PROGRESS");
            JsonNode requested = events.get(2).path("payload");
            assertThat(requested.path("change").path("toStatus").asText()).isEqualTo("COMPLETION_REQUESTED");
            JsonNode extended = events.get(4).path("payload");
            assertThat(extended.path("change").path("newDueDate").asText()).isEqualTo("2032-10-31");
            assertThat(assignment(extended, DEQING).path("dueDate").asText()).isEqualTo("2032-10-31");
            assertThat(assignment(extended, WUXING).path("dueDate").asText()).isEqualTo("2032-09-30");
            assertThat(events.get(6).path("payload").path("title").asText()).isEqualTo("事件任务(改)");
            assertThat(events).extracting(e -> e.path("payload").path("version").asLong()).isSorted();
        }
    }

    @Test
    void writesSucceedWhileKafkaIsDownAndTheirEventsArriveAfterItReturns() {
        TaskFixtures.awaitReferenceUnits();
        String plan = TaskFixtures.createPlan("停机测试计划", 2032);
        KafkaBroker broker = KafkaTestResource.sharedBroker();
        String id;
        broker.stop();
        try {
            id = TaskFixtures.createTask(plan, "O-1", "停机期间创建", List.of(SFJ), List.of(),
                    TaskFixtures.dated(LocalDate.of(2032, 12, 31))).extract().path("id");
            TaskFixtures.reportProgress(id, SFJ, 50).statusCode(200);
            String taskId = id;
            await().atMost(Duration.ofSeconds(5)).until(() -> TaskFixtures.count(
                    "SELECT count(*) FROM outbox_event WHERE published_at IS NULL AND message_key = '" + taskId + "'") == 2);
        } finally {
            broker.start();
        }
        try (TopicProbe probe = TopicProbe.fromBeginning(bootstrapServers, "tasks.events")) {
            List<ConsumerRecord<String, String>> records = probe.awaitRecordsWithKey(id, 2, Duration.ofSeconds(60));
            assertThat(records).extracting(r -> TopicProbe.json(r).path("type").asText())
                    .containsExactly("TaskCreated", "ProgressReported");
        }
    }

    @Test
    void theUnitEventsThisServiceAppliesFollowTheUnitsServiceSchema() {
        TaskFixtures.awaitReferenceUnits(); // applied: this service knows every reference unit from units.events
        List<JsonNode> events = ConsumedEvents.assertFollowProducerSchema(bootstrapServers, "units.events",
                EventSchemas.UNIT_EVENTS, COUNT);
        assertThat(events).extracting(e -> e.path("unitId").asText()).contains(ANJI.toString());
    }

    private static JsonNode assignment(JsonNode task, java.util.UUID unitId) {
        for (JsonNode assignment : task.path("assignments")) {
            if (assignment.path("unitId").asText().equals(unitId.toString())) {
                return assignment;
            }
        }
        throw new AssertionError("no assignment of " + unitId + " in " + task);
    }
}
