package cn.gov.supervision.notifications;

import cn.gov.supervision.testkit.JwtTestResource;
import cn.gov.supervision.testkit.KafkaTestResource;
import cn.gov.supervision.testkit.PostgresTestResource;
import cn.gov.supervision.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Loopback is reachable only through the test-only setting {@code notifications.webhooks.test-loopback-hosts}: the
 * same configuration without it (as in production) refuses the tests' receiver name, though it still resolves to
 * 127.0.0.1 and is still allowed plain http.
 */
@QuarkusTest
@TestProfile(WebhooksWithoutTestLoopbackTest.WithoutTestLoopback.class)
class WebhooksWithoutTestLoopbackTest {

    private static final String DATABASE = "notifications_without_loopback_test";
    private static final String REFUSED = "https://supervision.example.gov.cn/problems/webhook-target-refused";

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @BeforeAll
    static void actAsAdmin() {
        TestTokens.actAs(TestTokens.admin());
    }

    @Test
    void loopbackIsRefusedWithoutTheTestOnlySetting() throws Exception {
        for (String url : List.of("http://" + TestHostResolver.RECEIVER + ":8083/hook",
                "https://" + TestHostResolver.RECEIVER + "/hook")) {
            given().contentType("application/json").body(Map.of("url", url, "secret", "a-webhook-secret-of-32-characters"))
                    .when().post("/api/v1/notifications/webhooks")
                    .then().statusCode(422).contentType("application/problem+json").body("type", equalTo(REFUSED));
        }
        assertThat(PostgresTestResource.count(jdbcUrl, "SELECT count(*) FROM webhook")).isZero();
    }

    /** The module's usual configuration minus the test-only loopback names (and minus what webhooks do not need). */
    public static class WithoutTestLoopback implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("notifications.webhooks.test-loopback-hosts", "");
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(PostgresTestResource.class, Map.of("database", DATABASE)),
                    new TestResourceEntry(KafkaTestResource.class),
                    new TestResourceEntry(JwtTestResource.class),
                    new TestResourceEntry(SecretsKeyTestResource.class));
        }
    }
}
