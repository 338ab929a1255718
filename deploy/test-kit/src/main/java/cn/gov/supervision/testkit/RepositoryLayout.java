package cn.gov.supervision.testkit;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository root (where deploy/local lives) from a module's working directory. */
final class RepositoryLayout {

    private RepositoryLayout() {
    }

    static Path root() {
        String configured = System.getProperty("supervision.root");
        if (configured != null && Files.isDirectory(Path.of(configured, "deploy", "local"))) {
            return Path.of(configured).toAbsolutePath();
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("deploy/local/kafka.sh"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("Cannot find the repository root (deploy/local/kafka.sh) above "
                + Path.of("").toAbsolutePath());
    }
}
