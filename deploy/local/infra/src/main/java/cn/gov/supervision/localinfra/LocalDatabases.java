package cn.gov.supervision.localinfra;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Makes sure a PostgreSQL server is reachable and holds the services' databases, so that deploy/local/run.sh needs
 * no psql client.
 *
 * <pre>
 *   java -cp deploy/local/infra/target/classes:deploy/local/infra/target/lib/* \
 *       cn.gov.supervision.localinfra.LocalDatabases [--wait SECONDS] [database...]
 * </pre>
 *
 * Connects to PGHOST:PGPORT (default 127.0.0.1:5432) as PGUSER (default postgres; PGPASSWORD if set) and creates
 * the missing databases (default units, tasks, notifications, and gateway for its API keys). {@code --wait} keeps
 * retrying while the server is not up yet, for a server that is still starting.
 * <p>
 * Exit status: 0 ready; {@value #UNREACHABLE} nothing accepts connections on host:port (run.sh then falls back to the
 * embedded server); 1 reachable but unusable (wrong credentials, no CREATEDB right...): that needs a human, not a
 * fallback; 2 bad arguments.
 */
public final class LocalDatabases {

    static final int UNREACHABLE = 3;

    private static final List<String> DEFAULT_DATABASES = List.of("units", "tasks", "notifications", "gateway");

    private LocalDatabases() {
    }

    public static void main(String[] args) {
        long waitMillis = 0;
        List<String> databases = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if ("--wait".equals(args[i]) && i + 1 < args.length) {
                waitMillis = Long.parseLong(args[++i]) * 1000;
            } else if (args[i].matches("[a-z_][a-z0-9_]*")) {
                databases.add(args[i]); // plain names only: they end up unquoted in CREATE DATABASE
            } else {
                System.err.println("usage: LocalDatabases [--wait SECONDS] [database...] (plain lower-case names)");
                System.exit(2);
            }
        }
        if (databases.isEmpty()) {
            databases.addAll(DEFAULT_DATABASES);
        }
        String host = env("PGHOST", "127.0.0.1");
        int port = Integer.parseInt(env("PGPORT", "5432"));
        String user = env("PGUSER", "postgres");
        String url = "jdbc:postgresql://" + host + ":" + port + "/postgres";

        long deadline = System.currentTimeMillis() + waitMillis;
        while (true) {
            boolean retry = System.currentTimeMillis() < deadline;
            if (!isReachable(host, port)) {
                if (retry) {
                    pause();
                    continue;
                }
                System.err.println("PostgreSQL is not reachable at " + host + ":" + port + " (PGHOST/PGPORT)");
                System.exit(UNREACHABLE);
            }
            try {
                ensureDatabases(url, user, databases);
                System.exit(0);
            } catch (SQLException e) {
                // 57P03: the server is still starting; 08xxx: the connection broke while it was coming up
                String state = e.getSQLState() == null ? "" : e.getSQLState();
                if (retry && (state.equals("57P03") || state.startsWith("08"))) {
                    pause();
                    continue;
                }
                System.err.println("PostgreSQL at " + host + ":" + port + " is reachable but unusable as user '" + user
                        + "': " + e.getMessage() + " (SQLState " + state + ")");
                System.exit(1);
            }
        }
    }

    private static void ensureDatabases(String url, String user, List<String> databases) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        String password = System.getenv("PGPASSWORD");
        if (password != null) {
            props.setProperty("password", password);
        }
        props.setProperty("connectTimeout", "5");
        props.setProperty("socketTimeout", "60");
        props.setProperty("ApplicationName", "supervision-local-databases");

        List<String> created = new ArrayList<>();
        List<String> present = new ArrayList<>();
        try (Connection admin = DriverManager.getConnection(url, props);
             PreparedStatement exists = admin.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            for (String database : databases) {
                exists.setString(1, database);
                boolean found;
                try (ResultSet rs = exists.executeQuery()) {
                    found = rs.next();
                }
                if (found) {
                    present.add(database);
                    continue;
                }
                try (Statement create = admin.createStatement()) {
                    create.execute("CREATE DATABASE " + database + " ENCODING 'UTF8' TEMPLATE template0");
                    created.add(database);
                } catch (SQLException e) {
                    if (!"42P04".equals(e.getSQLState())) { // 42P04: created concurrently, which is just as good
                        throw e;
                    }
                    present.add(database);
                }
            }
            String version = admin.getMetaData().getDatabaseProductVersion();
            List<String> parts = new ArrayList<>();
            if (!present.isEmpty()) {
                parts.add(String.join(", ", present) + " present");
            }
            if (!created.isEmpty()) {
                parts.add(String.join(", ", created) + " created");
            }
            System.out.println("PostgreSQL " + version + " at " + url.substring("jdbc:postgresql://".length(),
                    url.lastIndexOf('/')) + ": databases " + String.join("; ", parts));
        }
    }

    static boolean isReachable(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.exit(1);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
