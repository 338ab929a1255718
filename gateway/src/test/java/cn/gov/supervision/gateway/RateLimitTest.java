package cn.gov.supervision.gateway;

import cn.gov.supervision.gateway.support.GatewayClient;
import cn.gov.supervision.gateway.support.TinyBucketProfile;
import cn.gov.supervision.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Three requests in a burst, then one a second, per verified client; two refused API keys per client address, which
 * behind the trusted proxy (127.0.0.1 in this profile) is the one that proxy saw.
 */
@QuarkusTest
@TestProfile(TinyBucketProfile.class)
class RateLimitTest {

    private static final String FLOODER = "203.0.113.66";

    @BeforeAll
    static void actAsAdmin() {
        TestTokens.actAs(TestTokens.admin());
    }

    @Test
    void anEmptyBucketAnswers429WithRetryAfterAndRefills() {
        String key = newApiKey("rate-limit-a");
        String other = newApiKey("rate-limit-b");
        for (int i = 0; i < 3; i++) {
            withKey(key).get("/api/v1/plans").then().statusCode(200);
        }
        withKey(key).get("/api/v1/plans")
                .then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", "1")
                .body("type", equalTo("https://supervision.example.gov.cn/problems/rate-limited"));

        // another key has a bucket of its own, and so has a person
        withKey(other).get("/api/v1/plans").then().statusCode(200);
        given().header("Authorization", TestTokens.bearer(TestTokens.viewer())).when().get("/api/v1/plans")
                .then().statusCode(200);

        await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(250)).until(() ->
                withKey(key).get("/api/v1/plans").statusCode() == 200);
    }

    @Test
    void aClaimedButUnverifiedIdentityGetsNoBucketOfItsOwn() {
        // a forged token is refused at the edge before the rate limit, so inventing tokens cannot buy fresh buckets
        given().header("Authorization", TestTokens.bearer(TestTokens.forged())).when().get("/api/v1/plans")
                .then().statusCode(401);
    }

    @Test
    void guessingApiKeysIsSlowedDownPerAddressWhileTokensStillPass() {
        for (int i = 0; i < 2; i++) {
            withKey("sk_guess-" + i).get("/api/v1/plans").then().statusCode(401);
        }
        withKey("sk_guess-2").get("/api/v1/plans")
                .then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", "1")
                .body("type", equalTo("https://supervision.example.gov.cn/problems/too-many-refused-keys"));
        // a verified token is no guess: it is served from the same address meanwhile
        given().header("Authorization", TestTokens.bearer(TestTokens.person("bystander", "viewer", null)))
                .when().get("/api/v1/plans").then().statusCode(200);

        await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(250)).until(() ->
                withKey("sk_guess-3").get("/api/v1/plans").statusCode() == 401);
    }

    @Test
    void aFloodOfGuessedKeysThroughTheProxyCountsAgainstItsSenderAndBlocksNoWorkingKey() {
        String working = newApiKey("behind-the-proxy");
        List<Integer> floodAnswers = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 6; i++) {
                // the flooder invents an X-Forwarded-For of its own each time; the proxy appends the address it saw
                floodAnswers.add(withKey("sk_flood-" + UUID.randomUUID())
                        .header("X-Forwarded-For", "198.51.100." + (round * 6 + i) + ", " + FLOODER)
                        .get("/api/v1/plans").statusCode());
            }
            // another client behind the same proxy, with a key the gateway has not seen (round 0) or has
            withKey(working).header("X-Forwarded-For", "192.0.2.10").get("/api/v1/plans").then().statusCode(200);
        }
        assertThat(floodAnswers).containsOnly(401, 429).contains(429);
        // the guesser is slowed down whatever address it claims, because the proxy's own entry is the one counted
        withKey("sk_flood-last").header("X-Forwarded-For", "10.9.8.7, " + FLOODER).get("/api/v1/plans")
                .then().statusCode(429)
                .body("type", equalTo("https://supervision.example.gov.cn/problems/too-many-refused-keys"));
    }

    @Test
    void fromAPeerThatIsNoTrustedProxyTheClaimedAddressIsIgnored() throws Exception {
        List<Integer> answers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            answers.add(GatewayClient.fromAddress("127.0.0.2", "GET /api/v1/plans HTTP/1.1\r\nX-API-Key: sk_untrusted-"
                    + i + "\r\nX-Forwarded-For: 198.51.100." + (100 + i) + "\r\n").status());
        }
        assertThat(answers).containsExactly(401, 401, 429, 429);
    }

    private static String newApiKey(String name) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("name", name, "scopes", List.of("tasks:read")))
                .when().post("/api/v1/api-keys")
                .then().statusCode(201).extract().path("secret");
    }

    private static io.restassured.specification.RequestSpecification withKey(String key) {
        return TestTokens.anonymous().header("X-API-Key", key).when();
    }
}
