package cn.gov.supervision.tasks.repository;

import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgException;
import io.vertx.pgclient.SslMode;
import io.vertx.sqlclient.ClosedConnectionException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The event-loop pool connects where the JDBC URL says, and fails as JDBC would. */
class ReadPoolTest {

    @Test
    void takesServerDatabaseAndSslFromTheJdbcUrl() {
        PgConnectOptions options = ReadPool.connectOptions(
                "jdbc:postgresql://tasks-db-rw:5433/tasks?sslmode=require&ApplicationName=tasks&prepareThreshold=3",
                Optional.of("app"), Optional.of("secret"));
        assertThat(options.getHost()).isEqualTo("tasks-db-rw");
        assertThat(options.getPort()).isEqualTo(5433);
        assertThat(options.getDatabase()).isEqualTo("tasks");
        assertThat(options.getUser()).isEqualTo("app");
        assertThat(options.getPassword()).isEqualTo("secret");
        assertThat(options.getSslMode()).isEqualTo(SslMode.REQUIRE);
        assertThat(options.isTrustAll()).isTrue();
        assertThat(options.getCachePreparedStatements()).isTrue();
        assertThat(options.getProperties()).doesNotContainKeys("ApplicationName", "prepareThreshold");
    }

    @Test
    void defaultsAsPgJdbcDoes() {
        PgConnectOptions options = ReadPool.connectOptions("jdbc:postgresql://127.0.0.1/tasks_test",
                Optional.empty(), Optional.empty());
        assertThat(options.getPort()).isEqualTo(5432);
        assertThat(options.getSslMode()).isEqualTo(SslMode.PREFER);

        PgConnectOptions local = ReadPool.connectOptions("jdbc:postgresql:tasks?user=postgres", Optional.empty(),
                Optional.empty());
        assertThat(local.getHost()).isEqualTo("localhost");
        assertThat(local.getDatabase()).isEqualTo("tasks");
        assertThat(local.getUser()).isEqualTo("postgres");
    }

    @Test
    void verifiesTheServerOnlyAgainstAGivenCertificate() {
        PgConnectOptions options = ReadPool.connectOptions(
                "jdbc:postgresql://db:5432/tasks?sslmode=verify-full&sslrootcert=/etc/ssl/db-ca.pem",
                Optional.empty(), Optional.empty());
        assertThat(options.getSslMode()).isEqualTo(SslMode.VERIFY_FULL);
        assertThat(options.isTrustAll()).isFalse();
        assertThat(options.getPemTrustOptions().getCertPaths()).containsExactly("/etc/ssl/db-ca.pem");
        assertThat(options.getHostnameVerificationAlgorithm()).isEqualTo("HTTPS");

        assertThatThrownBy(() -> ReadPool.connectOptions("jdbc:postgresql://db/tasks?sslmode=verify-ca",
                Optional.empty(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sslrootcert");
    }

    @Test
    void refusesWhatItCannotFollow() {
        assertThatThrownBy(() -> ReadPool.connectOptions("jdbc:postgresql://db1:5432,db2:5432/tasks",
                Optional.empty(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one server");
        assertThatThrownBy(() -> ReadPool.connectOptions("jdbc:mysql://db/tasks", Optional.empty(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jdbc:postgresql:");
    }

    /** The problem mappers answer 503 for SQLSTATE class 08 and PostgreSQL's shutdown states, whichever pool failed. */
    @Test
    void failsAsJdbcWouldSo() {
        assertThat(sqlState(ReadPool.asSqlException(new ConnectException("Connection refused")))).isEqualTo("08006");
        assertThat(sqlState(ReadPool.asSqlException(ClosedConnectionException.INSTANCE))).isEqualTo("08006");
        assertThat(sqlState(ReadPool.asSqlException(new PgException("terminating connection due to administrator "
                + "command", "FATAL", "57P01", null)))).isEqualTo("57P01");
        IllegalStateException other = new IllegalStateException("not the database's");
        assertThat(ReadPool.asSqlException(other)).isSameAs(other);
    }

    private static String sqlState(Throwable failure) {
        assertThat(failure).isInstanceOf(SQLException.class);
        return ((SQLException) failure).getSQLState();
    }
}
