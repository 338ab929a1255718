package cn.gov.supervision.tasks;

import cn.gov.supervision.kit.events.EventEnvelope;
import cn.gov.supervision.testkit.PostgresTestResource;
import cn.gov.supervision.testkit.RawEvents;
import cn.gov.supervision.testkit.TestTokens;
import cn.gov.supervision.testkit.TopicProbe;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * units.events records that tasks-service cannot apply (issue 15, item 8): a record at fault is parked on
 * tasks-service.dead-letter after a few attempts and the partition moves on; a passing failure is retried as long as it
 * lasts and parks nothing; an operator replays a parked record once its cause is fixed.
 */
@QuarkusTest
class DeadLetterTest {

    private static final String UNITS_TOPIC = "units.events";
    private static final String DEAD_LETTER_TOPIC = "tasks-service.dead-letter";
    private static final String CONSUMER = "tasks-service.units";
    private static final String DEAD_LETTERS = "/api/v1/dead-letters/tasks-service";
    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "events.consumer.max-attempts", defaultValue = "5")
    int maxAttempts;

    @BeforeAll
    static void actAsAdmin() {
        TestTokens.actAs(TestTokens.admin());
    }

    @Test
    void aRecordThatAlwaysFailsIsParkedAndTheEventsBehindItAreApplied() throws Exception {
        TaskFixtures.awaitReferenceUnits();
        UUID poisoned = UUID.randomUUID();
        UUID behind = UUID.randomUUID();
        String poisonValue = unitEvent(poisoned, "毒丸单位", 1, List.of("not-a-uuid")).toString();
        RecordMetadata poison;
        try (RawEvents events = new RawEvents(bootstrapServers)) {
            Map<String, String> headers = Map.of("eventId", "poison-header", "X-Request-Id", "dead-letter-test-1");
            poison = events.send(UNITS_TOPIC, null, poisoned.toString(), poisonValue, headers);
            // behind it on the same partition: it waits for the poisoned record, forever before this change
            events.send(UNITS_TOPIC, poison.partition(), behind.toString(),
                    unitEvent(behind, "后续单位", 1, List.of()).toString(), Map.of());
        }

        await().atMost(Duration.ofSeconds(45)).until(() ->
                TaskFixtures.count("SELECT count(*) FROM unit_ref WHERE id = '" + behind + "'") == 1);

        try (TopicProbe deadLetters = TopicProbe.fromBeginning(bootstrapServers, DEAD_LETTER_TOPIC)) {
            ConsumerRecord<String, String> parked =
                    deadLetters.awaitRecordsWithKey(poisoned.toString(), 1, Duration.ofSeconds(30)).get(0);
            assertThat(parked.value()).isEqualTo(poisonValue);
            Map<String, String> headers = headers(parked);
            assertThat(headers).containsEntry("eventId", "poison-header")
                    .containsEntry("X-Request-Id", "dead-letter-test-1")
                    .containsEntry("dead-letter.consumer", CONSUMER)
                    .containsEntry("dead-letter.source-topic", UNITS_TOPIC)
                    .containsEntry("dead-letter.source-partition", Integer.toString(poison.partition()))
                    .containsEntry("dead-letter.source-offset", Long.toString(poison.offset()))
                    .containsEntry("dead-letter.attempts", Integer.toString(maxAttempts));
            assertThat(headers.get("dead-letter.reason")).contains("not-a-uuid");
            assertThat(OffsetDateTime.parse(headers.get("dead-letter.parked-at"))).isBefore(OffsetDateTime.now());
        }
        assertThat(TaskFixtures.count("SELECT count(*) FROM unit_ref WHERE id = '" + poisoned + "'")).isZero();

        JsonPath listed = given().queryParam("state", "PARKED").when().get(DEAD_LETTERS)
                .then().statusCode(200).extract().jsonPath();
        Map<String, Object> item = itemWithKey(listed, poisoned);
        assertThat(item).containsEntry("consumer", CONSUMER).containsEntry("sourceTopic", UNITS_TOPIC)
                .containsEntry("value", poisonValue).containsEntry("state", "PARKED")
                .containsEntry("attempts", maxAttempts);
        assertThat(((Number) item.get("sourceOffset")).longValue()).isEqualTo(poison.offset());
        assertThat((String) item.get("reason")).contains("not-a-uuid");

        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(RawEvents.metric(metrics, "events_dead_lettered_total", "consumer=\"" + CONSUMER + "\"",
                "topic=\"" + UNITS_TOPIC + "\"")).isGreaterThanOrEqualTo(1);

        JsonPath health = given().when().get("/q/health/ready").then().statusCode(200).extract().jsonPath();
        assertThat(health.getString("status")).isEqualTo("UP");
        Map<String, Object> check = health.getMap("checks.find { it.name == 'event dead letters' }");
        assertThat(check).containsEntry("status", "UP");
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) check.get("data");
        assertThat(data).containsEntry("topic", DEAD_LETTER_TOPIC);
        assertThat(((Number) data.get("parked " + CONSUMER)).longValue()).isGreaterThanOrEqualTo(1);
        assertThat(data.values()).anySatisfy(value -> assertThat(String.valueOf(value))
                .contains(UNITS_TOPIC + "-" + poison.partition() + "@" + poison.offset()).contains("not-a-uuid"));
    }

    @Test
    void anOperatorReplaysAParkedRecordOnceItsCauseIsFixed() throws Exception {
        TaskFixtures.awaitReferenceUnits();
        UUID unit = UUID.randomUUID();
        // a rule of this release refuses the record (a constraint violation specific to it); the next release drops it
        execute("ALTER TABLE unit_ref ADD CONSTRAINT refuses_dead_letter_test_unit CHECK (id <> '" + unit + "')");
        try {
            try (RawEvents events = new RawEvents(bootstrapServers)) {
                events.send(UNITS_TOPIC, null, unit.toString(), unitEvent(unit, "待重放单位", 3, List.of()).toString(),
                        Map.of());
            }
            String id = await().atMost(Duration.ofSeconds(45)).until(() -> parkedIdFor(unit), found -> found != null);

            given().when().post(DEAD_LETTERS + "/" + id + "/replay")
                    .then().statusCode(409).body("type", endsWith("replay-failed"));
            JsonPath stillParked = given().queryParam("state", "PARKED").queryParam("size", 200).when()
                    .get(DEAD_LETTERS).then().statusCode(200).extract().jsonPath();
            assertThat((String) itemWithKey(stillParked, unit).get("lastReplayError"))
                    .contains("refuses_dead_letter_test_unit");
            TestTokens.actAs(TestTokens.supervisor());
            try {
                given().when().post(DEAD_LETTERS + "/" + id + "/replay").then().statusCode(403);
                given().when().get(DEAD_LETTERS).then().statusCode(403);
            } finally {
                TestTokens.actAs(TestTokens.admin());
            }

            execute("ALTER TABLE unit_ref DROP CONSTRAINT refuses_dead_letter_test_unit");
            given().when().post(DEAD_LETTERS + "/" + id + "/replay").then().statusCode(200)
                    .body("id", equalTo(id)).body("state", equalTo("REPLAYED")).body("resolvedAt", notNullValue());
            assertThat(TaskFixtures.count("SELECT count(*) FROM unit_ref WHERE id = '" + unit
                    + "' AND name = '待重放单位' AND version = 3")).isEqualTo(1);
            given().when().post(DEAD_LETTERS + "/" + id + "/replay").then().statusCode(409)
                    .body("type", endsWith("not-parked"));
        } finally {
            execute("ALTER TABLE unit_ref DROP CONSTRAINT IF EXISTS refuses_dead_letter_test_unit");
        }
    }

    @Test
    void aParkedRecordIsSupersededByALaterEventOfItsSubject() throws Exception {
        TaskFixtures.awaitReferenceUnits();
        UUID unit = UUID.randomUUID();
        try (RawEvents events = new RawEvents(bootstrapServers)) {
            events.send(UNITS_TOPIC, null, unit.toString(), "{\"not\": \"an event\"", Map.of());
            String id = await().atMost(Duration.ofSeconds(45)).until(() -> parkedIdFor(unit), found -> found != null);
            events.send(UNITS_TOPIC, null, unit.toString(), unitEvent(unit, "后来的单位", 2, List.of()).toString(),
                    Map.of());
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    TaskFixtures.count("SELECT count(*) FROM unit_ref WHERE id = '" + unit + "'") == 1);
            // replaying the older state now would undo the later event
            given().when().post(DEAD_LETTERS + "/" + id + "/replay").then().statusCode(409)
                    .body("detail", containsString("SUPERSEDED"));
        }
    }

    @Test
    void aFailureThatIsNotTheRecordsIsRetriedUntilItPassesAndParksNothing() throws Exception {
        TaskFixtures.awaitReferenceUnits();
        UUID unit = UUID.randomUUID();
        double parkedBefore = metric("events_dead_lettered_total");
        double passingBefore = metric("events_consumer_retries_total", "fault=\"passing\"");
        // the read model's table is away, as while a database is being restored: no fault of the record
        execute("ALTER TABLE unit_ref RENAME TO unit_ref_away");
        try {
            try (RawEvents events = new RawEvents(bootstrapServers)) {
                events.send(UNITS_TOPIC, null, unit.toString(), unitEvent(unit, "耐心单位", 1, List.of()).toString(),
                        Map.of());
            }
            await().atMost(Duration.ofSeconds(60)).until(() ->
                    metric("events_consumer_retries_total", "fault=\"passing\"") >= passingBefore + maxAttempts + 1);
        } finally {
            execute("ALTER TABLE unit_ref_away RENAME TO unit_ref");
        }
        await().atMost(Duration.ofSeconds(45)).until(() ->
                TaskFixtures.count("SELECT count(*) FROM unit_ref WHERE id = '" + unit + "'") == 1);
        assertThat(metric("events_dead_lettered_total")).isEqualTo(parkedBefore);
        assertThat(TaskFixtures.count("SELECT count(*) FROM dead_letter_event WHERE message_key = '" + unit + "'"))
                .isZero();
    }

    private String parkedIdFor(UUID key) {
        JsonPath listed = given().queryParam("state", "PARKED").queryParam("size", 200).when().get(DEAD_LETTERS)
                .then().statusCode(200).extract().jsonPath();
        return listed.getString("items.find { it.key == '" + key + "' }.id");
    }

    private static Map<String, Object> itemWithKey(JsonPath listed, UUID key) {
        Map<String, Object> item = listed.getMap("items.find { it.key == '" + key + "' }");
        assertThat(item).as("dead letter with key " + key).isNotNull();
        return item;
    }

    private static double metric(String name, String... labels) {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        String[] all = new String[labels.length + 1];
        all[0] = "consumer=\"" + CONSUMER + "\"";
        System.arraycopy(labels, 0, all, 1, labels.length);
        return RawEvents.metric(metrics, name, all);
    }

    private static Map<String, String> headers(ConsumerRecord<String, String> record) {
        Map<String, String> headers = new HashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }

    /**
     * A units.events envelope as units-service writes it (its schema: the records applied here are later checked
     * against it by TaskEventsTest), with the given expanded member ids.
     */
    private static ObjectNode unitEvent(UUID unit, String name, long version, List<String> memberIds) {
        ObjectNode event = JSON.createObjectNode();
        event.put("eventId", UUID.randomUUID().toString());
        event.put("type", "UnitUpdated");
        event.put("schemaVersion", 1);
        event.put("occurredAt", EventEnvelope.timestamp(OffsetDateTime.now()));
        event.put("unitId", unit.toString());
        ObjectNode payload = event.putObject("payload");
        payload.put("id", unit.toString());
        payload.put("code", "dlq-" + unit.toString().substring(0, 8));
        payload.put("name", name);
        payload.putArray("aliases");
        payload.put("kind", "CITY_DEPARTMENT");
        payload.putArray("memberIds");
        memberIds.forEach(payload.putArray("expandedMemberIds")::add);
        payload.putArray("contacts");
        payload.put("active", true);
        payload.put("version", version);
        payload.put("linkVersion", 1);
        return event;
    }

    private static void execute(String sql) throws Exception {
        PostgresTestResource.execute(
                ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class), sql);
    }
}
