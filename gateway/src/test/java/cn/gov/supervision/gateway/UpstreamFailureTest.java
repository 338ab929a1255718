package cn.gov.supervision.gateway;

import cn.gov.supervision.gateway.support.StubUpstreams;
import cn.gov.supervision.gateway.support.StubUpstreamsProfile;
import cn.gov.supervision.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * A service that is down (units: nobody listens) or hangs (notifications: accepts and never answers) costs the
 * client a prompt problem that names it, never a hang, a bare 502 or an HTML page; and the circuit opens.
 */
@QuarkusTest
@TestProfile(StubUpstreamsProfile.class)
class UpstreamFailureTest {

    @BeforeAll
    static void actAsAdmin() {
        TestTokens.actAs(TestTokens.admin());
    }

    private static final String PROBLEM_JSON = "application/problem+json";

    @Test
    void aStoppedServiceGivesA503AndTheCircuitOpensAfterRepeatedFailures() {
        long started = System.nanoTime();
        given().header("X-Request-Id", "down-1").when().get("/api/v1/units")
                .then().statusCode(503).contentType(PROBLEM_JSON)
                .header("X-Request-Id", "down-1")
                .body("upstream", equalTo("units-service"))
                .body("requestId", equalTo("down-1"))
                .body("detail", equalTo("units-service is unavailable: no replica accepts connections"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));

        // the failures fill the circuit's window; then requests are held back without trying the service
        Response heldBack = null;
        for (int i = 1; i <= StubUpstreamsProfile.UNITS_FAILURES_TO_OPEN + 1 && heldBack == null; i++) {
            Response response = given().when().get("/api/v1/units/" + i);
            assertThat(response.statusCode()).isEqualTo(503);
            if (response.<String>path("detail").contains("holds requests back")) {
                heldBack = response;
            }
        }
        assertThat(heldBack).as("the circuit opened").isNotNull();
        assertThat(heldBack.contentType()).startsWith(PROBLEM_JSON);
        assertThat(Integer.parseInt(heldBack.header("Retry-After"))).isBetween(1, 2);
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'upstream units-service' }.data.circuit", equalTo("OPEN"));

        // after the delay one trial request goes through again (and fails again, the port is still closed)
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200)).until(() ->
                given().when().get("/api/v1/units").path("detail").toString().contains("no replica accepts"));
    }

    @Test
    void aHangingServiceGivesA504WithinItsTimeout() {
        long started = System.nanoTime();
        given().queryParam("from", "2022-10-01").queryParam("to", "2022-10-09")
                .when().get("/api/v1/calendar/workdays")
                .then().statusCode(504).contentType(PROBLEM_JSON)
                .body("upstream", equalTo("notifications-service"))
                .body("detail", equalTo("notifications-service did not answer within 1000 ms"))
                .body("instance", equalTo("/api/v1/calendar/workdays"));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(950)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void readinessReportsEachServiceWithoutFailingTheGateway() {
        given().when().get("/q/health/ready")
                .then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.find { it.name == 'upstream units-service' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'upstream units-service' }.data.reachable", equalTo(false))
                .body("checks.find { it.name == 'upstream notifications-service' }.data.reachable", equalTo(false))
                .body("checks.find { it.name == 'upstream tasks-service' }.data.reachable", equalTo(true));
        given().when().get("/q/health/group/upstreams")
                .then().statusCode(503).body("status", equalTo("DOWN"))
                .body("checks[0].data.'units-service'", containsString("DOWN"))
                .body("checks[0].data.'tasks-service'", containsString("UP"));
    }

    @Test
    void healthNamesServicesButNoInternalAddressToAnyone() {
        for (String path : List.of("/q/health", "/q/health/ready", "/q/health/group/upstreams")) {
            String body = TestTokens.anonymous().when().get(path).then().extract().asString();
            assertThat(body).as(path).contains("units-service")
                    .doesNotContain("127.0.0.1").doesNotContain("localhost").doesNotContain("http://")
                    .doesNotContainIgnoringCase("connection refused");
        }
        given().when().get("/q/health/ready").then()
                .body("checks.find { it.name == 'upstream tasks-service' }.data.replicasReady", equalTo("1 of 1"))
                .body("checks.find { it.name == 'upstream units-service' }.data.replicasReady", equalTo("0 of 1"));
    }

    @Test
    void theDocumentShowsARedeployedServiceWithoutRestartingTheGatewayAndNamesTheMissingOnes() {
        StubUpstreams.redeployApi(1);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250)).until(() ->
                given().when().get("/q/openapi").then().statusCode(200).extract().jsonPath()
                        .getMap("paths").containsKey("/api/v1/plans/v1"));
        given().when().get("/q/openapi").then().statusCode(200)
                .body("info.description", containsString("units-service: unavailable"))
                .body("info.description", containsString("notifications-service: unavailable"))
                .body("paths.'/api/v1/plans/v1'.get.tags[0]", equalTo("tasks-service: plans"));

        StubUpstreams.redeployApi(2);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250)).until(() -> {
            Map<String, Object> paths = given().when().get("/q/openapi").then().statusCode(200).extract().jsonPath()
                    .getMap("paths");
            return paths.containsKey("/api/v1/plans/v2") && !paths.containsKey("/api/v1/plans/v1");
        });
    }
}
