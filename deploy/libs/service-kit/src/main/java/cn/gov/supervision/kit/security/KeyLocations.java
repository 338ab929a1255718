package cn.gov.supervision.kit.security;

import java.net.URI;
import java.nio.file.Path;

/** Where a key is, as configured: a {@code file:} URL in any of its spellings, or something else (https:, classpath:). */
public final class KeyLocations {

    private KeyLocations() {
    }

    public static boolean isFile(String location) {
        return location.startsWith("file:");
    }

    /** The file a {@code file:} location names: file:/x, file:///x, or file:relative (to the working directory). */
    public static Path file(String location) {
        URI uri = URI.create(location);
        return uri.isOpaque() ? Path.of(uri.getSchemeSpecificPart()) : Path.of(uri);
    }
}
