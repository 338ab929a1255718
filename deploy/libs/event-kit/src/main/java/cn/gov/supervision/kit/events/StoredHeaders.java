package cn.gov.supervision.kit.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Kafka headers as a text column: {@code [{"name","value"}]} with the value in base64, since headers are bytes and
 * a parked record must leave exactly as it came. Order and repeated names are kept.
 */
public final class StoredHeaders {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StoredHeaders() {
    }

    public static String toJson(Iterable<Header> headers) {
        ArrayNode array = JSON.createArrayNode();
        for (Header header : headers) {
            array.addObject().put("name", header.key())
                    .put("value", header.value() == null ? null : Base64.getEncoder().encodeToString(header.value()));
        }
        return array.toString();
    }

    public static List<Header> fromJson(String json) {
        List<Header> headers = new ArrayList<>();
        try {
            for (JsonNode header : JSON.readTree(json)) {
                JsonNode value = header.path("value");
                headers.add(new RecordHeader(header.path("name").asText(),
                        value.isNull() ? null : Base64.getDecoder().decode(value.asText())));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored headers are not JSON", e);
        }
        return headers;
    }
}
