package cn.gov.supervision.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * Makes sure the service's test database exists on the local PostgreSQL server (127.0.0.1:5432, trust auth, as on
 * our machines and CI; override with TEST_PG_HOST/TEST_PG_PORT/TEST_PG_USER) and points the service at it.
 * Give the database name as the init argument {@code database}.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private static final String HOST = env("TEST_PG_HOST", "127.0.0.1");
    private static final String PORT = env("TEST_PG_PORT", "5432");
    private static final String USER = env("TEST_PG_USER", "postgres");

    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.get("database");
        if (database == null || !database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("PostgresTestResource needs a plain 'database' init argument");
        }
    }

    @Override
    public Map<String, String> start() {
        ensureDatabase(database);
        return Map.of(
                "quarkus.datasource.jdbc.url", jdbcUrl(database),
                "quarkus.datasource.username", USER);
    }

    @Override
    public void stop() {
    }

    public static String jdbcUrl(String database) {
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + database;
    }

    /** The single number a query such as {@code SELECT count(*) …} answers, for tests that look into a database. */
    public static long count(String jdbcUrl, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, USER, "");
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Runs one statement, e.g. DDL a test uses to make the service's database misbehave and recover. */
    public static void execute(String jdbcUrl, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    public static void ensureDatabase(String database) {
        try (Connection admin = DriverManager.getConnection(jdbcUrl("postgres"), USER, "");
             PreparedStatement exists = admin.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, database);
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
            try (Statement create = admin.createStatement()) {
                create.execute("CREATE DATABASE " + database + " ENCODING 'UTF8' TEMPLATE template0");
            }
        } catch (SQLException e) {
            if ("42P04".equals(e.getSQLState())) {
                return; // created concurrently by another test JVM
            }
            throw new IllegalStateException("Cannot prepare test database " + database + " on " + jdbcUrl("postgres"), e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
