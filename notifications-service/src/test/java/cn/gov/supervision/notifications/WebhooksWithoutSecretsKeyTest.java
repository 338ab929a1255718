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
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * A deployment that forgot NOTIFICATIONS_SECRETS_KEY: a webhook secret is refused with a problem that says what to
 * set, rather than stored where a database dump would show it. Only dev mode stores it in the clear.
 */
@QuarkusTest
@TestProfile(WebhooksWithoutSecretsKeyTest.WithoutSecretsKey.class)
class WebhooksWithoutSecretsKeyTest {

    private static final String DATABASE = "notifications_without_key_test";

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @BeforeAll
    static void actAsAdmin() {
        TestTokens.actAs(TestTokens.admin());
    }

    @Test
    void aSecretIsRefusedRatherThanStoredInTheClear() throws Exception {
        given().contentType("application/json")
                .body(Map.of("url", "https://hooks.example.gov.cn/digest", "secret", "a-webhook-secret-of-32-characters"))
                .when().post("/api/v1/notifications/webhooks")
                .then().statusCode(503).contentType("application/problem+json")
                .body("type", equalTo("https://supervision.example.gov.cn/problems/webhook-secrets-unprotected"))
                .body("detail", containsString("NOTIFICATIONS_SECRETS_KEY"));
        assertThat(PostgresTestResource.count(jdbcUrl, "SELECT count(*) FROM webhook")).isZero();
    }

    /** The module's usual infrastructure minus the secrets key (and minus what webhooks do not need). */
    public static class WithoutSecretsKey implements QuarkusTestProfile {

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(PostgresTestResource.class, Map.of("database", DATABASE)),
                    new TestResourceEntry(KafkaTestResource.class),
                    new TestResourceEntry(JwtTestResource.class));
        }
    }
}
