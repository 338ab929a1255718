package cn.gov.supervision.testkit.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Our documents say "this object, or null" the OpenAPI 3.0 way, {@code {nullable: true, allOf: [{$ref}]}}; the
 * validator refuses null inside the {@code allOf}, so for validation only each such wrapper is replaced by a
 * nullable copy of what it refers to. The meaning is the same.
 */
final class NullableReferences {

    private NullableReferences() {
    }

    static String inlined(String document) {
        try {
            JsonNode root = ApiDocuments.JSON.readTree(document);
            inline(root, root);
            return root.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void inline(JsonNode node, JsonNode root) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            JsonNode allOf = object.get("allOf");
            if (object.path("nullable").asBoolean(false) && allOf != null && allOf.size() == 1
                    && allOf.get(0).has("$ref")) {
                JsonNode target = root.at(allOf.get(0).get("$ref").asText().substring(1));
                object.remove("allOf");
                target.fields().forEachRemaining(field -> object.set(field.getKey(), field.getValue().deepCopy()));
                object.put("nullable", true);
            }
        }
        node.elements().forEachRemaining(child -> inline(child, root));
    }
}
