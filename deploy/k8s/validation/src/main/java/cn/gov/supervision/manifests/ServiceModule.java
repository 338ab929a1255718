package cn.gov.supervision.manifests;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a service's own sources say about it: its HTTP port, its health endpoints, its application name and the
 * configuration keys it reads. A container belongs to the service whose module its image is named after
 * ({@code .../units-service:tag} is the module {@code units-service}).
 */
public final class ServiceModule {

    private static final Map<Path, Optional<ServiceModule>> KNOWN = new ConcurrentHashMap<>();

    private final String name;
    private final Path directory;
    private final Properties properties;
    private final ConfigKeys configKeys;

    private ServiceModule(String name, Path directory, Properties properties, ConfigKeys configKeys) {
        this.name = name;
        this.directory = directory;
        this.properties = properties;
        this.configKeys = configKeys;
    }

    /** The module {@code name} of the repository at {@code root}, if there is one with a Quarkus application. */
    public static Optional<ServiceModule> find(Path root, String name) {
        // read once: every rule asks for the same few modules
        return KNOWN.computeIfAbsent(root.toAbsolutePath().resolve(name), directory -> read(directory, root, name));
    }

    private static Optional<ServiceModule> read(Path directory, Path root, String name) {
        Path applicationProperties = directory.resolve("src/main/resources/application.properties");
        if (name.isEmpty() || name.contains("/") || name.contains("..") || !Files.isRegularFile(applicationProperties)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(applicationProperties, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.of(new ServiceModule(name, directory, properties, ConfigKeys.of(root, directory, properties)));
    }

    /** The module named by an image reference: its last path segment without tag or digest. */
    public static Optional<ServiceModule> forImage(Path root, String image) {
        String repository = image.replaceAll("@.*$", "");
        int lastSlash = repository.lastIndexOf('/');
        String last = repository.substring(lastSlash + 1);
        return find(root, last.contains(":") ? last.substring(0, last.indexOf(':')) : last);
    }

    public String name() {
        return name;
    }

    public String applicationName() {
        return property("quarkus.application.name").orElse(name);
    }

    /** The port it listens on unless QUARKUS_HTTP_PORT says otherwise (Quarkus' default is 8080). */
    public int httpPort() {
        return Integer.parseInt(property("quarkus.http.port").orElse("8080"));
    }

    /**
     * The health endpoints it serves: SmallRye Health's, under the non-application root ({@code /q} unless
     * configured otherwise), if the module has the extension.
     */
    public Set<String> healthPaths() {
        Set<String> paths = new LinkedHashSet<>();
        try {
            if (!Files.readString(directory.resolve("pom.xml")).contains("<artifactId>quarkus-smallrye-health</artifactId>")) {
                return paths;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String root = "/" + property("quarkus.http.non-application-root-path").orElse("q").replaceAll("^/|/$", "");
        String health = root + "/" + property("quarkus.smallrye-health.root-path").orElse("health").replaceAll("^/|/$", "");
        paths.add(health);
        paths.add(health + "/" + property("quarkus.smallrye-health.liveness-path").orElse("live"));
        paths.add(health + "/" + property("quarkus.smallrye-health.readiness-path").orElse("ready"));
        paths.add(health + "/" + property("quarkus.smallrye-health.startup-path").orElse("started"));
        return paths;
    }

    public ConfigKeys configKeys() {
        return configKeys;
    }

    /** A property of application.properties as the prod profile sees it. */
    private Optional<String> property(String key) {
        String value = properties.getProperty("%prod." + key, properties.getProperty(key));
        return Optional.ofNullable(value).map(String::strip);
    }
}
