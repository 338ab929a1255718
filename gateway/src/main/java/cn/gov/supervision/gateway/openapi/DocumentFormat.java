package cn.gov.supervision.gateway.openapi;

import cn.gov.supervision.kit.problem.ProblemException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

import java.util.Locale;

/** JSON or YAML, chosen like SmallRye OpenAPI does: {@code ?format=} first, then the Accept header; JSON by default. */
public enum DocumentFormat {

    JSON("application/json;charset=UTF-8", new ObjectMapper()),
    YAML("application/yaml;charset=UTF-8", new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)));

    private final String mediaType;
    private final ObjectMapper mapper;

    DocumentFormat(String mediaType, ObjectMapper mapper) {
        this.mediaType = mediaType;
        this.mapper = mapper;
    }

    public static DocumentFormat choose(String formatParameter, String accept) {
        if (formatParameter != null && !formatParameter.isBlank()) {
            return switch (formatParameter.strip().toLowerCase(Locale.ROOT)) {
                case "json" -> JSON;
                case "yaml", "yml" -> YAML;
                default -> throw ProblemException.invalidField("format", "must be json or yaml");
            };
        }
        if (accept != null && (accept.contains("yaml") || accept.contains("application/vnd.oai.openapi;")
                || accept.endsWith("application/vnd.oai.openapi"))) {
            return YAML;
        }
        return JSON;
    }

    public String mediaType() {
        return mediaType;
    }

    public byte[] write(JsonNode document) {
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree always serializes", e);
        }
    }
}
