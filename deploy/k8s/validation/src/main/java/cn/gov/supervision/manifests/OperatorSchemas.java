package cn.gov.supervision.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;

/**
 * The operators' kinds (Strimzi's Kafka, KafkaNodePool, KafkaTopic, KafkaUser; CloudNativePG's Cluster and
 * ScheduledBackup) against the {@code openAPIV3Schema} of their CustomResourceDefinitions, copied unchanged from the
 * operators' repositories into src/main/resources/crds (README there). Like an API server with strict field
 * validation, a field the schema does not declare is an error, unless the schema keeps unknown fields
 * ({@code x-kubernetes-preserve-unknown-fields}, as for Kafka's free-form {@code config}).
 */
final class OperatorSchemas implements Rule {

    static final String RULE = "crd-schema";
    private static final List<String> CRDS = List.of("strimzi-040-Crd-kafka.yaml", "strimzi-043-Crd-kafkatopic.yaml",
            "strimzi-044-Crd-kafkauser.yaml", "strimzi-045-Crd-kafkanodepool.yaml",
            "cnpg-postgresql.cnpg.io_clusters.yaml", "cnpg-postgresql.cnpg.io_scheduledbackups.yaml");

    private static final List<String> KUBERNETES_KEYWORDS = List.of("example", "x-kubernetes-preserve-unknown-fields",
            "x-kubernetes-validations", "x-kubernetes-int-or-string", "x-kubernetes-list-type", "x-kubernetes-map-type",
            "x-kubernetes-list-map-keys", "x-kubernetes-embedded-resource");

    /** "group/version/Kind" → schema. */
    private final Map<String, JsonSchema> schemas = new HashMap<>();

    OperatorSchemas() {
        // Kubernetes' own keywords say how the API server stores and merges; none of them validates
        JsonMetaSchema kubernetesSchema = JsonMetaSchema.builder(JsonMetaSchema.getV4())
                .keywords(KUBERNETES_KEYWORDS.stream().map(NonValidationKeyword::new).toList())
                .build();
        JsonSchemaFactory factory = JsonSchemaFactory.builder(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4))
                .metaSchema(kubernetesSchema)
                .build();
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                .nullableKeywordEnabled(true)
                .formatAssertionsEnabled(false) // int32, int64, date-time: Kubernetes' formats, not assertions here
                .build();
        for (String file : CRDS) {
            try (InputStream in = OperatorSchemas.class.getResourceAsStream("/crds/" + file)) {
                JsonNode crd = RenderedManifests.YAML.readTree(in);
                String group = crd.path("spec").path("group").asText();
                String kind = crd.path("spec").path("names").path("kind").asText();
                for (JsonNode version : crd.path("spec").path("versions")) {
                    ObjectNode schema = version.path("schema").path("openAPIV3Schema").deepCopy();
                    strict(schema);
                    schemas.put(group + "/" + version.path("name").asText() + "/" + kind,
                            factory.getSchema(schema, config));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Which groups these schemas cover. */
    boolean covers(Manifest manifest) {
        return manifest.group().endsWith("strimzi.io") || manifest.group().endsWith("cnpg.io");
    }

    @Override
    public List<Finding> check(RenderedManifests manifests) {
        List<Finding> findings = new ArrayList<>();
        for (Manifest manifest : manifests.all()) {
            if (!covers(manifest)) {
                continue;
            }
            JsonSchema schema = schemas.get(manifest.apiVersion() + "/" + manifest.kind());
            if (schema == null) {
                findings.add(new Finding(RULE, manifest.id(), "no CRD here serves " + manifest.apiVersion() + " "
                        + manifest.kind() + " (src/main/resources/crds)"));
                continue;
            }
            for (ValidationMessage message : schema.validate(manifest.body())) {
                findings.add(new Finding(RULE, manifest.id(), message.getMessage()));
            }
            findings.addAll(KubernetesApiModel.checkMetadata(manifest));
        }
        return findings;
    }

    /**
     * Makes a structural schema strict: objects that declare their properties refuse others, and
     * {@code x-kubernetes-int-or-string} accepts either. Recurses through every subschema.
     */
    private static void strict(JsonNode node) {
        if (node instanceof ObjectNode schema) {
            if (schema.has("properties") && !schema.has("additionalProperties")
                    && !schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
                schema.put("additionalProperties", false);
            }
            if (schema.path("x-kubernetes-int-or-string").asBoolean(false)) {
                schema.remove("type");
                ArrayNode anyOf = schema.putArray("anyOf");
                anyOf.addObject().put("type", "integer");
                anyOf.addObject().put("type", "string");
            }
            for (Entry<String, JsonNode> field : List.copyOf(schema.properties())) {
                strict(field.getValue());
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(OperatorSchemas::strict);
        }
    }
}
