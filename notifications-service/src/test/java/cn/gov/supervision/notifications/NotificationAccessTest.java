package cn.gov.supervision.notifications;

import cn.gov.supervision.testkit.TestTokens;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static cn.gov.supervision.testkit.HuzhouUnits.*;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * Who may do what with notifications. A digest belongs to the unit it is addressed to: a unit's user reads and
 * acknowledges its own unit's digests only; viewers read everything and change nothing; supervisors also
 * acknowledge; only an administrator runs the job, sets the policy and the calendar, and manages webhooks. The link in
 * the e-mail is authorized by its own signature, without a bearer token.
 */
@QuarkusTest
class NotificationAccessTest {

    /** 9月底前 falls due: the lead units of those tasks (FGW, JSJ, GGB, WJW among them) each get a digest. */
    private static final String DAY = "2022-09-30";
    /** A day with reminders (one working day before 年底前) that no other test runs. */
    private static final String WEBHOOK_DAY = "2022-12-29";

    @BeforeAll
    static void actAsAdmin() {
        TestTokens.actAs(TestTokens.admin());
    }

    @Test
    void aUnitReadsAndAcknowledgesOnlyItsOwnUnitsNotifications() throws Exception {
        String own = digestOf(FGW);
        String other = digestOf(JSJ);

        as(TestTokens.unit(FGW)).when().get("/api/v1/notifications").then().statusCode(200)
                .body("items.unitId", everyItem(equalTo(FGW.toString())))
                .body("items.id", hasItem(own)).body("items.id", not(hasItem(other)));
        as(TestTokens.unit(FGW)).queryParam("unitId", FGW).when().get("/api/v1/notifications").then().statusCode(200)
                .body("items.id", hasItem(own));
        forbidden(as(TestTokens.unit(FGW)).queryParam("unitId", JSJ).when().get("/api/v1/notifications").then());
        forbidden(as(TestTokens.unit(FGW)).when().get("/api/v1/notifications/" + other).then());
        forbidden(as(TestTokens.unit(FGW)).when().post("/api/v1/notifications/" + other + "/ack").then());
        given().when().get("/api/v1/notifications/" + other).then().body("acknowledgedAt", nullValue());
        // what does not exist is not found, whoever asks
        as(TestTokens.unit(FGW)).when().get("/api/v1/notifications/" + UUID.randomUUID()).then().statusCode(404);
        as(TestTokens.unit(FGW)).when().post("/api/v1/notifications/" + UUID.randomUUID() + "/ack").then()
                .statusCode(404);
        // the preview lists every unit's reminders
        forbidden(as(TestTokens.unit(FGW)).queryParam("date", DAY)
                .when().get("/api/v1/notifications/preview").then());
        forbidden(as(TestTokens.unit(FGW)).contentType("application/json").body(Map.of("date", DAY))
                .when().post("/api/v1/notifications/runs").then());

        as(TestTokens.unit(FGW)).when().get("/api/v1/notifications/" + own).then().statusCode(200).body("unitId", equalTo(FGW.toString()));
        as(TestTokens.unit(FGW)).when().post("/api/v1/notifications/" + own + "/ack").then().statusCode(200)
                .body("acknowledgedAt", notNullValue());
        assertThat(HuzhouPlanFixture.count("SELECT count(*) FROM digest WHERE id = '" + own
                + "' AND acknowledged_by = 'test-unit-" + FGW + "'")).as("who acknowledged is kept").isEqualTo(1);
    }

    @Test
    void aViewerReadsEveryUnitsNotificationsButChangesNothing() throws Exception {
        String jsj = digestOf(JSJ);
        long everything = given().queryParam("size", 1).when().get("/api/v1/notifications").then().statusCode(200)
                .extract().jsonPath().getLong("total");
        as(TestTokens.viewer()).queryParam("size", 1).when().get("/api/v1/notifications").then().statusCode(200)
                .body("total", equalTo((int) everything));
        as(TestTokens.viewer()).when().get("/api/v1/notifications/" + jsj).then().statusCode(200);
        as(TestTokens.viewer()).queryParam("date", DAY).when().get("/api/v1/notifications/preview").then()
                .statusCode(200);
        as(TestTokens.viewer()).when().get("/api/v1/notifications/policy").then().statusCode(200);
        as(TestTokens.viewer()).when().get("/api/v1/calendar/2022").then().statusCode(200);

        forbidden(as(TestTokens.viewer()).when().post("/api/v1/notifications/" + jsj + "/ack").then());
        forbidden(as(TestTokens.viewer()).contentType("application/json")
                .body(Map.of("url", "http://127.0.0.1:9/hook", "secret", "a-webhook-secret-of-32-characters"))
                .when().post("/api/v1/notifications/webhooks").then());
        // webhooks hold their targets' URLs: not for readers either
        forbidden(as(TestTokens.viewer()).when().get("/api/v1/notifications/webhooks").then());
        forbidden(as(TestTokens.viewer()).contentType("application/json")
                .body(Map.of("days", List.of(Map.of("date", "2031-10-01", "kind", "HOLIDAY", "name", "国庆节"))))
                .when().put("/api/v1/calendar/2031").then());
        forbidden(as(TestTokens.viewer()).contentType("application/json").body(Map.of("date", DAY))
                .when().post("/api/v1/notifications/runs").then());
        Map<String, Object> policy = given().when().get("/api/v1/notifications/policy").then().extract().as(Map.class);
        forbidden(as(TestTokens.viewer()).contentType("application/json").body(policy)
                .when().put("/api/v1/notifications/policy").then());

        given().when().get("/api/v1/notifications/" + jsj).then().body("acknowledgedAt", nullValue());
        given().when().get("/api/v1/calendar/2031").then().body("arranged", equalTo(false));
    }

    @Test
    void aSupervisorAcknowledgesButOnlyAnAdministratorRunsTheJob() throws Exception {
        String ggb = digestOf(GGB);
        as(TestTokens.supervisor()).when().post("/api/v1/notifications/" + ggb + "/ack").then().statusCode(200)
                .body("acknowledgedAt", notNullValue());
        forbidden(as(TestTokens.supervisor()).contentType("application/json").body(Map.of("date", DAY))
                .when().post("/api/v1/notifications/runs").then());
        as(TestTokens.admin()).contentType("application/json").body(Map.of("date", DAY))
                .when().post("/api/v1/notifications/runs").then().statusCode(200)
                .body("digestsCreated", equalTo(0));
    }

    @Test
    void theLinkInTheMailNeedsNoBearerTokenButOnlyItsOwnSignatureWorks() throws Exception {
        String wjw = digestOf(WJW);
        String address = HuzhouPlanFixture.code(WJW) + "@huzhou.test";
        await().atMost(Duration.ofSeconds(30)).until(() ->
                HuzhouDigestsTest.messagesTo(SmtpTestResource.smtp(), address, DAY).size() == 1);
        String mail = HuzhouDigestsTest.text(HuzhouDigestsTest.messagesTo(SmtpTestResource.smtp(), address, DAY).get(0));
        Matcher link = Pattern.compile("/api/v1/notifications/" + wjw + "/ack\\?v=(\\d+)&exp=(\\d+)&token=([0-9a-f]+)")
                .matcher(mail);
        assertThat(link.find()).as("the mail carries its acknowledgement link").isTrue();

        TestTokens.anonymous().queryParam("v", link.group(1)).queryParam("exp", link.group(2))
                .queryParam("token", "f".repeat(64)).when().get("/api/v1/notifications/" + wjw + "/ack")
                .then().statusCode(403).contentType("text/html");
        TestTokens.anonymous().when().get("/api/v1/notifications/" + wjw + "/ack")
                .then().statusCode(403).contentType("text/html");
        given().when().get("/api/v1/notifications/" + wjw).then().body("acknowledgedAt", nullValue());
        TestTokens.anonymous().queryParam("v", link.group(1)).queryParam("exp", link.group(2))
                .queryParam("token", link.group(3)).when().get("/api/v1/notifications/" + wjw + "/ack")
                .then().statusCode(200).contentType("text/html");
        // opening the link shows the 签收 button; pressing it acknowledges
        given().when().get("/api/v1/notifications/" + wjw).then().body("acknowledgedAt", nullValue());
        TestTokens.anonymous().contentType(ContentType.URLENC).formParam("v", link.group(1))
                .formParam("exp", link.group(2)).formParam("token", link.group(3))
                .when().post("/api/v1/notifications/" + wjw + "/ack/confirm")
                .then().statusCode(200).contentType("text/html");
        given().when().get("/api/v1/notifications/" + wjw).then().body("acknowledgedAt", notNullValue());
    }

    @Test
    void withoutACredentialEverythingButTheMailLinkIs401() {
        for (String path : Set.of("/api/v1/notifications", "/api/v1/notifications/policy", "/api/v1/calendar/2022")) {
            TestTokens.anonymous().when().get(path).then().statusCode(401).contentType("application/problem+json")
                    .body("status", equalTo(401));
        }
        TestTokens.anonymous().when().post("/api/v1/notifications/" + UUID.randomUUID() + "/ack")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void webhookUrlsAndErrorsAreForWhoManagesWebhooksAndAUnitSeesOnlyDeliveriesThatConcernIt() throws Exception {
        HuzhouPlanFixture.ensureImported();
        AtomicBoolean failing = new AtomicBoolean(true);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(failing.get() ? 503 : 204, -1);
            exchange.close();
        });
        server.start();
        // webhook URLs often carry an access token of the receiving system
        String accessToken = "tok-" + UUID.randomUUID();
        String webhookId = null;
        try {
            webhookId = given().contentType("application/json")
                    .body(Map.of("url", "http://" + TestHostResolver.RECEIVER + ":" + server.getAddress().getPort()
                            + "/hook?access_token="
                            + accessToken, "secret", "a-webhook-secret-of-32-characters"))
                    .when().post("/api/v1/notifications/webhooks").then().statusCode(201).extract().path("id");
            int created = given().contentType("application/json").body(Map.of("date", WEBHOOK_DAY))
                    .when().post("/api/v1/notifications/runs").then().statusCode(200).extract().path("digestsCreated");
            assertThat(created).as("digests on %s", WEBHOOK_DAY).isPositive();
            String digest = given().queryParam("size", 100).when().get("/api/v1/notifications").then().statusCode(200)
                    .extract().path("items.find { it.date == '" + WEBHOOK_DAY + "' }.id");
            String path = "/api/v1/notifications/" + digest;
            UUID unit = UUID.fromString(given().when().get(path).then().extract().path("unitId"));

            // whoever manages webhooks sees where a delivery went and why it failed; webhooks other test classes
            // registered may take the same digest, so this one's delivery is the one whose target carries its token
            String ours = "deliveries.find { it.channel == 'WEBHOOK' && it.target?.contains('" + accessToken + "') }";
            await().atMost(Duration.ofSeconds(30)).until(() -> given().when().get(path).then().extract().jsonPath()
                    .getString(ours + ".lastError") != null);
            given().when().get(path).then().body(ours + ".target", containsString(accessToken));

            // the unit sees what concerns it (mail to its contacts, webhooks registered for the unit itself, which
            // other test classes may have made), nothing of a webhook that takes every unit's digests such as this one
            long unitsOwn = HuzhouPlanFixture.count("SELECT count(*) FROM delivery d JOIN webhook w ON w.id = d.webhook_id"
                    + " WHERE d.digest_id = '" + digest + "' AND w.unit_id = '" + unit + "'");
            long everyWebhook = HuzhouPlanFixture.count("SELECT count(*) FROM delivery WHERE digest_id = '" + digest
                    + "' AND webhook_id IS NOT NULL");
            assertThat(everyWebhook).as("this test's webhook took the digest").isGreaterThan(unitsOwn);
            String asUnit = as(TestTokens.unit(unit)).when().get(path).then().statusCode(200)
                    .body("deliveries.findAll { it.channel == 'WEBHOOK' }.size()", equalTo((int) unitsOwn))
                    .extract().asString();
            String unitsList = as(TestTokens.unit(unit)).when().get("/api/v1/notifications").then().statusCode(200)
                    .extract().asString();
            assertThat(asUnit + unitsList).doesNotContain(accessToken).doesNotContain(TestHostResolver.RECEIVER)
                    .doesNotContain("127.0.0.1");

            // a reader who may not manage webhooks sees that one was tried and how it went, not where nor the error
            String asViewer = as(TestTokens.viewer()).when().get(path).then().statusCode(200)
                    .body("deliveries.find { it.channel == 'WEBHOOK' }.status", notNullValue())
                    .body("deliveries.findAll { it.channel == 'WEBHOOK' }.target", everyItem(nullValue()))
                    .body("deliveries.findAll { it.channel == 'WEBHOOK' }.lastError", everyItem(nullValue()))
                    .extract().asString();
            assertThat(asViewer).doesNotContain(accessToken).doesNotContain(TestHostResolver.RECEIVER)
                    .doesNotContain("127.0.0.1");
        } finally {
            failing.set(false);
            if (webhookId != null) {
                // every delivery of this webhook succeeds before it goes, so that no retry outlives this test
                String sent = "SELECT count(*) FROM delivery WHERE webhook_id = '" + webhookId + "' AND status <> 'SENT'";
                await().atMost(Duration.ofSeconds(60)).until(() -> HuzhouPlanFixture.count(sent) == 0);
                given().when().delete("/api/v1/notifications/webhooks/" + webhookId).then().statusCode(204);
            }
            server.stop(0);
        }
    }

    /** The id of {@code unit}'s digest for {@link #DAY}; the first call imports the plan and runs the day. */
    private static String digestOf(UUID unit) throws Exception {
        HuzhouPlanFixture.ensureImported();
        // idempotent: only the first run of the day creates anything
        given().contentType("application/json").body(Map.of("date", DAY))
                .when().post("/api/v1/notifications/runs").then().statusCode(200);
        String id = given().queryParam("unitId", unit).when().get("/api/v1/notifications").then().statusCode(200)
                .extract().path("items.find { it.date == '" + DAY + "' }.id");
        assertThat(id).as("%s has a digest on %s", HuzhouPlanFixture.code(unit), DAY).isNotNull();
        return id;
    }

    private static RequestSpecification as(String token) {
        return given().header("Authorization", TestTokens.bearer(token));
    }

    private static void forbidden(ValidatableResponse response) {
        response.statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
    }
}
