package cn.gov.supervision.gateway;

import cn.gov.supervision.gateway.support.GatewayClient;
import cn.gov.supervision.gateway.support.GatewayTestResource;
import cn.gov.supervision.gateway.support.ServiceStackProfile;
import cn.gov.supervision.gateway.support.TaskFixtures;
import cn.gov.supervision.testkit.HuzhouUnits;
import cn.gov.supervision.testkit.PostgresTestResource;
import cn.gov.supervision.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * API keys: issued and revoked by an admin at the gateway, exchanged at the edge for a token the real services
 * verify, which then grants exactly the key's scopes (confined to its unit when it is bound to one).
 */
@QuarkusTest
@TestProfile(ServiceStackProfile.class)
class ApiKeysTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    @BeforeAll
    static void actAsAdmin() {
        TestTokens.actAs(TestTokens.admin());
    }

    @Test
    void anAdminIssuesAKeyWhoseSecretIsShownOnceAndStoredOnlyAsAHash() throws Exception {
        ExtractableResponse<Response> created = given().contentType(ContentType.JSON)
                .body(Map.of("name", "省督查系统", "scopes", List.of("tasks:read", "units:read"), "unitId", HuzhouUnits.FGW))
                .when().post("/api/v1/api-keys")
                .then().statusCode(201)
                .header("Location", startsWith(GatewayClient.gatewayUrl() + "/api/v1/api-keys/"))
                .header("Cache-Control", "no-store")
                .body("name", equalTo("省督查系统"))
                .body("scopes", equalTo(List.of("tasks:read", "units:read")))
                .body("unitId", equalTo(HuzhouUnits.FGW.toString()))
                .body("createdBy", equalTo("test-admin"))
                .body("revokedAt", nullValue())
                .extract();
        String secret = created.path("secret");
        String id = created.path("id");
        assertThat(secret).matches("sk_[A-Za-z0-9_-]{43}"); // 256 random bits
        assertThat(created.<String>path("prefix")).isEqualTo(secret.substring(0, 11));
        assertThat(created.header("Location")).endsWith("/api/v1/api-keys/" + id);

        String listed = given().when().get("/api/v1/api-keys")
                .then().statusCode(200).body("items.id", hasItem(id)).extract().asString();
        String fetched = given().when().get("/api/v1/api-keys/" + id)
                .then().statusCode(200).body("prefix", equalTo(secret.substring(0, 11)))
                .body("secret", nullValue()).extract().asString();
        assertThat(listed).doesNotContain(secret.substring(11)).doesNotContain("\"secret\"");
        assertThat(fetched).doesNotContain(secret.substring(11));

        String jdbc = PostgresTestResource.jdbcUrl(GatewayTestResource.DATABASE);
        assertThat(PostgresTestResource.count(jdbc, "SELECT count(*) FROM api_key WHERE id = '" + id
                + "' AND secret_hash = '" + sha256(secret) + "'")).isEqualTo(1);
        // the secret itself is nowhere in the row
        assertThat(PostgresTestResource.count(jdbc, "SELECT count(*) FROM api_key WHERE id = '" + id
                + "' AND position('" + secret.substring(11) + "' in api_key::text) > 0")).isZero();
    }

    @Test
    void onlyAnAdminManagesKeys() {
        String id = given().contentType(ContentType.JSON).body(Map.of("name", "k", "scopes", List.of("tasks:read")))
                .when().post("/api/v1/api-keys").then().statusCode(201).extract().path("id");
        for (String token : List.of(TestTokens.viewer(), TestTokens.supervisor(), TestTokens.unit(HuzhouUnits.FGW))) {
            RequestSpecification as = given().header("Authorization", TestTokens.bearer(token));
            as.contentType(ContentType.JSON).body(Map.of("name", "x", "scopes", List.of("tasks:read")))
                    .when().post("/api/v1/api-keys").then().statusCode(403).contentType(PROBLEM_JSON);
            given().header("Authorization", TestTokens.bearer(token)).when().get("/api/v1/api-keys")
                    .then().statusCode(403).contentType(PROBLEM_JSON);
            given().header("Authorization", TestTokens.bearer(token)).when().delete("/api/v1/api-keys/" + id)
                    .then().statusCode(403);
        }
        TestTokens.anonymous().contentType(ContentType.JSON).body(Map.of("name", "x", "scopes", List.of("tasks:read")))
                .when().post("/api/v1/api-keys")
                .then().statusCode(401).contentType(PROBLEM_JSON).header("WWW-Authenticate", startsWith("Bearer"));
        TestTokens.anonymous().when().get("/api/v1/api-keys").then().statusCode(401);
        TestTokens.anonymous().when().get("/api/v1/api-keys/" + id).then().statusCode(401);
        // nor may a key issue keys, whatever its scopes
        withKey(newKey(List.copyOf(cn.gov.supervision.kit.security.Permissions.ALL), null))
                .get("/api/v1/api-keys").then().statusCode(403);
        given().when().get("/api/v1/api-keys/" + id).then().statusCode(200).body("revokedAt", nullValue());
    }

    @Test
    void badRequestsAreProblems() {
        Map<String, Object> unknownScope = Map.of("name", "k", "scopes", List.of("tasks:read", "tasks:everything"));
        given().contentType(ContentType.JSON).body(unknownScope).when().post("/api/v1/api-keys")
                .then().statusCode(400).contentType(PROBLEM_JSON).body("detail", containsString("tasks:everything"));
        given().contentType(ContentType.JSON).body(Map.of("name", " ", "scopes", List.of("tasks:read")))
                .when().post("/api/v1/api-keys").then().statusCode(400).contentType(PROBLEM_JSON);
        given().contentType(ContentType.JSON).body(Map.of("name", "k", "scopes", List.of()))
                .when().post("/api/v1/api-keys").then().statusCode(400).contentType(PROBLEM_JSON);
        given().contentType(ContentType.JSON).body(Map.of("name", "k", "scopes", List.of("tasks:read"),
                        "expiresAt", OffsetDateTime.now().minusMinutes(1).toString()))
                .when().post("/api/v1/api-keys")
                .then().statusCode(400).contentType(PROBLEM_JSON).body("errors[0].field", equalTo("expiresAt"));
        given().contentType(ContentType.JSON).body(Map.of("name", "k", "scopes", List.of("tasks:read"), "owner", "x"))
                .when().post("/api/v1/api-keys").then().statusCode(400).contentType(PROBLEM_JSON);

        String unknown = UUID.randomUUID().toString();
        given().when().get("/api/v1/api-keys/" + unknown).then().statusCode(404).contentType(PROBLEM_JSON);
        given().when().delete("/api/v1/api-keys/" + unknown).then().statusCode(404).contentType(PROBLEM_JSON);
        given().when().get("/api/v1/api-keys/not-a-uuid").then().statusCode(400).contentType(PROBLEM_JSON);
    }

    @Test
    void aKeyGrantsExactlyItsScopesAtTheServices() {
        String reader = newKey(List.of("tasks:read"), null);
        withKey(reader).get("/api/v1/tasks").then().statusCode(200);
        withKey(reader).get("/api/v1/plans").then().statusCode(200);
        // refused by tasks-service itself: the minted token carries the key's scopes and nothing more
        TestTokens.anonymous().header("X-API-Key", reader).contentType(ContentType.JSON)
                .body(Map.of("title", "不该创建的计划", "year", 2031, "issuer", "x"))
                .when().post("/api/v1/plans")
                .then().statusCode(403).contentType(PROBLEM_JSON);
        withKey(reader).get("/api/v1/notifications").then().statusCode(403).contentType(PROBLEM_JSON);
        withKey(reader).get("/api/v1/units/" + HuzhouUnits.FGW).then().statusCode(403);

        String notifications = newKey(List.of("notifications:read"), null);
        withKey(notifications).get("/api/v1/notifications").then().statusCode(200);
        withKey(notifications).get("/api/v1/tasks").then().statusCode(403);
    }

    @Test
    void aKeyBoundToAUnitIsConfinedToItLikeAUnitUser() {
        String task = TaskFixtures.taskLedBy("AK-" + UUID.randomUUID().toString().substring(0, 6),
                HuzhouUnits.FGW, HuzhouUnits.CZJ);
        String czj = newKey(List.of("tasks:read", "tasks:report"), HuzhouUnits.CZJ);
        TestTokens.anonymous().header("X-API-Key", czj).contentType(ContentType.JSON)
                .body(TaskFixtures.progress("财政局经接口报送进展"))
                .when().post("/api/v1/tasks/" + task + "/assignments/" + HuzhouUnits.CZJ + "/progress")
                .then().statusCode(200);
        TestTokens.anonymous().header("X-API-Key", czj).contentType(ContentType.JSON)
                .body(TaskFixtures.progress("替发改委报送"))
                .when().post("/api/v1/tasks/" + task + "/assignments/" + HuzhouUnits.FGW + "/progress")
                .then().statusCode(403).contentType(PROBLEM_JSON);

        // the same key without a unit acts for any unit, as its scopes say
        String any = newKey(List.of("tasks:read", "tasks:report"), null);
        TestTokens.anonymous().header("X-API-Key", any).contentType(ContentType.JSON)
                .body(TaskFixtures.progress("系统对接报送"))
                .when().post("/api/v1/tasks/" + task + "/assignments/" + HuzhouUnits.FGW + "/progress")
                .then().statusCode(200);
    }

    @Test
    void unknownRevokedAndExpiredKeysAreRefusedAtTheEdge() {
        withKey("sk_" + "A".repeat(43)).get("/api/v1/tasks")
                .then().statusCode(401).contentType(PROBLEM_JSON)
                .header("WWW-Authenticate", startsWith("ApiKey"))
                .body("detail", equalTo("The API key is unknown, revoked or expired"));
        // refused before routing: a path nobody serves is a 401 too, not a 404
        withKey("not-a-key").get("/api/v1/nothing-here").then().statusCode(401);

        ExtractableResponse<Response> created = given().contentType(ContentType.JSON)
                .body(Map.of("name", "将被吊销", "scopes", List.of("tasks:read")))
                .when().post("/api/v1/api-keys").then().statusCode(201).extract();
        String key = created.path("secret");
        String id = created.path("id");
        withKey(key).get("/api/v1/tasks").then().statusCode(200);
        given().when().get("/api/v1/api-keys/" + id).then().statusCode(200).body("lastUsedAt", notNullValue());
        given().when().delete("/api/v1/api-keys/" + id).then().statusCode(204);
        // at once on this replica, although the key was cached a moment ago
        withKey(key).get("/api/v1/tasks").then().statusCode(401);
        given().when().delete("/api/v1/api-keys/" + id).then().statusCode(204);
        given().when().get("/api/v1/api-keys/" + id).then().statusCode(200).body("revokedAt", notNullValue());

        Map<String, Object> shortLived = new HashMap<>(Map.of("name", "短期", "scopes", List.of("tasks:read")));
        shortLived.put("expiresAt", OffsetDateTime.now().plusSeconds(3).toString());
        String expiring = given().contentType(ContentType.JSON).body(shortLived).when().post("/api/v1/api-keys")
                .then().statusCode(201).extract().path("secret");
        withKey(expiring).get("/api/v1/tasks").then().statusCode(200);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250))
                .until(() -> withKey(expiring).get("/api/v1/tasks").statusCode() == 401);
    }

    @Test
    void oneCredentialPerRequest() {
        String key = newKey(List.of("tasks:read"), null);
        given().header("X-API-Key", key) // and the admin's bearer token from actAs
                .when().get("/api/v1/tasks")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://supervision.example.gov.cn/problems/ambiguous-credentials"));
        TestTokens.anonymous().header("X-API-Key", key).header("X-API-Key", key).when().get("/api/v1/tasks")
                .then().statusCode(400);
    }

    @Test
    void badBearerTokensAreRefusedAtTheEdge() {
        for (String token : List.of(TestTokens.expired(), TestTokens.forged(), TestTokens.fromOtherIssuer(),
                TestTokens.forOtherAudience(), "garbage")) {
            given().header("Authorization", TestTokens.bearer(token)).when().get("/api/v1/nothing-here")
                    .then().statusCode(401).contentType(PROBLEM_JSON)
                    .header("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                    .body("type", equalTo("https://supervision.example.gov.cn/problems/invalid-credentials"));
            given().header("Authorization", TestTokens.bearer(token)).when().get("/api/v1/units")
                    .then().statusCode(401).contentType(PROBLEM_JSON);
        }
    }

    @Test
    void withoutACredentialTheServiceDecides() {
        TestTokens.anonymous().when().get("/api/v1/tasks").then().statusCode(401).contentType(PROBLEM_JSON);
        TestTokens.anonymous().when().get("/api/v1/units").then().statusCode(401).contentType(PROBLEM_JSON);
        // the e-mail acknowledgement link is open (notifications-service checks its signed token instead)
        TestTokens.anonymous().queryParam("token", "forged").when()
                .get("/api/v1/notifications/" + UUID.randomUUID() + "/ack")
                .then().statusCode(not(equalTo(401)));
        TestTokens.anonymous().when().get("/q/openapi").then().statusCode(200);
        TestTokens.anonymous().when().get("/q/health/ready").then().statusCode(200);
        TestTokens.anonymous().when().get("/q/swagger-ui/").then().statusCode(200);
    }

    private static String newKey(List<String> scopes, UUID unitId) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "测试密钥", "scopes", scopes));
        if (unitId != null) {
            body.put("unitId", unitId);
        }
        return given().contentType(ContentType.JSON).body(body).when().post("/api/v1/api-keys")
                .then().statusCode(201).extract().path("secret");
    }

    private static RequestSpecification withKey(String key) {
        return TestTokens.anonymous().header("X-API-Key", key).when();
    }

    private static String sha256(String value) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    }
}
