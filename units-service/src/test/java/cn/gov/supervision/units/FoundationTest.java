package cn.gov.supervision.units;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

/** The service reaches its real database and broker, and answers bad requests with problem details. */
@QuarkusTest
class FoundationTest {

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void flywayMigratedTheRealDatabase() throws Exception {
        List<String> versions = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(
                     "SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank")) {
            while (rs.next()) {
                versions.add(rs.getString(1));
            }
            assertThat(connection.getMetaData().getURL()).endsWith("/units_test");
        }
        assertThat(versions).contains("0.1", "1", "2");
    }

    @Test
    void producesAndConsumesOnTheRealBroker() {
        String topic = "foundation-test-" + UUID.randomUUID();
        String value = "湖州 " + UUID.randomUUID();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            producer.send(new ProducerRecord<>(topic, "k", value)).get();
        } catch (Exception e) {
            throw new AssertionError("could not produce to the broker", e);
        }
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "foundation-test",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
            consumer.subscribe(List.of(topic));
            List<String> received = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(250))) {
                    received.add(r.value());
                }
                return received.contains(value);
            });
        }
    }

    @Test
    void readinessChecksDatabaseAndKafka() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "Kafka connection health check"));
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests"));
    }

    @Test
    void malformedJsonIsAProblem400() {
        given().contentType("application/json").body("{\"code\": \"x\", ")
                .when().post("/api/v1/units")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("title", equalTo("Bad Request"))
                .body("type", startsWith("https://"))
                .body("instance", equalTo("/api/v1/units"));
    }

    @Test
    void wrongTypesAndUnknownEnumValuesAreProblem400s() {
        given().contentType("application/json").body("{\"code\":\"abc\",\"name\":\"测试\",\"kind\":\"CASTLE\"}")
                .when().post("/api/v1/units")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("kind"))
                .body("detail", containsString("CITY_DEPARTMENT"));
        given().contentType("application/json").body("{\"code\":\"abc\",\"name\":[1,2],\"kind\":\"GROUP\"}")
                .when().post("/api/v1/units")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("name"));
        given().contentType("application/json").body("[]")
                .when().post("/api/v1/units")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void badUuidInPathIsA400AndUnknownPathA404Problem() {
        given().when().get("/api/v1/units/not-a-uuid")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("not-a-uuid"));
        given().when().get("/api/v1/nothing-here")
                .then().statusCode(404).contentType("application/problem+json");
        given().when().get("/api/v1/units?page=abc")
                .then().statusCode(400).contentType("application/problem+json");
        given().when().get("/api/v1/units?kind=castle")
                .then().statusCode(400).contentType("application/problem+json");
        given().when().get("/api/v1/units?size=1000")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("size"));
    }

    @Test
    void requestIdIsEchoedOrGenerated() {
        given().header("X-Request-Id", "abc-123").when().get("/api/v1/units/" + UUID.randomUUID())
                .then().statusCode(404)
                .header("X-Request-Id", equalTo("abc-123"))
                .body("requestId", equalTo("abc-123"));
        given().when().get("/api/v1/units")
                .then().statusCode(200).header("X-Request-Id", notNullValue());
    }
}
