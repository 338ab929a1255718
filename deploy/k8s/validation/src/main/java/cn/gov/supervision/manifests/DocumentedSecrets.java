package cn.gov.supervision.manifests;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Secrets a cluster has without the manifests creating them, with their keys: those an administrator creates
 * from deploy/k8s/secrets.example.yaml (placeholders only), and the {@code <cluster>-app} Secret CloudNativePG
 * generates for the owner of each Cluster of deploy/k8s/base.
 */
public final class DocumentedSecrets {

    static final String EXAMPLE = "deploy/k8s/secrets.example.yaml";
    /** What CloudNativePG puts into {@code <cluster>-app} (its documentation, "Connecting from an application"). */
    static final List<String> CLOUDNATIVEPG_APP_KEYS = List.of("username", "password", "user", "host", "port",
            "dbname", "uri", "jdbc-uri", "pgpass");

    private final Map<String, Set<String>> keysBySecret;

    private DocumentedSecrets(Map<String, Set<String>> keysBySecret) {
        this.keysBySecret = keysBySecret;
    }

    public static DocumentedSecrets of(Path root) {
        Map<String, Set<String>> keys = new HashMap<>();
        try {
            for (Manifest secret : RenderedManifests.parse(Files.readString(root.resolve(EXAMPLE))).ofKind("Secret")) {
                keys.put(secret.name(), keysOf(secret.body()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Manifest cluster : RenderedManifests.render(root.resolve("deploy/k8s/base")).ofKind("Cluster")) {
            keys.put(cluster.name() + "-app", new LinkedHashSet<>(CLOUDNATIVEPG_APP_KEYS));
        }
        return new DocumentedSecrets(keys);
    }

    static Set<String> keysOf(JsonNode secret) {
        Set<String> keys = new LinkedHashSet<>();
        secret.path("data").fieldNames().forEachRemaining(keys::add);
        secret.path("stringData").fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    public Optional<Set<String>> keys(String secretName) {
        return Optional.ofNullable(keysBySecret.get(secretName));
    }
}
