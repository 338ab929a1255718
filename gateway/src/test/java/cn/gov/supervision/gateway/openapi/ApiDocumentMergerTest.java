package cn.gov.supervision.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The merge rules on small documents, including the clashes our services do not have (yet). */
class ApiDocumentMergerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final ApiDocumentMerger merger = new ApiDocumentMerger("督查督办 API", "1.0.0");

    @Test
    void sameNamedSchemasThatDifferArePrefixedWithTheServiceAndTheirRefsFollow() throws Exception {
        ServiceApiDocument tasks = service("tasks-service", List.of("/api/v1/tasks"), """
                {"openapi":"3.1.0","info":{"title":"tasks-service","version":"1.2.0"},
                 "tags":[{"name":"tasks","description":"Key tasks"}],
                 "paths":{"/api/v1/tasks":{"get":{"tags":["tasks"],"operationId":"list",
                   "responses":{"200":{"description":"OK","content":{"application/json":{"schema":{"$ref":"#/components/schemas/TaskView"}}}}}}}},
                 "components":{"schemas":{
                   "DeadlineKind":{"type":"string","enum":["DATE","MONTH_END"]},
                   "TaskView":{"type":"object","properties":{"deadline":{"$ref":"#/components/schemas/DeadlineKind"},
                                                             "id":{"$ref":"#/components/schemas/UUID"}}},
                   "UUID":{"type":"string","format":"uuid"}}}}
                """);
        ServiceApiDocument notifications = service("notifications-service", List.of("/api/v1/notifications"), """
                {"openapi":"3.1.0","info":{"title":"notifications-service","version":"1.0.0"},
                 "paths":{"/api/v1/notifications":{"get":{"operationId":"list",
                   "responses":{"200":{"description":"OK","content":{"application/json":{"schema":{"$ref":"#/components/schemas/TaskView"}}}}}}},
                  "/q/internal":{"get":{"responses":{"200":{"description":"OK"}}}}},
                 "components":{"schemas":{
                   "DeadlineKind":{"type":"string","enum":["DATE","RECURRING"]},
                   "TaskView":{"type":"object","properties":{"deadline":{"$ref":"#/components/schemas/DeadlineKind"},
                                                             "id":{"$ref":"#/components/schemas/UUID"}}},
                   "UUID":{"type":"string","format":"uuid"}}}}
                """);

        ObjectNode merged = merger.merge(List.of(tasks, notifications), List.of());

        JsonNode schemas = merged.path("components").path("schemas");
        assertThat(names(schemas)).containsExactlyInAnyOrder("tasks-service.DeadlineKind",
                "notifications-service.DeadlineKind", "tasks-service.TaskView", "notifications-service.TaskView", "UUID");
        // TaskView is written identically in both, but means different things once DeadlineKind is told apart
        assertThat(schemas.at("/tasks-service.TaskView/properties/deadline/$ref").asText())
                .isEqualTo("#/components/schemas/tasks-service.DeadlineKind");
        assertThat(schemas.at("/notifications-service.TaskView/properties/id/$ref").asText())
                .isEqualTo("#/components/schemas/UUID");
        assertThat(merged.at("/paths/~1api~1v1~1notifications/get/responses/200/content/application~1json/schema/$ref")
                .asText()).isEqualTo("#/components/schemas/notifications-service.TaskView");

        assertThat(merged.at("/paths/~1api~1v1~1tasks/get/tags/0").asText()).isEqualTo("tasks-service: tasks");
        assertThat(merged.at("/paths/~1api~1v1~1notifications/get/tags/0").asText()).isEqualTo("notifications-service");
        assertThat(merged.at("/paths/~1api~1v1~1tasks/get/operationId").asText()).isEqualTo("tasks-service_list");
        assertThat(merged.path("paths").has("/q/internal")).as("a path the gateway does not route").isFalse();
        assertThat(merged.path("tags").findValuesAsText("name"))
                .containsExactly("tasks-service: tasks", "notifications-service");
        assertThat(merged.at("/tags/0/description").asText()).isEqualTo("Key tasks");
    }

    @Test
    void sharedSecuritySchemesAndAnEmptyServerListAreTheGatewaysOwn() throws Exception {
        ServiceApiDocument units = service("units-service", List.of("/api/v1/units"), """
                {"openapi":"3.1.0","info":{"title":"units-service","version":"1.0.0"},
                 "servers":[{"url":"http://units:8081"}],
                 "paths":{"/api/v1/units":{"servers":[{"url":"http://units:8081"}],
                   "get":{"responses":{"200":{"description":"OK"}}}}},
                 "components":{"securitySchemes":{"apiKey":{"type":"apiKey","in":"query","name":"key"}}}}
                """);

        ObjectNode merged = merger.merge(List.of(units), List.of("tasks-service"));

        assertThat(merged.path("servers").isEmpty()).isTrue();
        assertThat(merged.at("/paths/~1api~1v1~1units").has("servers")).isFalse();
        JsonNode schemes = merged.path("components").path("securitySchemes");
        assertThat(schemes.at("/apiKey/name").asText()).isEqualTo("X-API-Key");
        // the service's own definition of a scheme is not offered: clients authenticate to the gateway
        assertThat(names(schemes)).containsExactlyInAnyOrder("bearerJwt", "apiKey");
        assertThat(schemes.at("/bearerJwt/scheme").asText()).isEqualTo("bearer");
        // either scheme will do: two alternatives, neither with scopes
        assertThat(merged.path("security")).hasSize(2);
        assertThat(merged.at("/security/0/bearerJwt").isEmpty()).isTrue();
        assertThat(merged.at("/security/1/apiKey").isEmpty()).isTrue();
        assertThat(merged.at("/info/description").asText())
                .contains("units-service 1.0.0").contains("tasks-service: unavailable");
    }

    private static ServiceApiDocument service(String name, List<String> paths, String json) throws Exception {
        return new ServiceApiDocument(name, paths, (ObjectNode) JSON.readTree(json));
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
