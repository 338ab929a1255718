package cn.gov.supervision.notifications;

import cn.gov.supervision.testkit.EventSchemas;
import cn.gov.supervision.testkit.PostgresTestResource;
import cn.gov.supervision.testkit.TestTokens;
import cn.gov.supervision.testkit.TopicProbe;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static cn.gov.supervision.testkit.HuzhouUnits.*;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** Webhooks (signed, retried), acknowledgement by API and by e-mail link, the feed, the policy and the events. */
@QuarkusTest
class ChannelsAndFeedTest {

    @BeforeAll
    static void actAsAdmin() {
        TestTokens.actAs(TestTokens.admin());
    }

    private static final String SECRET = "a-webhook-secret-of-32-characters";
    private static final String SCHEMA = "schemas/notification-event.schema.json";

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void webhooksReceiveSignedDigestsAndFailuresAreRetried() throws Exception {
        HuzhouPlanFixture.ensureImported();
        List<byte[]> bodies = new CopyOnWriteArrayList<>();
        List<String> signatures = new CopyOnWriteArrayList<>();
        List<String> deliveryIds = new CopyOnWriteArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            // the first call fails, so the delivery must be retried
            int status = calls.incrementAndGet() == 1 ? 503 : 204;
            if (status == 204) {
                bodies.add(body);
                signatures.add(exchange.getRequestHeaders().getFirst("X-Signature"));
                deliveryIds.add(exchange.getRequestHeaders().getFirst("X-Delivery-Id"));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        String webhookId = null;
        try (TopicProbe probe = TopicProbe.fromNow(bootstrapServers, "notifications.events")) {
            // a name the tests' resolver points at the receiver on loopback (see TestHostResolver)
            String url = "http://" + TestHostResolver.RECEIVER + ":" + server.getAddress().getPort() + "/hook";
            webhookId = given().contentType("application/json")
                    .body(Map.of("url", url, "unitId", CZJ.toString(), "secret", SECRET))
                    .when().post("/api/v1/notifications/webhooks")
                    .then().statusCode(201).body("secret", nullValue()).body("unitId", equalTo(CZJ.toString()))
                    .extract().path("id");
            given().when().get("/api/v1/notifications/webhooks").then().body("items.id", hasItem(webhookId));
            // kept encrypted: the database holds no usable secret
            assertThat(PostgresTestResource.count(jdbcUrl, "SELECT count(*) FROM webhook WHERE id = '" + webhookId
                    + "' AND secret LIKE 'aesgcm:%' AND strpos(secret, '" + SECRET + "') = 0")).isEqualTo(1);
            given().contentType("application/json").body(Map.of("date", "2022-12-30"))
                    .when().post("/api/v1/notifications/runs").then().statusCode(200);
            await().atMost(Duration.ofSeconds(30)).until(() -> bodies.size() == 1);
            String body = new String(bodies.get(0), StandardCharsets.UTF_8);
            assertThat(body).contains("附件1-3").contains("\"date\":\"2022-12-30\"");
            // the signature covers when it was made and which delivery it is, so a captured one cannot be replayed
            Instant now = Instant.now();
            assertThat(signatures.get(0)).matches("t=[0-9]+,sha256=[0-9a-f]{64}");
            assertThat(WebhookReceiverExample.verify(SECRET, signatures.get(0), deliveryIds.get(0), bodies.get(0), now))
                    .isTrue();
            assertThat(WebhookReceiverExample.verify(SECRET, signatures.get(0), deliveryIds.get(0), bodies.get(0),
                    now.plus(WebhookReceiverExample.TOLERANCE).plusSeconds(60))).as("an old signature").isFalse();
            assertThat(WebhookReceiverExample.verify(SECRET, signatures.get(0), UUID.randomUUID().toString(),
                    bodies.get(0), now)).as("another delivery id").isFalse();
            assertThat(WebhookReceiverExample.verify("another-secret-of-32-characters!", signatures.get(0),
                    deliveryIds.get(0), bodies.get(0), now)).as("another secret").isFalse();
            assertThat(calls.get()).isEqualTo(2);

            List<ConsumerRecord<String, String>> events = probe.awaitRecords(
                    r -> TopicProbe.json(r).path("payload").path("channel").asText().equals("WEBHOOK"), 2,
                    Duration.ofSeconds(30));
            assertThat(events).extracting(r -> TopicProbe.json(r).path("type").asText())
                    .containsExactly("DeliveryFailed", "DigestSent");
            events.forEach(e -> assertThat(EventSchemas.violations(SCHEMA, TopicProbe.json(e))).isEmpty());
        } finally {
            server.stop(0);
            if (webhookId != null) {
                given().when().delete("/api/v1/notifications/webhooks/" + webhookId).then().statusCode(204);
            }
        }
        given().contentType("application/json").body(Map.of("url", "ftp://x", "secret", "short"))
                .when().post("/api/v1/notifications/webhooks")
                .then().statusCode(400).body("errors.field", hasItem("url")).body("errors.field", hasItem("secret"));
    }

    @Test
    void unitsAcknowledgeTheirDigestsByApiOrByTheLinkInTheMail() throws Exception {
        HuzhouPlanFixture.ensureImported();
        given().contentType("application/json").body(Map.of("date", "2022-09-29"))
                .when().post("/api/v1/notifications/runs").then().statusCode(200);
        String id = given().queryParam("unitId", FGW).queryParam("unread", true).when().get("/api/v1/notifications")
                .then().statusCode(200).extract().path("items.find { it.date == '2022-09-29' }.id");
        String address = HuzhouPlanFixture.code(FGW) + "@huzhou.test";
        await().atMost(Duration.ofSeconds(30)).until(() ->
                HuzhouDigestsTest.messagesTo(SmtpTestResource.smtp(), address, "2022-09-29").size() == 1);
        String mail = HuzhouDigestsTest.text(
                HuzhouDigestsTest.messagesTo(SmtpTestResource.smtp(), address, "2022-09-29").get(0));
        Matcher link = Pattern.compile("/api/v1/notifications/" + id + "/ack\\?v=(\\d+)&exp=(\\d+)&token=([0-9a-f]+)")
                .matcher(mail);
        assertThat(link.find()).as("the mail carries its acknowledgement link").isTrue();

        try (TopicProbe probe = TopicProbe.fromNow(bootstrapServers, "notifications.events")) {
            given().queryParam("v", link.group(1)).queryParam("exp", link.group(2)).queryParam("token", "0".repeat(64))
                    .when().get("/api/v1/notifications/" + id + "/ack")
                    .then().statusCode(403).contentType("text/html");
            given().queryParam("v", link.group(1)).queryParam("exp", link.group(2)).queryParam("token", link.group(3))
                    .when().get("/api/v1/notifications/" + id + "/ack")
                    .then().statusCode(200).contentType("text/html");
            given().contentType(io.restassured.http.ContentType.URLENC).formParam("v", link.group(1))
                    .formParam("exp", link.group(2)).formParam("token", link.group(3))
                    .when().post("/api/v1/notifications/" + id + "/ack/confirm")
                    .then().statusCode(200).contentType("text/html");
            String first = given().when().get("/api/v1/notifications/" + id).then()
                    .body("acknowledgedAt", notNullValue()).extract().path("acknowledgedAt");
            given().when().post("/api/v1/notifications/" + id + "/ack").then().statusCode(200)
                    .body("acknowledgedAt", equalTo(first));
            List<ConsumerRecord<String, String>> events = probe.awaitRecordsWithKey(id, 1, Duration.ofSeconds(30));
            assertThat(TopicProbe.json(events.get(0)).path("type").asText()).isEqualTo("Acknowledged");
            assertThat(EventSchemas.violations(SCHEMA, TopicProbe.json(events.get(0))))
                    .isEmpty();
        }
        given().queryParam("unitId", FGW).queryParam("unread", true).when().get("/api/v1/notifications")
                .then().body("items.id", org.hamcrest.Matchers.not(hasItem(id)));
        given().when().post("/api/v1/notifications/" + java.util.UUID.randomUUID() + "/ack").then().statusCode(404);
    }

    @Test
    void thePolicyIsReadableAndReplaceable() {
        given().when().get("/api/v1/notifications/policy").then().statusCode(200)
                .body("calendarDaysBefore", equalTo(List.of(30, 7)))
                .body("workingDaysBefore", equalTo(List.of(3, 1)))
                .body("overdueRepeatEveryWorkingDays", equalTo(3))
                .body("escalateAfterWorkingDaysOverdue", equalTo(5));
        given().contentType("application/json").body(Map.of("calendarDaysBefore", List.of(-1), "workingDaysBefore", List.of(),
                        "onDeadlineDay", true, "overdueRepeatEveryWorkingDays", 0, "escalateAfterWorkingDaysOverdue", 5,
                        "quarterlyProgressForYearRound", true, "monthlyProgressForRecurring", true))
                .when().put("/api/v1/notifications/policy")
                .then().statusCode(400).body("errors.field", hasItem("overdueRepeatEveryWorkingDays"));
        given().when().get("/api/v1/notifications/policy").then().body("overdueRepeatEveryWorkingDays", equalTo(3));
        // replacing it with the same values is accepted and changes nothing the other tests rely on
        Map<String, Object> defaults = given().when().get("/api/v1/notifications/policy").then().extract().as(Map.class);
        given().contentType("application/json").body(defaults).when().put("/api/v1/notifications/policy")
                .then().statusCode(200).body("workingDaysBefore", equalTo(List.of(3, 1)));
        given().when().get("/api/v1/notifications/preview").then().statusCode(400);
        given().queryParam("unitId", "x").when().get("/api/v1/notifications").then().statusCode(400);
    }
}
