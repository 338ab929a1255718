package cn.gov.supervision.tasks.repository;

import cn.gov.supervision.tasks.config.TasksConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgException;
import io.vertx.pgclient.SslMode;
import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.ConnectException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * PostgreSQL connections driven by Vert.x, for the reads that are answered on the request's event loop
 * ({@code GET /tasks/{id}}): no worker thread and no JDBC between the request and its one statement. Measured on the
 * benchmark's GET (README "Reading a task on the event loop"), the worker thread's hand-offs and JDBC's decoding were
 * most of what the service spent on a read beyond HTTP, security and JSON.
 * <p>
 * It connects where the JDBC datasource does, so that one URL configures both: host, port, database, {@code sslmode}
 * and {@code sslrootcert} from {@code quarkus.datasource.jdbc.url}, user and password from
 * {@code quarkus.datasource.username}/{@code password}. Both pools read the same primary, so a read right after a
 * write sees it. Writes and every other read stay with JDBC and Hibernate.
 */
@ApplicationScoped
public class ReadPool {

    private static final String JDBC_PREFIX = "jdbc:postgresql:";

    private final Pool pool;

    ReadPool(Vertx vertx, TasksConfig config,
             @ConfigProperty(name = "quarkus.datasource.jdbc.url") String jdbcUrl,
             @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
             @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.pool = PgBuilder.pool()
                .with(new PoolOptions().setMaxSize(config.readPool().maxSize()))
                .connectingTo(connectOptions(jdbcUrl, user, password))
                .using(vertx)
                .build();
    }

    @PreDestroy
    void close() {
        pool.close();
    }

    /**
     * Runs a prepared statement ({@code $1}, {@code $2} … parameters). A database that cannot be reached fails as JDBC
     * would, with an SQLException of SQLSTATE class 08 (PostgreSQL's own errors keep theirs), so the problem mappers
     * answer 503 for both pools alike.
     */
    public Uni<RowSet<Row>> query(String sql, Tuple parameters) {
        return Uni.createFrom().<RowSet<Row>>emitter(answer -> pool.preparedQuery(sql).execute(parameters)
                .onSuccess(answer::complete)
                .onFailure(failure -> answer.fail(asSqlException(failure))));
    }

    static Throwable asSqlException(Throwable failure) {
        if (failure instanceof PgException pg) {
            return new SQLException(pg.getErrorMessage(), pg.getSqlState(), failure);
        }
        if (failure instanceof ConnectException || failure instanceof ClosedConnectionException) {
            return new SQLTransientConnectionException(failure.getMessage(), "08006", failure);
        }
        return failure;
    }

    /**
     * The JDBC URL's connection as Vert.x options. Prepared statements are kept per connection (as pgJDBC does),
     * and SSL follows libpq's modes as pgJDBC reads them: {@code prefer} when none is given, without verifying the
     * server for {@code allow}, {@code prefer} and {@code require}, against {@code sslrootcert} for {@code verify-ca}
     * and {@code verify-full} (which also checks the host name). Other JDBC parameters tune pgJDBC and mean nothing
     * here.
     */
    static PgConnectOptions connectOptions(String jdbcUrl, Optional<String> user, Optional<String> password) {
        if (!jdbcUrl.startsWith(JDBC_PREFIX)) {
            throw new IllegalArgumentException("quarkus.datasource.jdbc.url must start with " + JDBC_PREFIX);
        }
        String rest = jdbcUrl.substring(JDBC_PREFIX.length());
        // jdbc:postgresql:database and jdbc:postgresql:/database mean the local server at 5432
        URI uri = URI.create(rest.startsWith("//") ? "postgresql:" + rest
                : "postgresql://localhost/" + rest.replaceFirst("^/", ""));
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("quarkus.datasource.jdbc.url must name one server (host[:port]): "
                    + "the event-loop reads do not fail over between several");
        }
        Map<String, String> parameters = parameters(uri.getRawQuery());
        PgConnectOptions options = new PgConnectOptions()
                .setHost(uri.getHost())
                .setPort(uri.getPort() < 0 ? 5432 : uri.getPort())
                .setDatabase(uri.getPath() == null || uri.getPath().length() <= 1 ? "" : uri.getPath().substring(1))
                .setCachePreparedStatements(true)
                .setPreparedStatementCacheMaxSize(256);
        user.or(() -> Optional.ofNullable(parameters.get("user"))).ifPresent(options::setUser);
        password.or(() -> Optional.ofNullable(parameters.get("password"))).ifPresent(options::setPassword);
        if (options.getDatabase().isEmpty() && options.getUser() != null) {
            options.setDatabase(options.getUser()); // as PostgreSQL itself defaults it
        }
        SslMode ssl = SslMode.of(parameters.getOrDefault("sslmode", "prefer"));
        options.setSslMode(ssl);
        switch (ssl) {
            case ALLOW, PREFER, REQUIRE -> options.setTrustAll(true);
            case VERIFY_CA, VERIFY_FULL -> {
                String rootCertificate = parameters.get("sslrootcert");
                if (rootCertificate == null) {
                    throw new IllegalArgumentException("sslmode=" + parameters.get("sslmode")
                            + " in quarkus.datasource.jdbc.url needs sslrootcert (the server's CA, PEM)");
                }
                options.setPemTrustOptions(new PemTrustOptions().addCertPath(rootCertificate));
                options.setHostnameVerificationAlgorithm(ssl == SslMode.VERIFY_FULL ? "HTTPS" : "");
            }
            default -> {
            }
        }
        return options;
    }

    private static Map<String, String> parameters(String query) {
        Map<String, String> parameters = new HashMap<>();
        if (query == null) {
            return parameters;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                parameters.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return parameters;
    }
}
