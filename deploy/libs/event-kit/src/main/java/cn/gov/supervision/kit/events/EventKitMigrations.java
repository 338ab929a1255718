package cn.gov.supervision.kit.events;

import io.quarkus.flyway.FlywayConfigurationCustomizer;
import jakarta.enterprise.context.ApplicationScoped;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.resource.LoadableResource;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * The outbox tables belong to event-kit, so their migrations keep their own Flyway history
 * ({@value #HISTORY_TABLE}) instead of joining each service's version sequence. In that shared sequence a kit
 * {@code V0_2} written after a service's {@code V2} would sort below a migration already applied and never run (or
 * need out-of-order mode, which hides real mistakes); with its own history the kit numbers its scripts freely.
 *
 * <p>It runs as a callback of the service's own Flyway, which Quarkus drives (migrate-at-start, clean-at-start in
 * tests), so the kit migrates exactly when and where the service does: after the service's migrations, on the same
 * data source and schema. A second Flyway configured on its own, at start-up, would race the service's clean.
 *
 * <p>Databases created before the split recorded the kit's {@code V0_1} in the service's history. Before the service's
 * Flyway validates, that row is handed over: the kit's history is baselined at 0.1 (the tables exist) and the row is
 * deleted from the service's, where no script resolves it any more. Baseline first, delete second, under an advisory
 * lock: a crash in between or two replicas starting together leave a state the next start completes.
 */
@ApplicationScoped
public class EventKitMigrations implements FlywayConfigurationCustomizer {

    static final String HISTORY_TABLE = "event_kit_schema_history";
    /** The kit's scripts, in order. Listed rather than scanned: Quarkus resolves migrations at build time only. */
    static final List<String> SCRIPTS = List.of("V0_1__event_kit.sql", "V0_2__dead_letters.sql",
            "V0_3__relay_turn.sql");
    private static final String FOLDER = "db/event-kit/";
    /** How services recorded the kit's first script in their own history before the kit had one. */
    static final String LEGACY_VERSION = "0.1";
    static final String LEGACY_SCRIPT = "V0_1__event_kit.sql";
    /** Advisory lock key for the hand-over and the kit's migration (ASCII "evkitmig"). */
    private static final long LOCK = 0x65766b69746d6967L;

    private static final Logger LOG = Logger.getLogger(EventKitMigrations.class);

    @Override
    public void customize(FluentConfiguration configuration) {
        List<Callback> callbacks = new ArrayList<>(Arrays.asList(configuration.getCallbacks()));
        callbacks.add(new ServiceFlywayCallback());
        configuration.callbacks(callbacks.toArray(Callback[]::new));
    }

    /** Hands over the legacy row before the service validates; migrates the kit after the service migrated. */
    static final class ServiceFlywayCallback implements Callback {

        @Override
        public boolean supports(Event event, Context context) {
            return event == Event.BEFORE_VALIDATE || event == Event.AFTER_MIGRATE;
        }

        @Override
        public boolean canHandleInTransaction(Event event, Context context) {
            return true; // works on its own connections
        }

        @Override
        public void handle(Event event, Context context) {
            Configuration service = context.getConfiguration();
            withLock(service.getDataSource(), connection -> {
                takeOverLegacyRow(service, connection);
                if (event == Event.AFTER_MIGRATE) {
                    kitFlyway(service).baselineOnMigrate(true).baselineVersion("0").load().migrate();
                }
            });
        }

        @Override
        public String getCallbackName() {
            return "event-kit migrations";
        }
    }

    static void takeOverLegacyRow(Configuration service, Connection connection) throws SQLException {
        String serviceHistory = qualified(connection, schema(service), service.getTable());
        if (!exists(connection, serviceHistory)) {
            return;
        }
        // Quarkus recorded the script under its classpath folder (db/outbox/V0_1__event_kit.sql); plain Flyway would
        // have recorded the bare name. Either is the kit's.
        String find = "FROM " + serviceHistory + " WHERE version = '" + LEGACY_VERSION + "' AND (script = '"
                + LEGACY_SCRIPT + "' OR script LIKE '%/" + LEGACY_SCRIPT.replace("_", "\\_") + "')";
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("SELECT 1 " + find)) {
            if (!rs.next()) {
                return;
            }
        }
        if (!exists(connection, qualified(connection, schema(service), HISTORY_TABLE))) {
            kitFlyway(service).baselineVersion(LEGACY_VERSION)
                    .baselineDescription("event-kit V0_1, applied under " + service.getTable()).load().baseline();
        }
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE " + find);
        }
        LOG.infof("event-kit's V0_1 moved from %s to %s", serviceHistory, HISTORY_TABLE);
    }

    private static FluentConfiguration kitFlyway(Configuration service) {
        return Flyway.configure(EventKitMigrations.class.getClassLoader())
                .dataSource(service.getDataSource())
                .schemas(service.getSchemas())
                .defaultSchema(service.getDefaultSchema())
                .table(HISTORY_TABLE)
                .resourceProvider(new KitScripts());
    }

    private static String schema(Configuration service) {
        if (service.getDefaultSchema() != null) {
            return service.getDefaultSchema();
        }
        return service.getSchemas().length > 0 ? service.getSchemas()[0] : null;
    }

    private static String qualified(Connection connection, String schema, String table) throws SQLException {
        String inSchema = schema;
        if (inSchema == null) {
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT current_schema()")) {
                rs.next();
                inSchema = rs.getString(1);
            }
        }
        return quoted(inSchema) + "." + quoted(table);
    }

    private static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static boolean exists(Connection connection, String qualifiedTable) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            statement.setString(1, qualifiedTable);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private interface LockedWork {
        void run(Connection connection) throws SQLException;
    }

    private static void withLock(DataSource dataSource, LockedWork work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT pg_advisory_lock(" + LOCK + ")");
            }
            try {
                work.run(connection);
            } finally {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SELECT pg_advisory_unlock(" + LOCK + ")");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("event-kit's migrations could not run", e);
        }
    }

    /** The kit's scripts from this jar's class path, found by name. */
    static final class KitScripts implements ResourceProvider {

        @Override
        public LoadableResource getResource(String name) {
            return SCRIPTS.contains(name) ? new KitScript(name) : null;
        }

        @Override
        public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
            return SCRIPTS.stream()
                    .filter(name -> name.startsWith(prefix) && Arrays.stream(suffixes).anyMatch(name::endsWith))
                    .<LoadableResource>map(KitScript::new)
                    .toList();
        }
    }

    static final class KitScript extends LoadableResource {

        private final String name;

        KitScript(String name) {
            this.name = name;
        }

        @Override
        public Reader read() {
            InputStream in = EventKitMigrations.class.getClassLoader().getResourceAsStream(FOLDER + name);
            if (in == null) {
                throw new IllegalStateException(FOLDER + name + " is missing from event-kit");
            }
            return new InputStreamReader(in, StandardCharsets.UTF_8);
        }

        @Override
        public String getAbsolutePath() {
            return FOLDER + name;
        }

        @Override
        public String getAbsolutePathOnDisk() {
            return FOLDER + name;
        }

        @Override
        public String getFilename() {
            return name;
        }

        @Override
        public String getRelativePath() {
            return name;
        }
    }
}
