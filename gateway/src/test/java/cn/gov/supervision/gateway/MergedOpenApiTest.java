package cn.gov.supervision.gateway;

import cn.gov.supervision.gateway.support.GatewayClient;
import cn.gov.supervision.gateway.support.ServiceStackProfile;
import cn.gov.supervision.gateway.support.ServiceStackTestResource;
import cn.gov.supervision.testkit.EventSchemas;
import cn.gov.supervision.testkit.ServiceProcess;
import cn.gov.supervision.testkit.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/** The one document of the platform, built from the real services' documents. */
@QuarkusTest
@TestProfile(ServiceStackProfile.class)
class MergedOpenApiTest {

    @BeforeAll
    static void actAsAdmin() {
        TestTokens.actAs(TestTokens.admin());
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theMergedDocumentIsValidAndHasEveryOperationOfEveryService() throws Exception {
        String merged = given().when().get("/q/openapi")
                .then().statusCode(200).contentType("application/json").extract().asString();
        SwaggerParseResult parsed = parse(merged);
        assertThat(parsed.getMessages()).isEmpty();
        OpenAPI document = parsed.getOpenAPI();

        Set<String> operations = operations(document);
        Map<String, ServiceProcess> services = Map.of(
                "units-service", ServiceStackTestResource.units(),
                "tasks-service", ServiceStackTestResource.tasks(),
                "notifications-service", ServiceStackTestResource.notifications());
        for (Map.Entry<String, ServiceProcess> service : services.entrySet()) {
            OpenAPI own = parse(given().baseUri(service.getValue().baseUrl()).port(-1)
                    .when().get("/q/openapi?format=json").then().statusCode(200).extract().asString()).getOpenAPI();
            Set<String> ownOperations = operations(own);
            assertThat(ownOperations).isNotEmpty();
            assertThat(operations).containsAll(ownOperations);
            // and each is grouped under its service
            own.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                    assertThat(document.getPaths().get(path).readOperationsMap().get(method).getTags())
                            .allSatisfy(tag -> assertThat(tag).startsWith(service.getKey() + ": "))));
        }
        assertThat(document.getTags()).extracting(tag -> tag.getName())
                .contains("units-service: units", "tasks-service: tasks", "tasks-service: plans",
                        "notifications-service: calendar");
        assertThat(document.getServers()).singleElement()
                .satisfies(server -> assertThat(server.getUrl()).isEqualTo(GatewayClient.gatewayUrl()));
        assertThat(document.getComponents().getSecuritySchemes()).containsOnlyKeys("bearerJwt", "apiKey");
        assertThat(document.getComponents().getSecuritySchemes().get("apiKey").getName()).isEqualTo("X-API-Key");
        // a service's operation takes the bearer token it asks for, or an API key through the gateway
        Operation createTask = document.getPaths().get("/api/v1/tasks").getPost();
        assertThat(createTask.getSecurity()).extracting(requirement -> requirement.keySet())
                .containsExactlyInAnyOrder(Set.of("bearerJwt"), Set.of("apiKey"));
        assertThat(danglingRefs(JSON.readTree(merged))).isEmpty();
        // the gateway's own answers are part of every operation, typed as the one Problem schema of all services
        assertThat(createTask.getResponses()).containsKeys("201", "400", "401", "403", "413", "429", "502", "503", "504");
        assertThat(createTask.getResponses().get("429").getHeaders()).containsKey("Retry-After");
        assertThat(document.getComponents().getSchemas()).containsKey("Problem")
                .allSatisfy((name, schema) -> assertThat(name).doesNotEndWith(".Problem"));
        assertThat(document.getInfo().getContact().getName()).isNotBlank();
        assertThat(document.getInfo().getLicense().getUrl()).isNotBlank();
        assertThat(document.getTags()).allSatisfy(tag -> assertThat(tag.getDescription()).as(tag.getName()).isNotBlank());
        Set<String> operationIds = new TreeSet<>();
        document.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                assertThat(operationIds.add(operation.getOperationId())).as(method + " " + path + " has a unique operationId")
                        .isTrue()));

        // the gateway's own operations, under its own tag and the bearer scheme (an API key cannot manage keys)
        assertThat(operations).contains("GET /api/v1/api-keys", "POST /api/v1/api-keys", "GET /api/v1/api-keys/{id}",
                "DELETE /api/v1/api-keys/{id}");
        Operation create = document.getPaths().get("/api/v1/api-keys").getPost();
        assertThat(create.getTags()).containsExactly("gateway");
        assertThat(create.getSecurity()).singleElement().satisfies(requirement ->
                assertThat(requirement).containsOnlyKeys("bearerJwt"));
    }

    @Test
    void theEventsDocumentDescribesEveryTopicWithTheProducersOwnSchemas() throws Exception {
        JsonNode asyncApi = JSON.readTree(TestTokens.anonymous().when().get("/q/asyncapi")
                .then().statusCode(200).contentType("application/json").extract().asString());
        assertThat(asyncApi.path("asyncapi").asText()).isEqualTo("3.0.0");
        Map<String, String> producerSchemas = Map.of(
                "units.events", EventSchemas.UNIT_EVENTS,
                "tasks.events", EventSchemas.TASK_EVENTS,
                "notifications.events", EventSchemas.NOTIFICATION_EVENTS);
        Set<String> addresses = new TreeSet<>();
        asyncApi.path("channels").forEach(channel -> addresses.add(channel.path("address").asText()));
        assertThat(addresses).isEqualTo(producerSchemas.keySet());

        for (JsonNode channel : asyncApi.path("channels")) {
            JsonNode producerSchema = JSON.readTree(EventSchemas.producerFile(
                    producerSchemas.get(channel.path("address").asText())).toFile());
            // every event type the producer may publish is a message of the channel, and nothing else is
            Set<String> types = new TreeSet<>();
            producerSchema.at("/properties/type/enum").forEach(type -> types.add(type.asText()));
            Set<String> messages = new TreeSet<>();
            channel.path("messages").forEach(reference -> {
                JsonNode message = asyncApi.at(reference.path("$ref").asText().substring(1));
                messages.add(message.path("name").asText());
                // its payload is the producer's schema file, served next to the document as it is in the tree
                String schemaRef = message.at("/payload/schema/$ref").asText();
                assertThat(schemaRef).isEqualTo("schemas/" + EventSchemas.producerFile(
                        producerSchemas.get(channel.path("address").asText())).getFileName());
                try {
                    assertThat(JSON.readTree(TestTokens.anonymous().when().get("/q/asyncapi/" + schemaRef)
                            .then().statusCode(200).extract().asString())).isEqualTo(producerSchema);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            assertThat(messages).as(channel.path("address").asText()).isEqualTo(types);
        }
        // every operation sends on a channel of the document
        asyncApi.path("operations").forEach(operation ->
                assertThat(asyncApi.at(operation.at("/channel/$ref").asText().substring(1)).isMissingNode()).isFalse());
        assertThat(danglingRefs(asyncApi)).isEmpty();
    }

    @Test
    void yamlIsServedByFormatParameterOrAcceptHeader() {
        for (var request : List.of(given().queryParam("format", "yaml"), given().accept("application/yaml"))) {
            String yaml = request.when().get("/q/openapi")
                    .then().statusCode(200).contentType("application/yaml").extract().asString();
            SwaggerParseResult parsed = parse(yaml);
            assertThat(parsed.getMessages()).isEmpty();
            assertThat(parsed.getOpenAPI().getPaths()).containsKeys("/api/v1/units", "/api/v1/tasks",
                    "/api/v1/calendar/workdays");
        }
        given().queryParam("format", "xml").when().get("/q/openapi")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void swaggerUiShowsTheMergedDocument() {
        given().when().get("/q/swagger-ui/")
                .then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("/q/openapi"));
    }

    private static SwaggerParseResult parse(String document) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        return new OpenAPIV3Parser().readContents(document, null, options);
    }

    private static Set<String> operations(OpenAPI document) {
        Set<String> operations = new TreeSet<>();
        document.getPaths().forEach((path, item) -> {
            Map<PathItem.HttpMethod, Operation> byMethod = item.readOperationsMap();
            byMethod.keySet().forEach(method -> operations.add(method + " " + path));
        });
        return operations;
    }

    /** Every local $ref must name a component that exists. */
    private static List<String> danglingRefs(JsonNode document) {
        List<String> dangling = new ArrayList<>();
        collectRefs(document, document, dangling);
        return dangling;
    }

    private static void collectRefs(JsonNode root, JsonNode node, List<String> dangling) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith("#/")
                    && root.at(ref.asText().substring(1)).isMissingNode()) {
                dangling.add(ref.asText());
            }
        }
        node.elements().forEachRemaining(child -> collectRefs(root, child, dangling));
    }
}
