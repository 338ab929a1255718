package cn.gov.supervision.notifications;

import cn.gov.supervision.kit.events.EventEnvelope;
import cn.gov.supervision.testkit.RawEvents;
import cn.gov.supervision.testkit.TestTokens;
import cn.gov.supervision.testkit.TopicProbe;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;

/**
 * tasks.events records notifications-service can never apply (issue 15, item 8: a non-UUID planId, an unknown
 * deadline.kind, an unknown schemaVersion) are parked on notifications-service.dead-letter, and the tasks behind
 * them on the partition are applied.
 */
@QuarkusTest
class DeadLetterTest {

    private static final String TASKS_TOPIC = "tasks.events";
    private static final String CONSUMER = "notifications-service.tasks";
    private static final String DEAD_LETTERS = "/api/v1/dead-letters/notifications-service";
    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @BeforeAll
    static void actAsAdmin() {
        TestTokens.actAs(TestTokens.admin());
    }

    @Test
    void recordsThatCanNeverBeAppliedAreParkedAndTheTasksBehindThemApplied() throws Exception {
        UUID badPlan = UUID.randomUUID();
        UUID unknownKind = UUID.randomUUID();
        UUID unknownVersion = UUID.randomUUID();
        UUID behind = UUID.randomUUID();
        RecordMetadata first;
        try (RawEvents events = new RawEvents(bootstrapServers)) {
            ObjectNode withBadPlan = taskEvent(badPlan, 1, "DATE");
            ((ObjectNode) withBadPlan.path("payload")).put("planId", "2022年计划");
            first = events.send(TASKS_TOPIC, null, badPlan.toString(), withBadPlan.toString(), Map.of());
            events.send(TASKS_TOPIC, first.partition(), unknownKind.toString(),
                    taskEvent(unknownKind, 1, "SOMETIME").toString(), Map.of());
            events.send(TASKS_TOPIC, first.partition(), unknownVersion.toString(),
                    taskEvent(unknownVersion, 2, "DATE").toString(), Map.of());
            events.send(TASKS_TOPIC, first.partition(), behind.toString(), taskEvent(behind, 1, "DATE").toString(),
                    Map.of());
        }

        await().atMost(Duration.ofSeconds(60)).until(() ->
                HuzhouPlanFixture.count("SELECT count(*) FROM task_info WHERE id = '" + behind + "'") == 1);

        assertThat(HuzhouPlanFixture.count("SELECT count(*) FROM task_info WHERE id IN ('" + badPlan + "', '"
                + unknownKind + "', '" + unknownVersion + "')")).isZero();
        JsonPath parked = given().queryParam("state", "PARKED").queryParam("size", 200).when().get(DEAD_LETTERS)
                .then().statusCode(200).extract().jsonPath();
        assertThat(reason(parked, badPlan)).contains("2022年计划");
        assertThat(reason(parked, unknownKind)).contains("SOMETIME");
        assertThat(reason(parked, unknownVersion)).contains("schemaVersion 2");

        try (TopicProbe deadLetters = TopicProbe.fromBeginning(bootstrapServers, "notifications-service.dead-letter")) {
            List<ConsumerRecord<String, String>> records = deadLetters.awaitRecords(r -> List.of(badPlan.toString(),
                    unknownKind.toString(), unknownVersion.toString()).contains(r.key()), 3, Duration.ofSeconds(30));
            assertThat(records).extracting(r -> new String(r.headers().lastHeader("dead-letter.source-topic").value(),
                    StandardCharsets.UTF_8)).containsOnly(TASKS_TOPIC);
        }

        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(RawEvents.metric(metrics, "events_dead_lettered_total", "consumer=\"" + CONSUMER + "\""))
                .isGreaterThanOrEqualTo(3);
        JsonPath health = given().when().get("/q/health/ready").then().statusCode(200).extract().jsonPath();
        assertThat(health.getString("status")).isEqualTo("UP");
        assertThat(health.getLong("checks.find { it.name == 'event dead letters' }.data.'parked " + CONSUMER + "'"))
                .isGreaterThanOrEqualTo(3);

        // nothing has changed for a record of an unknown kind: replaying it fails again and it stays parked
        String id = parked.getString("items.find { it.key == '" + unknownKind + "' }.id");
        given().when().post(DEAD_LETTERS + "/" + id + "/replay").then().statusCode(409)
                .body("type", endsWith("replay-failed"));
        TestTokens.actAs(TestTokens.viewer());
        try {
            given().when().get(DEAD_LETTERS).then().statusCode(403);
        } finally {
            TestTokens.actAs(TestTokens.admin());
        }
    }

    private static String reason(JsonPath listed, UUID key) {
        String reason = listed.getString("items.find { it.key == '" + key + "' }.reason");
        assertThat(reason).as("parked record with key " + key).isNotNull();
        return reason;
    }

    /** A tasks.events envelope as tasks-service writes it (see its schema), reduced to what this service reads. */
    private static ObjectNode taskEvent(UUID task, int schemaVersion, String deadlineKind) {
        ObjectNode event = JSON.createObjectNode();
        event.put("eventId", UUID.randomUUID().toString());
        event.put("type", "TaskUpdated");
        event.put("schemaVersion", schemaVersion);
        event.put("occurredAt", EventEnvelope.timestamp(OffsetDateTime.now()));
        event.put("taskId", task.toString());
        ObjectNode payload = event.putObject("payload");
        payload.put("id", task.toString());
        payload.put("planId", UUID.randomUUID().toString());
        payload.put("code", "DLQ-" + task.toString().substring(0, 6));
        payload.put("title", "死信测试任务");
        payload.putObject("deadline").put("text", "9月底前").put("kind", deadlineKind).put("dueDate", "2032-09-30");
        payload.put("version", 1);
        payload.putArray("assignments");
        return event;
    }
}
