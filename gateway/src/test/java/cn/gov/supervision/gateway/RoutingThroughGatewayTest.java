package cn.gov.supervision.gateway;

import cn.gov.supervision.gateway.support.GatewayClient;
import cn.gov.supervision.gateway.support.ServiceStackProfile;
import cn.gov.supervision.gateway.support.ServiceStackTestResource;
import cn.gov.supervision.testkit.HuzhouUnits;
import cn.gov.supervision.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/** Every route family reaches its real service through the gateway, and what the service says comes back unchanged. */
@QuarkusTest
@TestProfile(ServiceStackProfile.class)
class RoutingThroughGatewayTest {

    @BeforeAll
    static void actAsAdmin() {
        TestTokens.actAs(TestTokens.admin());
    }

    private static final String PROBLEM_JSON = "application/problem+json";

    @Test
    void unitsAreCreatedReadAndUpdatedWithLocationRewrittenAndETagsPassedThrough() {
        String code = "gw-" + UUID.randomUUID().toString().substring(0, 8);
        ExtractableResponse<Response> created = given().contentType(ContentType.JSON)
                .body(Map.of("code", code, "name", "网关测试单位", "kind", "ENTERPRISE"))
                .when().post("/api/v1/units")
                .then().statusCode(201)
                .header("ETag", matchesPattern("\"\\d+\""))
                .header("Location", startsWith(GatewayClient.gatewayUrl() + "/api/v1/units/"))
                .body("code", equalTo(code))
                .extract();
        String location = created.header("Location");
        String id = created.path("id");
        assertThat(location).isEqualTo(GatewayClient.gatewayUrl() + "/api/v1/units/" + id);

        String etag = given().when().get(location)
                .then().statusCode(200).contentType(ContentType.JSON).body("name", equalTo("网关测试单位"))
                .header("ETag", equalTo(created.header("ETag")))
                .extract().header("ETag");

        Map<String, Object> rename = Map.of("name", "网关测试单位（更名）", "kind", "ENTERPRISE");
        String newEtag = given().contentType(ContentType.JSON).header("If-Match", etag).body(rename)
                .when().put("/api/v1/units/" + id)
                .then().statusCode(200).body("name", equalTo("网关测试单位（更名）"))
                .header("ETag", not(equalTo(etag)))
                .extract().header("ETag");
        assertThat(newEtag).matches("\"\\d+\"");

        // the stale update's problem is exactly what the service answers itself
        String requestId = "stale-" + UUID.randomUUID();
        ExtractableResponse<Response> viaGateway = given().contentType(ContentType.JSON).header("If-Match", etag)
                .header("X-Request-Id", requestId).body(rename)
                .when().put("/api/v1/units/" + id)
                .then().statusCode(412).contentType(PROBLEM_JSON).extract();
        ExtractableResponse<Response> direct = given().baseUri(ServiceStackTestResource.units().baseUrl()).port(-1)
                .contentType(ContentType.JSON).header("If-Match", etag).header("X-Request-Id", requestId).body(rename)
                .when().put("/api/v1/units/" + id)
                .then().statusCode(412).extract();
        assertThat(viaGateway.header("Content-Type")).isEqualTo(direct.header("Content-Type"));
        assertThat(viaGateway.jsonPath().getMap("$")).isEqualTo(direct.jsonPath().getMap("$"))
                .containsEntry("requestId", requestId);
    }

    @Test
    void validationProblemsOfTheServicePassThroughUnchanged() {
        Map<String, Object> invalid = Map.of("code", "Not A Slug!", "name", "", "kind", "ENTERPRISE");
        ExtractableResponse<Response> viaGateway = given().contentType(ContentType.JSON).header("X-Request-Id", "bad-unit-1")
                .body(invalid).when().post("/api/v1/units")
                .then().statusCode(400).contentType(PROBLEM_JSON).extract();
        ExtractableResponse<Response> direct = given().baseUri(ServiceStackTestResource.units().baseUrl()).port(-1)
                .contentType(ContentType.JSON).header("X-Request-Id", "bad-unit-1")
                .body(invalid).when().post("/api/v1/units")
                .then().statusCode(400).extract();
        assertThat(viaGateway.jsonPath().getMap("$")).isEqualTo(direct.jsonPath().getMap("$"));
        assertThat(viaGateway.jsonPath().getList("errors.field")).contains("code", "name");
    }

    @Test
    void locationFollowsTheAddressTheClientUsedBehindAnotherProxy() {
        String code = "gw-" + UUID.randomUUID().toString().substring(0, 8);
        given().contentType(ContentType.JSON)
                .header("X-Forwarded-Host", "ducha.huzhou.gov.cn")
                .header("X-Forwarded-Proto", "https")
                .body(Map.of("code", code, "name", "代理后单位", "kind", "ENTERPRISE"))
                .when().post("/api/v1/units")
                .then().statusCode(201)
                .header("Location", startsWith("https://ducha.huzhou.gov.cn/api/v1/units/"));
    }

    @Test
    void plansTasksAndStatsReachTasksService() {
        String plan = given().contentType(ContentType.JSON)
                .body(Map.of("title", "网关测试计划", "year", 2031, "issuer", "湖州市人民政府办公室"))
                .when().post("/api/v1/plans")
                .then().statusCode(201)
                .header("Location", startsWith(GatewayClient.gatewayUrl() + "/api/v1/plans/"))
                .header("ETag", notNullValue())
                .extract().path("id");
        given().when().get("/api/v1/plans/" + plan).then().statusCode(200).body("title", equalTo("网关测试计划"));

        Map<String, Object> task = new HashMap<>();
        task.put("planId", plan);
        task.put("code", "GW-1");
        task.put("category", "KEY_TASK");
        task.put("title", "经网关创建的任务");
        task.put("leadUnitIds", List.of(HuzhouUnits.FGW));
        task.put("deadline", Map.of("text", "9月底前", "kind", "DATE", "dueDate", "2031-09-30"));
        // the reference units reach tasks-service through Kafka after start: wait until it knows 市发展改革委
        String[] taskId = new String[1];
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
            Response response = given().contentType(ContentType.JSON).body(task).when().post("/api/v1/tasks");
            if (response.statusCode() == 201) {
                taskId[0] = response.path("id");
                assertThat(response.header("Location")).startsWith(GatewayClient.gatewayUrl() + "/api/v1/tasks/");
                return true;
            }
            return false;
        });
        given().when().get("/api/v1/tasks/" + taskId[0])
                .then().statusCode(200).header("ETag", notNullValue()).body("title", equalTo("经网关创建的任务"));

        given().queryParam("planId", plan).when().get("/api/v1/stats/units")
                .then().statusCode(200).body("items[0].unitId", equalTo(HuzhouUnits.FGW.toString()))
                .body("items[0].total", equalTo(1));
    }

    @Test
    void calendarRoutesToNotificationsService() {
        given().queryParam("from", "2022-10-01").queryParam("to", "2022-10-09")
                .when().get("/api/v1/calendar/workdays")
                .then().statusCode(200).contentType(ContentType.JSON).body("workdays", equalTo(2));
    }

    @Test
    void requestIdIsEchoedAndReachesTheService() {
        String missing = UUID.randomUUID().toString();
        given().header("X-Request-Id", "trace-42.a:b")
                .when().get("/api/v1/units/" + missing)
                .then().statusCode(404).contentType(PROBLEM_JSON)
                .header("X-Request-Id", "trace-42.a:b")
                // the service's own problem quotes the id it received
                .body("requestId", equalTo("trace-42.a:b"));

        ExtractableResponse<Response> unsafe = given().header("X-Request-Id", "<script>alert(1)</script>")
                .when().get("/api/v1/units/" + missing)
                .then().statusCode(404).extract();
        assertThat(unsafe.header("X-Request-Id")).matches("[0-9a-f-]{36}");
        assertThat(unsafe.headers().getValues("X-Request-Id")).hasSize(1);
        assertThat(unsafe.<String>path("requestId")).isEqualTo(unsafe.header("X-Request-Id"));
    }

    @Test
    void pathsNoServiceServesAreProblemsOfTheGateway() {
        given().when().get("/api/v1/nothing-here")
                .then().statusCode(404).contentType(PROBLEM_JSON)
                .header("X-Request-Id", notNullValue())
                .body("type", equalTo("https://supervision.example.gov.cn/problems/not-found"));
    }

    @Test
    void oversizedBodiesAreRefusedBeforeReachingTheService() {
        byte[] justOverOneMegabyte = new byte[1024 * 1024 + 1];
        given().contentType(ContentType.JSON).body(justOverOneMegabyte)
                .when().post("/api/v1/units")
                .then().statusCode(413).contentType(PROBLEM_JSON)
                .body("status", equalTo(413))
                .body("detail", equalTo("The request body exceeds the limit of 1 MB for POST /api/v1/units"));
        // the refused body was read to its end, so the gateway carries on (on the same connection, too)
        given().when().get("/api/v1/units/" + HuzhouUnits.FGW).then().statusCode(200);
    }

    @Test
    void proxiedRequestsAreCountedPerRouteNotPerId() {
        given().when().get("/api/v1/units/" + HuzhouUnits.FGW + "/members").then().statusCode(409);
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("uri=\"/api/v1/units/{id}/members\"").doesNotContain(HuzhouUnits.FGW.toString());
    }

    @Test
    void securityHeadersAreOnProxiedAndOwnResponses() {
        for (String path : List.of("/api/v1/units/" + HuzhouUnits.FGW, "/q/health/live", "/api/v1/nothing-here")) {
            given().when().get(path).then()
                    .header("X-Content-Type-Options", "nosniff")
                    .header("X-Frame-Options", "DENY")
                    .header("Content-Security-Policy", "frame-ancestors 'none'")
                    .header("Referrer-Policy", "no-referrer");
        }
    }

    @Test
    void corsPreflightIsAnsweredForConfiguredOriginsOnly() {
        given().header("Origin", "http://localhost:3000")
                .header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "content-type,if-match")
                .when().options("/api/v1/units/" + HuzhouUnits.FGW)
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:3000")
                .header("Access-Control-Allow-Methods", containsString("PUT"))
                .header("Access-Control-Allow-Headers", containsStringIgnoringCase("if-match"))
                .header("Access-Control-Max-Age", "3600");

        given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "DELETE")
                .when().options("/api/v1/units/" + HuzhouUnits.FGW)
                .then().statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());

        // a real request from the front end may read the ETag and Location
        given().header("Origin", "http://localhost:3000")
                .when().get("/api/v1/units/" + HuzhouUnits.FGW)
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:3000")
                .header("Access-Control-Expose-Headers", containsString("ETag"));
    }
}
