package cn.gov.supervision.units;

import cn.gov.supervision.kit.events.OutboxPurger;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Old published events leave the outbox; events still owed to Kafka stay, however old. */
@QuarkusTest
class OutboxPurgeTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    OutboxPurger purger;

    @Test
    void onlyOldPublishedRowsArePurged() throws Exception {
        UUID oldPublished = UUID.randomUUID();
        UUID oldUnpublished = UUID.randomUUID();
        UUID recentPublished = UUID.randomUUID();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate(insert(oldPublished, "now() - interval '40 days'", "now() - interval '40 days'"));
            statement.executeUpdate(insert(oldUnpublished, "now() - interval '40 days'", "NULL"));
            statement.executeUpdate(insert(recentPublished, "now() - interval '1 day'", "now() - interval '1 day'"));
        }
        assertThat(purger.purgePublished()).isGreaterThanOrEqualTo(1);
        assertThat(exists(oldPublished)).isFalse();
        assertThat(exists(oldUnpublished)).isTrue();
        assertThat(exists(recentPublished)).isTrue();
        // the unpublished test row must not reach the topic: it is not a real event
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM outbox_event WHERE event_id = '" + oldUnpublished + "'");
        }
    }

    private static String insert(UUID eventId, String createdAt, String publishedAt) {
        return "INSERT INTO outbox_event (event_id, topic, message_key, event_type, envelope, created_at, published_at) "
                + "VALUES ('" + eventId + "', 'purge-test', 'k', 'Test', '{}', " + createdAt + ", " + publishedAt + ")";
    }

    private boolean exists(UUID eventId) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT count(*) FROM outbox_event WHERE event_id = '" + eventId + "'")) {
            rs.next();
            return rs.getInt(1) == 1;
        }
    }
}
