package cn.gov.supervision.notifications;

import cn.gov.supervision.notifications.service.WebhookSecrets;
import cn.gov.supervision.testkit.PostgresTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Base64;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Webhook secrets at rest: encrypted, readable back only with the key, and old clear rows encrypted too. */
@QuarkusTest
class WebhookSecretsTest {

    @Inject
    WebhookSecrets secrets;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @Test
    void aSealedSecretOpensToItselfAndNeverLooksTheSameTwice() {
        String secret = "一个足够长的钩子密钥-with-ascii";
        String once = secrets.seal(secret);
        String twice = secrets.seal(secret);
        assertThat(once).startsWith("aesgcm:").doesNotContain("ascii").isNotEqualTo(twice);
        assertThat(secrets.open(once)).isEqualTo(secret);
        assertThat(secrets.open(twice)).isEqualTo(secret);

        // GCM authenticates: a changed byte is refused, not turned into another secret
        byte[] sealed = Base64.getDecoder().decode(once.substring("aesgcm:".length()));
        sealed[sealed.length / 2] ^= 1;
        String tampered = "aesgcm:" + Base64.getEncoder().encodeToString(sealed);
        assertThatThrownBy(() -> secrets.open(tampered)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void secretsStoredInTheClearBeforeAKeyWasSetAreEncryptedAndStillWork() throws Exception {
        UUID id = UUID.randomUUID();
        String clear = "stored-before-there-was-a-key-" + id;
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO webhook (id, url, secret, active, created_at) VALUES (?, 'http://127.0.0.1:9/old', ?, false, now())")) {
            insert.setObject(1, id);
            insert.setString(2, clear);
            insert.executeUpdate();
        }
        assertThat(secrets.open(clear)).isEqualTo(clear);

        assertThat(secrets.sealStoredInClear()).isGreaterThanOrEqualTo(1);

        assertThat(PostgresTestResource.count(jdbcUrl, "SELECT count(*) FROM webhook WHERE secret NOT LIKE 'aesgcm:%'"))
                .isZero();
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
             PreparedStatement select = connection.prepareStatement("SELECT secret FROM webhook WHERE id = ?")) {
            select.setObject(1, id);
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(secrets.open(row.getString(1))).isEqualTo(clear);
            }
        }
    }
}
