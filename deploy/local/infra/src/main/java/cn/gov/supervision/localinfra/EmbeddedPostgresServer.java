package cn.gov.supervision.localinfra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * The embedded PostgreSQL fallback for machines without a PostgreSQL server: the zonky PostgreSQL binaries from Maven
 * Central, run as a foreground process until SIGTERM (deploy/local/run.sh backgrounds it and records its PID).
 *
 * <pre>
 *   java -cp deploy/local/infra/target/classes:deploy/local/infra/target/lib/* \
 *       cn.gov.supervision.localinfra.EmbeddedPostgresServer --port 5433 --data-dir DIR --work-dir DIR
 * </pre>
 *
 * The data directory is initialised once and kept, so databases survive restarts. The binaries are unpacked into the
 * work directory, which must not be the data directory's parent: the library deletes unlocked directories it finds
 * there. PostgreSQL refuses to run as root, so run.sh starts this process as an unprivileged user when it is root.
 * On SIGTERM the library's shutdown hook stops the server (pg_ctl stop -m fast) before the JVM exits.
 */
public final class EmbeddedPostgresServer {

    private EmbeddedPostgresServer() {
    }

    public static void main(String[] args) throws Exception {
        int port = 5433;
        Path dataDir = null;
        Path workDir = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[i + 1]);
                case "--data-dir" -> dataDir = Path.of(args[i + 1]).toAbsolutePath();
                case "--work-dir" -> workDir = Path.of(args[i + 1]).toAbsolutePath();
                default -> usage();
            }
        }
        if (args.length % 2 != 0 || dataDir == null || workDir == null) {
            usage();
        }
        if (dataDir.startsWith(workDir)) {
            System.err.println("EmbeddedPostgresServer: --data-dir must not lie inside --work-dir");
            System.exit(2);
        }
        Files.createDirectories(dataDir);
        Files.createDirectories(workDir);
        // The builder reads the working directory (where it also cleans up stale instances) when it is created.
        System.setProperty("ot.epg.working-dir", workDir.toString());

        EmbeddedPostgres postgres;
        try {
            postgres = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(workDir.toFile())
                    // initdb plus the first start on a busy two-core machine can take longer than the 10 s default
                    .setPGStartupWait(Duration.ofSeconds(90))
                    // independent of the caller's LANG, which may name a locale this machine does not have
                    .setLocaleConfig("locale", "C")
                    // TCP only: a Unix socket in /tmp could collide with another server using the same port number
                    .setServerConfig("unix_socket_directories", "")
                    // initdb, pg_ctl and the server log go to this process' output, i.e. run.sh's log file
                    .setOutputRedirector(ProcessBuilder.Redirect.INHERIT)
                    .setErrorRedirector(ProcessBuilder.Redirect.INHERIT)
                    .start();
        } catch (IOException | RuntimeException e) {
            System.err.println("EmbeddedPostgresServer: cannot start PostgreSQL on port " + port + " with data in "
                    + dataDir + ": " + e);
            System.exit(1);
            return;
        }
        System.out.println("EmbeddedPostgresServer: ready on 127.0.0.1:" + postgres.getPort() + ", data in " + dataDir);
        System.out.flush();
        new CountDownLatch(1).await(); // until SIGTERM; the library's shutdown hook stops the server
    }

    private static void usage() {
        System.err.println("usage: EmbeddedPostgresServer --port P --data-dir DIR --work-dir DIR");
        System.exit(2);
    }
}
