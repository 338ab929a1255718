package cn.gov.supervision.units;

import cn.gov.supervision.kit.events.EventTablesPurger;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Old published events leave the outbox, and events still owed to Kafka stay, however old; the ids of events applied
 * long ago leave processed_event, recent ones stay.
 */
@QuarkusTest
class EventTablesPurgeTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    EventTablesPurger purger;

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

    @Test
    void processedEventIdsOlderThanTheRetentionArePurgedInBatches() throws Exception {
        String consumer = "purge-test-" + UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        int old = 2 * EventTablesPurger.PROCESSED_BATCH + 1; // so that the purge takes three batches
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO processed_event (consumer, event_id, processed_at) SELECT '" + consumer
                    + "', gen_random_uuid(), now() - interval '31 days' FROM generate_series(1, " + old + ")");
            statement.executeUpdate("INSERT INTO processed_event (consumer, event_id, processed_at) VALUES ('"
                    + consumer + "', '" + recent + "', now() - interval '29 days')");
        }

        assertThat(purger.purgeProcessed()).isGreaterThanOrEqualTo(old);

        assertThat(count("SELECT count(*) FROM processed_event WHERE consumer = '" + consumer + "'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM processed_event WHERE event_id = '" + recent + "'")).isEqualTo(1);
    }

    private long count(String sql) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String insert(UUID eventId, String createdAt, String publishedAt) {
        return "INSERT INTO outbox_event (event_id, topic, message_key, event_type, envelope, created_at, published_at) "
                + "VALUES ('" + eventId + "', 'purge-test', 'k', 'Test', '{}', " + createdAt + ", " + publishedAt + ")";
    }

    private boolean exists(UUID eventId) throws Exception {
        return count("SELECT count(*) FROM outbox_event WHERE event_id = '" + eventId + "'") == 1;
    }
}
