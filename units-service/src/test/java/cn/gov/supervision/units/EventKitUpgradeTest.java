package cn.gov.supervision.units;

import cn.gov.supervision.testkit.PostgresTestResource;
import cn.gov.supervision.testkit.TestTokens;
import cn.gov.supervision.testkit.TopicProbe;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A database that the services' code before event-kit had its own Flyway history created: the outbox tables' V0_1
 * recorded in flyway_schema_history beside units-service's V1 and V2. The service starts on it, hands the row over to
 * event_kit_schema_history, and its outbox still writes and relays.
 */
@QuarkusTest
@TestProfile(EventKitUpgradeTest.OnDatabaseOfPreviousRelease.class)
class EventKitUpgradeTest {

    /** Today's V0_1 byte for byte, in the folder the services listed (db/outbox), so Flyway records it as it did. */
    static final String PREVIOUS_KIT_SCRIPTS = "filesystem:src/test/resources/legacy/event-kit-in-service-history";
    static final String DATABASE = "units_test";

    public static class OnDatabaseOfPreviousRelease implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.flyway.clean-at-start", "false");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(PreviousReleaseDatabase.class));
        }
    }

    /** Empties the test database and migrates it as the previous release did: one history for both. */
    public static class PreviousReleaseDatabase implements QuarkusTestResourceLifecycleManager {

        @Override
        public Map<String, String> start() {
            PostgresTestResource.ensureDatabase(DATABASE);
            String url = PostgresTestResource.jdbcUrl(DATABASE);
            try (Connection connection = DriverManager.getConnection(url, user(), "");
                 Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA public CASCADE");
                statement.execute("CREATE SCHEMA public");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            Flyway.configure(PreviousReleaseDatabase.class.getClassLoader())
                    .dataSource(url, user(), "")
                    .locations("filesystem:src/main/resources/db/migration", PREVIOUS_KIT_SCRIPTS)
                    .load().migrate();
            // Quarkus recorded each script under its classpath folder, as a real database of the previous release
            // shows (0.1 | db/outbox/V0_1__event_kit.sql, 1 | db/migration/V1__units.sql); plain Flyway records the
            // bare file name. Write the rows as the previous release did, or the test proves a hand-over of rows that
            // no real database holds.
            try (Connection connection = DriverManager.getConnection(url, user(), "");
                 Statement statement = connection.createStatement()) {
                statement.executeUpdate("UPDATE flyway_schema_history SET script = CASE WHEN version = '0.1' "
                        + "THEN 'db/outbox/' || script ELSE 'db/migration/' || script END WHERE script IS NOT NULL");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return Map.of();
        }

        @Override
        public void stop() {
        }

        private static String user() {
            String user = System.getenv("TEST_PG_USER");
            return user == null || user.isBlank() ? "postgres" : user;
        }
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Flyway flyway;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @BeforeAll
    static void actAsAdmin() {
        TestTokens.actAs(TestTokens.admin());
    }

    @Test
    void theKitsFirstMigrationMovesToItsOwnHistoryAndTheOutboxKeepsWorking() throws Exception {
        assertThat(rows("SELECT version || ' ' || type FROM flyway_schema_history WHERE success ORDER BY installed_rank"))
                .as("the service's history keeps its own migrations only").containsExactlyElementsOf(ownMigrations());
        List<String> kitHistory = rows("SELECT version || ' ' || type || ' ' || description FROM event_kit_schema_history"
                + " ORDER BY installed_rank");
        assertThat(kitHistory).first().isEqualTo("0.1 BASELINE event-kit V0_1, applied under flyway_schema_history");
        assertThat(kitHistory.subList(1, kitHistory.size()))
                .as("the kit's later migrations run under its own history, after the handed-over V0_1")
                .allMatch(row -> row.matches("0\\.([2-9]|\\d{2,}) SQL .+"));

        String code = "upgrade-" + UUID.randomUUID().toString().substring(0, 8);
        try (TopicProbe probe = TopicProbe.fromNow(bootstrapServers, "units.events")) {
            String id = given().contentType("application/json")
                    .body(Map.of("code", code, "name", "市升级测试局" + code.substring(8), "kind", "CITY_DEPARTMENT"))
                    .when().post("/api/v1/units").then().statusCode(201).extract().path("id");
            assertThat(probe.awaitRecordsWithKey(id, 1, Duration.ofSeconds(30))).hasSize(1);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                    rows("SELECT count(*) FROM outbox_event WHERE message_key = '" + id + "' AND published_at IS NULL"))
                    .containsExactly("0"));
        }

        // the next start finds nothing to hand over and nothing to migrate; the service's history validates
        flyway.migrate();
        flyway.validate();
        assertThat(rows("SELECT count(*) FROM event_kit_schema_history"))
                .containsExactly(String.valueOf(kitHistory.size()));
    }

    /** The versions of units-service's own scripts, in the order Flyway applies them, as the history records them. */
    private static List<String> ownMigrations() throws IOException {
        try (Stream<Path> scripts = Files.list(Path.of("src/main/resources/db/migration"))) {
            return scripts.map(script -> script.getFileName().toString())
                    .filter(name -> name.matches("V\\d+(_\\d+)*__.+\\.sql"))
                    .map(name -> new BigDecimal(name.substring(1, name.indexOf("__")).replace('_', '.')))
                    .sorted()
                    .map(version -> version.toPlainString() + " SQL")
                    .toList();
        }
    }

    private List<String> rows(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
