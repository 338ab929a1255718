package cn.gov.supervision.testkit;

import cn.gov.supervision.testkit.contract.ApiDocuments;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
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
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * What every domain service must show before anything else: it reached its real database (migrations ran) and the
 * real broker, its health and metrics answer, and malformed requests get problem details. Each service's
 * FoundationTest extends this with its own database and a POST endpoint that takes JSON.
 */
public abstract class ServiceFoundationChecks {

    /** The database the service under test must be using. */
    protected abstract String expectedDatabase();

    /** A path that accepts a JSON body, to send malformed bodies to. */
    protected abstract String jsonWritePath();

    /** The method {@link #jsonWritePath()} takes a body with. */
    protected String jsonWriteMethod() {
        return "POST";
    }

    /** A GET path whose path parameter is malformed (a bad UUID, a year that is not a number). */
    protected abstract String pathWithMalformedParameter();

    @BeforeAll
    static void actAsAdmin() {
        TestTokens.actAs(TestTokens.admin());
    }

    @Test
    void theApiNeedsAVerifiedTokenWhileHealthAndDocumentationStayOpen() {
        TestTokens.anonymous().when().get(jsonWritePath())
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("status", equalTo(401));
        for (String refused : List.of(TestTokens.forged(), TestTokens.expired(), TestTokens.fromOtherIssuer(),
                TestTokens.forOtherAudience(), "not-a-jwt")) {
            given().header("Authorization", TestTokens.bearer(refused)).when().get(jsonWritePath())
                    .then().statusCode(401).contentType("application/problem+json")
                    .header("WWW-Authenticate", containsString("invalid_token"));
        }
        given().header("Authorization", TestTokens.bearer(TestTokens.viewer())).when().get(jsonWritePath())
                .then().statusCode(200);
        TestTokens.anonymous().when().get("/q/health/ready").then().statusCode(200);
        TestTokens.anonymous().when().get("/q/openapi").then().statusCode(200)
                .body(containsString("bearerJwt"));
    }

    @Test
    void theServedApiDocumentIsTheStoredOne() {
        ApiDocuments.assertServedIsStored(TestTokens.anonymous().when().get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString());
    }

    @Test
    void flywayMigratedTheRealDatabase() throws Exception {
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        assertThat(url).endsWith("/" + expectedDatabase());
        // the service's own migrations in its history; event-kit's outbox tables in the kit's own history
        assertThat(appliedVersions(url, "flyway_schema_history")).contains("1").doesNotContain("0.1");
        assertThat(appliedVersions(url, "event_kit_schema_history")).contains("0.1");
    }

    private static List<String> appliedVersions(String url, String historyTable) throws Exception {
        List<String> versions = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url, "postgres", "");
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT version FROM " + historyTable
                     + " WHERE success AND type <> 'BASELINE' ORDER BY installed_rank")) {
            while (rs.next()) {
                versions.add(rs.getString(1));
            }
        }
        return versions;
    }

    @Test
    void producesAndConsumesOnTheRealBroker() throws Exception {
        String bootstrapServers = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        String topic = "foundation-test-" + UUID.randomUUID();
        String value = "湖州 " + UUID.randomUUID();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            producer.send(new ProducerRecord<>(topic, "k", value)).get();
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
    void readinessChecksDatabaseAndKafkaAndMetricsAnswer() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "Kafka connection health check"));
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests"));
        given().when().get("/q/openapi").then().statusCode(200).body(containsString("/api/v1/"));
    }

    @Test
    void malformedJsonIsAProblem400() {
        given().contentType("application/json").body("{\"title\": \"x\", ")
                .when().request(jsonWriteMethod(), jsonWritePath())
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("title", equalTo("Bad Request"))
                .body("type", startsWith("https://"))
                .body("instance", equalTo(jsonWritePath()));
        given().contentType("application/json").body("[]")
                .when().request(jsonWriteMethod(), jsonWritePath())
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType("text/plain").body("hello")
                .when().request(jsonWriteMethod(), jsonWritePath())
                .then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void malformedPathParametersAre400sAndUnknownPaths404Problems() {
        given().when().get(pathWithMalformedParameter())
                .then().statusCode(400).contentType("application/problem+json");
        given().when().get("/api/v1/nothing-here")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void nulCharactersInTheQueryAreRefused() {
        // PostgreSQL cannot store U+0000; letting one through would end in a database error
        given().urlEncodingEnabled(false).when().get(jsonWritePath() + "?q=a%00b")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("NUL"));
    }

    @Test
    void requestIdIsEchoedOrGenerated() {
        given().header("X-Request-Id", "abc-123").when().get("/api/v1/nothing-here")
                .then().statusCode(404)
                .header("X-Request-Id", equalTo("abc-123"))
                .body("requestId", equalTo("abc-123"));
        given().when().get("/api/v1/nothing-here")
                .then().header("X-Request-Id", notNullValue());
        given().header("X-Request-Id", "bad id with spaces").when().get("/api/v1/nothing-here")
                .then().header("X-Request-Id", not(equalTo("bad id with spaces")));
    }
}
