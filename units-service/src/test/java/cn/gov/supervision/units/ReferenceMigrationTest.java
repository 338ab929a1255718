package cn.gov.supervision.units;

import cn.gov.supervision.testkit.PostgresTestResource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V50 takes the Huzhou units that the old migration V2 inserts out of a new database (nobody has heard of them; the
 * configured reference set is registered at start-up instead), and leaves them where a release before it had
 * announced them: tasks and the other services refer to those.
 */
class ReferenceMigrationTest {

    private static final String DATABASE = "units_migration_test";

    @Test
    void aNewDatabaseStartsWithoutHuzhousUnitsAndAnOldOneKeepsThem() throws Exception {
        PostgresTestResource.ensureDatabase(DATABASE);
        String url = PostgresTestResource.jdbcUrl(DATABASE);

        flyway(url, null).clean();
        flyway(url, null).migrate();
        assertThat(PostgresTestResource.count(url, "SELECT count(*) FROM unit")).isZero();
        assertThat(PostgresTestResource.count(url, "SELECT count(*) FROM unit_alias")).isZero();

        flyway(url, null).clean();
        flyway(url, "20").migrate();
        assertThat(PostgresTestResource.count(url, "SELECT count(*) FROM unit")).isEqualTo(29);
        // what the start-up announcer of those releases did before anyone could refer to the units
        PostgresTestResource.execute(url, "UPDATE unit SET announced = true");
        flyway(url, null).migrate();
        assertThat(PostgresTestResource.count(url, "SELECT count(*) FROM unit")).isEqualTo(29);
        assertThat(PostgresTestResource.count(url, "SELECT count(*) FROM unit_member")).isEqualTo(6);
    }

    private static Flyway flyway(String url, String target) {
        var configuration = Flyway.configure().dataSource(url, "postgres", null)
                .locations("classpath:db/migration").cleanDisabled(false);
        if (target != null) {
            configuration.target(target);
        }
        return configuration.load();
    }
}
