package cn.gov.supervision.gateway;

import cn.gov.supervision.gateway.support.GatewayClient;
import cn.gov.supervision.gateway.support.StubUpstreams;
import cn.gov.supervision.gateway.support.StubUpstreamsProfile;
import cn.gov.supervision.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * What the gateway sends on, seen from a service that echoes it: forwarding headers, the request id, the body byte
 * for byte (streamed, up to the route's limit), and the gateway's hardening headers on the way back.
 */
@QuarkusTest
@TestProfile(StubUpstreamsProfile.class)
class ForwardingThroughGatewayTest {

    @BeforeAll
    static void actAsAdmin() {
        TestTokens.actAs(TestTokens.admin());
    }

    private static final int MEGABYTE = 1024 * 1024;

    @Test
    void forwardingHeadersAndTheRequestIdReachTheService() {
        JsonPath echoed = given().header("X-Request-Id", "fwd-1").header("X-Forwarded-For", "203.0.113.9")
                .when().get("/api/v1/plans?year=2022")
                .then().statusCode(200).header("X-Request-Id", "fwd-1").extract().jsonPath();
        assertThat(echoed.getString("uri")).isEqualTo("/api/v1/plans?year=2022");
        assertThat(echoed.getString("requestId")).isEqualTo("fwd-1");
        assertThat(echoed.getString("forwardedFor")).isEqualTo("203.0.113.9, 127.0.0.1");
        assertThat(echoed.getString("forwardedProto")).isEqualTo("http");
        assertThat(echoed.getString("forwardedHost")).isEqualTo(GatewayClient.gatewayUrl().substring("http://".length()));
        assertThat(echoed.getString("host")).isEqualTo(StubUpstreams.countingUrl().substring("http://".length()));
    }

    @Test
    void forwardingHeadersFromAPeerThatIsNoTrustedProxyCountForNothing() throws Exception {
        // 127.0.0.1 is the trusted proxy of this profile; 127.0.0.2 is a client that only claims to be behind one
        GatewayClient.RawResponse echoed = GatewayClient.fromAddress("127.0.0.2",
                "GET /api/v1/plans?year=2022 HTTP/1.1\r\nAuthorization: " + TestTokens.bearer(TestTokens.admin())
                        + "\r\nX-Forwarded-For: 203.0.113.9\r\nX-Forwarded-Host: evil.example"
                        + "\r\nX-Forwarded-Proto: https\r\n");
        assertThat(echoed.status()).isEqualTo(200);
        assertThat(echoed.body()).contains("\"forwardedFor\":\"127.0.0.2\"")
                .contains("\"forwardedProto\":\"http\"")
                .contains("\"forwardedHost\":\"localhost:" + RestAssured.port + "\"")
                .doesNotContain("203.0.113.9").doesNotContain("evil.example");

        GatewayClient.RawResponse document = GatewayClient.fromAddress("127.0.0.2",
                "GET /q/openapi?format=json HTTP/1.1\r\nX-Forwarded-Host: evil.example\r\nX-Forwarded-Proto: https\r\n");
        assertThat(document.status()).isEqualTo(200);
        assertThat(document.body()).contains("http://localhost:" + RestAssured.port).doesNotContain("evil.example");
        // the same headers from the trusted proxy are honoured
        given().header("X-Forwarded-Host", "ducha.huzhou.gov.cn").header("X-Forwarded-Proto", "https")
                .queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).body("servers[0].url", equalTo("https://ducha.huzhou.gov.cn"));
    }

    @Test
    void anOversizedRequestLineIsAProblemNotABare414() {
        given().queryParam("q", "长".repeat(3_000)).when().get("/api/v1/plans")
                .then().statusCode(414).contentType("application/problem+json")
                .body("status", equalTo(414))
                .body("type", equalTo("https://supervision.example.gov.cn/problems/uri-too-long"));
    }

    @Test
    void dotSegmentsAreResolvedBeforeRoutingAndForwarding() {
        given().urlEncodingEnabled(false).when().get("/api/v1/units/../plans/x")
                .then().statusCode(200).body("uri", equalTo("/api/v1/plans/x"));
    }

    @Test
    void theImportRouteTakesTwoMegabytesButNotTwentyOne() {
        given().contentType("application/octet-stream").body(new byte[2 * MEGABYTE])
                .when().post("/api/v1/plans/import")
                .then().statusCode(200).body("received", equalTo(2 * MEGABYTE));

        int before = StubUpstreams.bodiesReceived();
        given().contentType("application/octet-stream").body(new byte[21 * MEGABYTE])
                .when().post("/api/v1/plans/import")
                .then().statusCode(413).contentType("application/problem+json")
                .body("detail", equalTo("The request body exceeds the limit of 20 MB for POST /api/v1/plans/import"));
        assertThat(StubUpstreams.bodiesReceived()).isEqualTo(before);
    }

    @Test
    void bodiesOfUndeclaredLengthStreamThroughUpToTheLimit() throws Exception {
        HttpResponse<String> accepted = GatewayClient.postChunked("/api/v1/plans/import", 3 * MEGABYTE);
        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(JsonPath.from(accepted.body()).getInt("received")).isEqualTo(3 * MEGABYTE);

        int before = StubUpstreams.bodiesReceived();
        HttpResponse<String> refused = GatewayClient.postChunked("/api/v1/plans", 2 * MEGABYTE);
        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JsonPath.from(refused.body()).getString("detail"))
                .isEqualTo("The request body exceeds the limit of 1 MB for POST /api/v1/plans");
        assertThat(StubUpstreams.bodiesReceived()).as("the service never got a whole body").isEqualTo(before);
    }

    @Test
    void aClientAskingForLeaveToSendIsToldToContinueByTheGateway() throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> response = GatewayClient.postExpectingContinue("/api/v1/plans", 64 * 1024);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JsonPath.from(response.body()).getInt("received")).isEqualTo(64 * 1024);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void hardeningHeadersIncludeStrictTransportSecurityWhenConfigured() {
        given().contentType(ContentType.JSON).when().get("/api/v1/plans")
                .then().statusCode(200)
                .header("Keep-Alive", nullValue())
                .header("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Type", startsWith("application/json"));
    }
}
