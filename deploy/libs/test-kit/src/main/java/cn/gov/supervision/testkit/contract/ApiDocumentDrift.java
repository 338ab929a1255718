package cn.gov.supervision.testkit.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The differences between the stored and the served document, told per operation: an operation differs when it, or
 * any component it refers to (directly or through other components), differs. So a field changed in a schema names
 * every operation whose requests or answers carry it, which is what a reviewer needs to see.
 */
public final class ApiDocumentDrift {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");
    private static final String REF_PREFIX = "#/components/";

    private ApiDocumentDrift() {
    }

    /** One line per differing operation (and one for the rest of the document), empty when they agree. */
    public static List<String> between(JsonNode stored, JsonNode served) {
        List<String> differences = new ArrayList<>();
        Set<String> operations = new TreeSet<>();
        operations.addAll(operationKeys(stored));
        operations.addAll(operationKeys(served));
        for (String key : operations) {
            JsonNode before = closure(stored, key);
            JsonNode after = closure(served, key);
            String name = operationName(served, key, stored);
            if (before == null) {
                differences.add(name + ": new, not in the stored document");
            } else if (after == null) {
                differences.add(name + ": in the stored document, no longer served");
            } else if (!before.equals(after)) {
                differences.add(name + ": differs at " + firstDifference("", before, after));
            }
        }
        ObjectNode storedRest = rest(stored);
        ObjectNode servedRest = rest(served);
        if (!storedRest.equals(servedRest)) {
            differences.add("document (info, tags, components): differs at "
                    + firstDifference("", storedRest, servedRest));
        }
        return differences;
    }

    private static Set<String> operationKeys(JsonNode document) {
        Set<String> keys = new LinkedHashSet<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (METHODS.contains(method)) {
                keys.add(method.toUpperCase() + " " + path.getKey());
            }
        }));
        return keys;
    }

    private static JsonNode operation(JsonNode document, String key) {
        int space = key.indexOf(' ');
        JsonNode operation = document.path("paths").path(key.substring(space + 1)).get(key.substring(0, space).toLowerCase());
        return operation == null || !operation.isObject() ? null : operation;
    }

    private static String operationName(JsonNode served, String key, JsonNode stored) {
        JsonNode operation = operation(served, key);
        if (operation == null) {
            operation = operation(stored, key);
        }
        String id = operation == null ? "" : operation.path("operationId").asText("");
        return (id.isEmpty() ? "(no operationId)" : id) + " (" + key + ")";
    }

    /** The operation with every component it reaches, as one node to compare. */
    private static JsonNode closure(JsonNode document, String key) {
        JsonNode operation = operation(document, key);
        if (operation == null) {
            return null;
        }
        ObjectNode closure = JsonNodeFactory.instance.objectNode();
        closure.set("operation", operation);
        int space = key.indexOf(' ');
        JsonNode pathParameters = document.path("paths").path(key.substring(space + 1)).get("parameters");
        if (pathParameters != null) {
            closure.set("pathParameters", pathParameters);
        }
        ObjectNode components = closure.putObject("components");
        List<JsonNode> pending = new ArrayList<>(List.of(closure.deepCopy()));
        Set<String> seen = new TreeSet<>();
        while (!pending.isEmpty()) {
            JsonNode next = pending.remove(pending.size() - 1);
            for (String ref : refs(next)) {
                if (seen.add(ref)) {
                    JsonNode component = document.at("/components/" + ref);
                    components.set(ref, component);
                    pending.add(component);
                }
            }
        }
        return closure;
    }

    private static Set<String> refs(JsonNode node) {
        Set<String> refs = new LinkedHashSet<>();
        collectRefs(node, refs);
        return refs;
    }

    private static void collectRefs(JsonNode node, Set<String> refs) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith(REF_PREFIX)) {
                refs.add(ref.asText().substring(REF_PREFIX.length()));
            }
        }
        node.elements().forEachRemaining(child -> collectRefs(child, refs));
    }

    private static ObjectNode rest(JsonNode document) {
        ObjectNode rest = document.deepCopy();
        rest.remove("paths");
        return rest;
    }

    /** A JSON pointer to the first place where the two differ, with both values there. */
    static String firstDifference(String pointer, JsonNode before, JsonNode after) {
        if (before != null && after != null && before.isObject() && after.isObject()) {
            Set<String> names = new TreeSet<>();
            before.fieldNames().forEachRemaining(names::add);
            after.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                if (!java.util.Objects.equals(before.get(name), after.get(name))) {
                    return firstDifference(pointer + "/" + name.replace("~", "~0").replace("/", "~1"),
                            before.get(name), after.get(name));
                }
            }
        } else if (before != null && after != null && before.isArray() && after.isArray() && before.size() == after.size()) {
            for (int i = 0; i < before.size(); i++) {
                if (!before.get(i).equals(after.get(i))) {
                    return firstDifference(pointer + "/" + i, before.get(i), after.get(i));
                }
            }
        }
        return pointer + " (stored: " + brief(before) + ", served: " + brief(after) + ")";
    }

    private static String brief(JsonNode node) {
        if (node == null) {
            return "absent";
        }
        String text = node.toString();
        return text.length() > 120 ? text.substring(0, 117) + "..." : text;
    }
}
