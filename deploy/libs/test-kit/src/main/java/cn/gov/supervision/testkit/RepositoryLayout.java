package cn.gov.supervision.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the repository root from a module's working directory: the folder whose {@code pom.xml} is the aggregator
 * ({@code supervision-parent}). That file is the one thing every layout of the repository keeps at the top, so the
 * root is found the same way however deep a module or script sits.
 */
final class RepositoryLayout {

    private static final String AGGREGATOR = "<artifactId>supervision-parent</artifactId>";

    private RepositoryLayout() {
    }

    static Path root() {
        String configured = System.getProperty("supervision.root");
        if (configured != null && isRoot(Path.of(configured))) {
            return Path.of(configured).toAbsolutePath();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (isRoot(dir)) {
                return dir;
            }
        }
        throw new IllegalStateException("Cannot find the repository root (the pom.xml of supervision-parent) above "
                + Path.of("").toAbsolutePath());
    }

    private static boolean isRoot(Path dir) {
        Path pom = dir.resolve("pom.xml");
        try {
            return Files.isRegularFile(pom) && Files.readString(pom).contains(AGGREGATOR);
        } catch (IOException unreadable) {
            return false;
        }
    }
}
