package cn.gov.supervision.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Finds the repository root from a module's working directory: the folder whose {@code pom.xml} is the aggregator
 * ({@code supervision-parent}). That file is the one thing every layout of the repository keeps at the top, so the
 * root is found the same way however deep a module or script sits.
 */
public final class RepositoryLayout {

    private static final String AGGREGATOR = "<artifactId>supervision-parent</artifactId>";
    private static final Pattern PARENT_SECTION = Pattern.compile("<parent>.*?</parent>", Pattern.DOTALL);

    private RepositoryLayout() {
    }

    public static Path root() {
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
            // A module's pom names the aggregator too, inside <parent>: only the aggregator's own artifactId counts.
            return Files.isRegularFile(pom)
                    && PARENT_SECTION.matcher(Files.readString(pom)).replaceAll("").contains(AGGREGATOR);
        } catch (IOException unreadable) {
            return false;
        }
    }
}
