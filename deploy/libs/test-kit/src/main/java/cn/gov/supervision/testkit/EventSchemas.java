package cn.gov.supervision.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Checks events against the producer's published JSON Schema, so a contract change fails a build, not a consumer. */
public final class EventSchemas {

    /** The producers' schema files, by their path from the repository root, for consumers' tests and the gateway's. */
    public static final String UNIT_EVENTS = "units-service/src/main/resources/schemas/unit-event.schema.json";
    public static final String TASK_EVENTS = "tasks-service/src/main/resources/schemas/task-event.schema.json";
    public static final String NOTIFICATION_EVENTS =
            "notifications-service/src/main/resources/schemas/notification-event.schema.json";

    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private EventSchemas() {
    }

    /** Validation messages for {@code event} against the schema at classpath {@code resource}; empty when valid. */
    public static Set<ValidationMessage> violations(String resource, JsonNode event) {
        return SCHEMAS.computeIfAbsent(resource, EventSchemas::load).validate(event);
    }

    /** The producer's schema file itself, read from its place in the repository (a consumer has no copy). */
    public static Path producerFile(String pathFromRoot) {
        return RepositoryLayout.root().resolve(pathFromRoot);
    }

    /** Validation messages for an event a consumer received, against the producer's schema file; empty when valid. */
    public static Set<ValidationMessage> producerViolations(String pathFromRoot, JsonNode event) {
        return SCHEMAS.computeIfAbsent("file:" + pathFromRoot, ignored -> {
            try (InputStream in = Files.newInputStream(producerFile(pathFromRoot))) {
                return read(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).validate(event);
    }

    private static JsonSchema load(String resource) {
        try (InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No schema at classpath:" + resource);
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonSchema read(InputStream in) {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
    }
}
