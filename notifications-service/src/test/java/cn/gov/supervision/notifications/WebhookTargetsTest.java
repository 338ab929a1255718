package cn.gov.supervision.notifications;

import cn.gov.supervision.kit.security.Claims;
import cn.gov.supervision.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import static cn.gov.supervision.notifications.TestHostResolver.RECEIVER;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Webhooks cannot be turned against the network this service runs in (server-side request forgery): https only, and
 * public addresses only, checked at registration and again at every delivery, connecting to exactly the address
 * checked; no redirects; and no raw connection error for anyone but administrators. Every name here is answered by
 * {@link TestHostResolver}: nothing is looked up, and nothing is sent anywhere but to receivers on loopback.
 */
@QuarkusTest
class WebhookTargetsTest {

    private static final String SECRET = "a-webhook-secret-of-32-characters";
    private static final String WEBHOOKS = "/api/v1/notifications/webhooks";
    private static final String REFUSED = "https://supervision.example.gov.cn/problems/webhook-target-refused";
    /** Days no other test runs, so that the webhooks registered here get their deliveries. */
    private static final String REBINDING_DAY = "2022-10-24";
    private static final String RAW_ERROR_DAY = "2022-09-21";

    @BeforeAll
    static void actAsAdmin() {
        TestTokens.actAs(TestTokens.admin());
    }

    @Test
    void internalAddressesAreRefusedAtRegistrationHoweverSpelt() throws Exception {
        TestHostResolver.answer("metadata.test", "169.254.169.254");
        TestHostResolver.answer("mapped.test", "::ffff:127.0.0.1");
        TestHostResolver.answer("aliyun-metadata.test", "100.100.100.200");
        TestHostResolver.answer("half-private.test", "203.0.113.7", "10.1.2.3");
        TestHostResolver.answer("loopback.test", "127.0.0.1");
        TestHostResolver.answer("public.test", "203.0.113.7");
        try {
            long webhooks = HuzhouPlanFixture.count("SELECT count(*) FROM webhook");
            List<String> internal = List.of(
                    // cloud metadata services: the usual one, in decimal, octal and hex, IPv6-mapped; Alibaba Cloud's
                    "https://169.254.169.254/latest/meta-data/", "https://2852039166/", "https://0251.0376.0251.0376/",
                    "https://0xa9fea9fe/", "https://[::ffff:169.254.169.254]/", "https://100.100.100.200/",
                    "https://[fd00:ec2::254]/",
                    // this machine, however written
                    "https://127.0.0.1/", "https://127.1/", "https://2130706433/", "https://0177.0.0.1/",
                    "https://0x7f.0.0.1/", "https://0x7f000001/", "https://[::1]/", "https://[::ffff:7f00:1]/",
                    "https://[0:0:0:0:0:ffff:127.0.0.1]/", "https://0.0.0.0/", "https://0/", "https://[::]/",
                    "https://localhost/",
                    // private, link-local, multicast, broadcast
                    "https://10.0.0.1/", "https://172.16.5.4/", "https://192.168.1.1/", "https://[fe80::1]/",
                    "https://[fc00::1]/", "https://224.0.0.1/", "https://255.255.255.255/", "https://[ff02::1]/",
                    // names whose addresses are internal (one internal answer among public ones is enough)
                    "https://metadata.test/", "https://mapped.test/", "https://aliyun-metadata.test/",
                    "https://half-private.test/", "https://METADATA.test./",
                    // loopback only for the names the test-only setting lists: any other name is refused
                    "https://loopback.test/",
                    // numbers that are no address, credentials that could hide the host
                    "https://256.0.0.1/", "https://1.2.3.4.5/", "https://user:pw@public.test/",
                    "https://public.test@169.254.169.254/");
            for (String url : internal) {
                ExtractableResponse<Response> answer = given().contentType("application/json")
                        .body(Map.of("url", url, "secret", SECRET)).when().post(WEBHOOKS).then().extract();
                if (answer.statusCode() == 201) {
                    // removed at once, before any run could make this service send to it
                    given().when().delete(WEBHOOKS + "/" + answer.path("id")).then().statusCode(204);
                }
                assertThat(answer.statusCode()).as("registering %s", url).isEqualTo(422);
                assertThat(answer.contentType()).startsWith("application/problem+json");
                assertThat(answer.<String>path("type")).isEqualTo(REFUSED);
            }
            // plain http only for the hosts allowed it, however public the address
            given().contentType("application/json").body(Map.of("url", "http://public.test/hook", "secret", SECRET))
                    .when().post(WEBHOOKS)
                    .then().statusCode(422).body("type", equalTo(REFUSED)).body("detail", containsString("https"));
            given().contentType("application/json")
                    .body(Map.of("url", "http://127.0.0.1:" + freePort() + "/hook", "secret", SECRET))
                    .when().post(WEBHOOKS).then().statusCode(422).body("type", equalTo(REFUSED));
            assertThat(HuzhouPlanFixture.count("SELECT count(*) FROM webhook")).isEqualTo(webhooks);

            // a public https URL is accepted; removed again before any run could deliver to it
            String id = given().contentType("application/json")
                    .body(Map.of("url", "https://public.test/digest?token=t", "secret", SECRET))
                    .when().post(WEBHOOKS).then().statusCode(201).extract().path("id");
            given().when().delete(WEBHOOKS + "/" + id).then().statusCode(204);
        } finally {
            List.of("metadata.test", "mapped.test", "aliyun-metadata.test", "half-private.test", "loopback.test",
                    "public.test").forEach(TestHostResolver::forget);
        }
    }

    @Test
    void deliveryChecksTheAddressAgainConnectsToTheOneCheckedAndFollowsNoRedirect() throws Exception {
        HuzhouPlanFixture.ensureImported();
        UUID unit = unitWithADigestOn(REBINDING_DAY);
        AtomicBoolean redirected = new AtomicBoolean();
        TestHostResolver.answer("rebind.test", "127.0.0.1");
        String webhookId = null;
        try (LoopbackReceiver receiver = LoopbackReceiver.start(request -> request.path().equals("/hook")
                && redirected.compareAndSet(false, true)
                ? LoopbackReceiver.Reply.redirectTo("/elsewhere") : LoopbackReceiver.Reply.of(204))) {
            webhookId = register(receiver.url("rebind.test", "/hook"), unit);
            // after registration the name is pointed at the metadata service (DNS rebinding)
            TestHostResolver.answer("rebind.test", "169.254.169.254");
            String digest = runAndFindDigest(REBINDING_DAY, unit);
            String delivery = "SELECT count(*) FROM delivery_attempt a JOIN delivery d ON d.id = a.delivery_id "
                    + "WHERE d.webhook_id = '" + webhookId + "' AND d.digest_id = '" + digest + "' AND ";
            await().atMost(Duration.ofSeconds(30)).until(() -> HuzhouPlanFixture.count(delivery
                    + "a.error LIKE 'webhook address refused: rebind.test is not a public address%169.254.169.254%'")
                    > 0);
            assertThat(receiver.requests()).as("nothing sent after the name changed").isEmpty();

            // pointed back: delivered, to the address checked, under the URL's host name, and never redirected
            TestHostResolver.answer("rebind.test", "127.0.0.1");
            await().atMost(Duration.ofSeconds(30)).until(() -> HuzhouPlanFixture.count(delivery + "a.succeeded") == 1);
            assertThat(HuzhouPlanFixture.count(delivery + "a.error = 'webhook answered 302 (redirects are not followed)'"))
                    .isEqualTo(1);
            assertThat(receiver.requestsTo("/elsewhere")).isEmpty();
            List<LoopbackReceiver.Request> received = receiver.requestsTo("/hook");
            assertThat(received).hasSize(2);
            for (LoopbackReceiver.Request request : received) {
                assertThat(request.header("Host")).isEqualTo("rebind.test:" + receiver.port());
                assertThat(request.header("Idempotency-Key")).isEqualTo(request.header("X-Delivery-Id"));
                assertThat(WebhookReceiverExample.verify(SECRET, request.header("X-Signature"),
                        request.header("X-Delivery-Id"), request.body(), Instant.now())).isTrue();
            }
        } finally {
            TestHostResolver.forget("rebind.test");
            if (webhookId != null) {
                given().when().delete(WEBHOOKS + "/" + webhookId).then().statusCode(204);
            }
        }
    }

    @Test
    void onlyAdministratorsReadRawConnectionErrors() throws Exception {
        HuzhouPlanFixture.ensureImported();
        UUID unit = unitWithADigestOn(RAW_ERROR_DAY);
        int closedPort = freePort();
        String webhookId = register("http://" + RECEIVER + ":" + closedPort + "/hook", unit);
        try {
            String path = "/api/v1/notifications/" + runAndFindDigest(RAW_ERROR_DAY, unit);
            String webhookError = "deliveries.find { it.channel == 'WEBHOOK' }.lastError";
            // an administrator reads what happened, down to the address and port (below)
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    given().when().get(path).then().extract().jsonPath().getString(webhookError) != null);
            // an API key that may manage webhooks sees where it went and that it failed, not the connection error
            api(List.of("notifications:read", "notifications:write")).when().get(path).then().statusCode(200)
                    .body("deliveries.find { it.channel == 'WEBHOOK' }.target", containsString(RECEIVER))
                    .body(webhookError, equalTo("webhook unreachable"));
            given().when().get(path).then().body(webhookError, containsString("127.0.0.1:" + closedPort));
        } finally {
            // a receiver on that port at last, so that no retry outlives this test
            try (LoopbackReceiver receiver = LoopbackReceiver.on(closedPort, request -> LoopbackReceiver.Reply.of(204))) {
                String unsent = "SELECT count(*) FROM delivery WHERE webhook_id = '" + webhookId + "' AND status <> 'SENT'";
                await().atMost(Duration.ofSeconds(60)).until(() -> HuzhouPlanFixture.count(unsent) == 0);
            }
            given().when().delete(WEBHOOKS + "/" + webhookId).then().statusCode(204);
        }
    }

    private static String register(String url, UUID unit) {
        return given().contentType("application/json").body(Map.of("url", url, "unitId", unit.toString(), "secret", SECRET))
                .when().post(WEBHOOKS).then().statusCode(201).extract().path("id");
    }

    /** A unit that the day's job will write to on {@code day} (before it runs: the webhook must exist first). */
    private static UUID unitWithADigestOn(String day) {
        String unit = given().queryParam("date", day).when().get("/api/v1/notifications/preview").then()
                .statusCode(200).extract().path("[0].unit.id");
        assertThat(unit).as("someone is reminded on %s", day).isNotNull();
        return UUID.fromString(unit);
    }

    private static String runAndFindDigest(String day, UUID unit) {
        given().contentType("application/json").body(Map.of("date", day))
                .when().post("/api/v1/notifications/runs").then().statusCode(200).body("digestsCreated",
                        org.hamcrest.Matchers.greaterThan(0));
        return given().queryParam("unitId", unit).when().get("/api/v1/notifications").then().statusCode(200)
                .extract().path("items.find { it.date == '" + day + "' }.id");
    }

    /** A caller as the gateway makes one for an API key: exactly the key's scopes, no role. */
    private static RequestSpecification api(List<String> scopes) {
        String token = Jwt.issuer(TestTokens.ISSUER).audience(TestTokens.AUDIENCE).subject("api-key:test")
                .claim(Claims.API_KEY_ID, UUID.randomUUID().toString()).claim(Claims.SCOPE, String.join(" ", scopes))
                .expiresAt(Instant.now().plus(Duration.ofHours(1))).jws().keyId("test").sign(TestTokens.privateKey());
        return given().header("Authorization", TestTokens.bearer(token));
    }

    /** A loopback port nothing listens on (just now). */
    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
