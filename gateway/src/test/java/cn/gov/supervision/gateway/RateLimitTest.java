package cn.gov.supervision.gateway;

import cn.gov.supervision.gateway.support.TinyBucketProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** Three requests in a burst, then one a second, per client. */
@QuarkusTest
@TestProfile(TinyBucketProfile.class)
class RateLimitTest {

    @Test
    void anEmptyBucketAnswers429WithRetryAfterAndRefills() {
        String key = "key-" + System.nanoTime();
        for (int i = 0; i < 3; i++) {
            given().header("X-API-Key", key).when().get("/api/v1/plans").then().statusCode(200);
        }
        given().header("X-API-Key", key).when().get("/api/v1/plans")
                .then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", "1")
                .body("type", equalTo("https://supervision.example.gov.cn/problems/rate-limited"));

        // another client has a bucket of its own
        given().header("X-API-Key", key + "-other").when().get("/api/v1/plans").then().statusCode(200);

        await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(250)).until(() ->
                given().header("X-API-Key", key).when().get("/api/v1/plans").statusCode() == 200);
    }
}
