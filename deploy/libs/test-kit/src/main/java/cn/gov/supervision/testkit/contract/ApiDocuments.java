package cn.gov.supervision.testkit.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a service keeps the OpenAPI document it has agreed to: {@code src/main/resources/openapi/openapi.json} of its
 * module (tests run in the module's folder), next to its event schemas, and in its jar for whoever builds on it.
 * Run a module's tests with {@code -Dopenapi.update=true} to write the served document there after a deliberate change.
 */
public final class ApiDocuments {

    public static final Path STORED = Path.of("src", "main", "resources", "openapi", "openapi.json");
    public static final String UPDATE_PROPERTY = "openapi.update";
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ApiDocuments() {
    }

    public static boolean updating() {
        return Boolean.getBoolean(UPDATE_PROPERTY);
    }

    public static JsonNode stored() {
        try {
            return JSON.readTree(Files.readString(STORED));
        } catch (IOException e) {
            throw new UncheckedIOException("No stored OpenAPI document at " + STORED.toAbsolutePath()
                    + "; run this module's tests once with -D" + UPDATE_PROPERTY + "=true", e);
        }
    }

    /**
     * Fails, naming each operation that differs, when the served document is not the stored one; with
     * {@code -Dopenapi.update=true} stores the served one instead.
     */
    public static void assertServedIsStored(String servedJson) {
        JsonNode served;
        try {
            served = JSON.readTree(servedJson);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (updating()) {
            store(served);
            return;
        }
        java.util.List<String> differences = ApiDocumentDrift.between(stored(), served);
        if (!differences.isEmpty()) {
            throw new AssertionError("The served OpenAPI document differs from " + STORED + " in:\n  "
                    + String.join("\n  ", differences)
                    + "\nIf the change is meant, store the new document: run this module's tests with -D"
                    + UPDATE_PROPERTY + "=true and review the diff.");
        }
    }

    static void store(JsonNode document) {
        try {
            Files.createDirectories(STORED.getParent());
            Files.writeString(STORED, JSON.writeValueAsString(document) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
