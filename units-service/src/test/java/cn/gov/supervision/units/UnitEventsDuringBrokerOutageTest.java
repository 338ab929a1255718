package cn.gov.supervision.units;

import cn.gov.supervision.kit.events.OutboxRelay;
import cn.gov.supervision.testkit.KafkaBroker;
import cn.gov.supervision.testkit.KafkaTestResource;
import cn.gov.supervision.testkit.TestTokens;
import cn.gov.supervision.testkit.TopicProbe;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The transactional outbox: with the broker down, changes still succeed, and their events arrive once it is back. */
@QuarkusTest
class UnitEventsDuringBrokerOutageTest {

    @BeforeAll
    static void actAsAdmin() {
        TestTokens.actAs(TestTokens.admin());
    }

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void changesSucceedWhileKafkaIsDownAndTheirEventsArriveInOrderAfterItReturns() throws Exception {
        KafkaBroker broker = KafkaTestResource.sharedBroker();
        String suffix = UnitRegistryTest.suffix();
        String id;
        broker.stop();
        try {
            id = UnitRegistryTest.create(Map.of("code", "test-outage-" + suffix, "name", "市停机局" + suffix,
                    "kind", "ENTERPRISE")).extract().path("id");
            given().contentType("application/json").header("If-Match", "\"0\"")
                    .body(Map.of("name", "市停机局" + suffix, "aliases", List.of("停机局" + suffix), "kind", "ENTERPRISE"))
                    .when().put("/api/v1/units/" + id)
                    .then().statusCode(200);
            given().contentType("application/json")
                    .body(Map.of("contacts", List.of(Map.of("name", "周九", "role", "联络员"))))
                    .when().put("/api/v1/units/" + id + "/contacts")
                    .then().statusCode(200);
            assertThat(unpublishedEventsOf(id)).isEqualTo(3);
        } finally {
            broker.start();
        }
        try (TopicProbe probe = TopicProbe.fromBeginning(bootstrapServers, "units.events")) {
            List<ConsumerRecord<String, String>> events = probe.awaitRecordsWithKey(id, 3, Duration.ofSeconds(60));
            assertThat(events).extracting(r -> TopicProbe.json(r).path("type").asText())
                    .containsExactly("UnitCreated", "UnitUpdated", "ContactsChanged");
            assertThat(events).extracting(r -> TopicProbe.json(r).path("payload").path("version").asLong())
                    .containsExactly(0L, 1L, 2L);
        }
        String unitId = id;
        await().atMost(Duration.ofSeconds(30)).until(() -> unpublishedEventsOf(unitId) == 0);
    }

    /**
     * Replicas take turns: while another one holds the relay's turn (here a session of the test's, in a transaction
     * holding the same advisory lock), this replica publishes nothing, and the event goes out once the turn is free.
     */
    @Test
    void whileAnotherReplicaHoldsTheTurnNothingIsPublishedAndAfterwardsEverything() throws Exception {
        String suffix = UnitRegistryTest.suffix();
        try (Connection otherReplica = dataSource.getConnection()) {
            otherReplica.setAutoCommit(false);
            try (PreparedStatement turn = otherReplica.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                turn.setLong(1, OutboxRelay.RELAY_LOCK_KEY);
                turn.execute();
            }
            String unitId = UnitRegistryTest.create(Map.of("code", "test-turn-" + suffix, "name", "市轮值局" + suffix,
                    "kind", "ENTERPRISE")).extract().path("id");
            // the commit woke the relay at once, and it polls every second besides: 1.5 s gives it both chances
            await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3))
                    .until(() -> unpublishedEventsOf(unitId) == 1);
            otherReplica.commit();
            await().atMost(Duration.ofSeconds(10)).until(() -> unpublishedEventsOf(unitId) == 0);
        }
    }

    private int unpublishedEventsOf(String unitId) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT count(*) FROM outbox_event WHERE message_key = ? AND published_at IS NULL")) {
            query.setString(1, unitId);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
