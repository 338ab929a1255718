package cn.gov.supervision.kit.openapi;

import cn.gov.supervision.kit.problem.Problem;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.List;
import java.util.Map;

/**
 * What every service's document says the same way, added once here rather than on each method (registered with
 * {@code mp.openapi.filter} in each service):
 * <ul>
 *   <li>the error answers the service's edge gives any operation, derived from what the operation declares: 401 and
 *       403 where a credential is required, 400 where it takes parameters or a body, 415 where it takes a body, 404
 *       where a path names something, 409 on writes, 412 where it reads If-Match and 428 where If-Match is
 *       required;</li>
 *   <li>every error answer, also those a resource declares itself (409, 413, …), typed as the RFC 9457
 *       {@code Problem} schema in {@code application/problem+json};</li>
 *   <li>the {@code ETag} and {@code Location} headers as shared components, which resources refer to by name;</li>
 *   <li>contact and licence, the same for every service.</li>
 * </ul>
 */
public class ApiDocumentFilter implements OASFilter {

    public static final String PROBLEM = "Problem";
    public static final String PROBLEM_FIELD_ERROR = "ProblemFieldError";
    public static final String ETAG = "ETag";
    public static final String LOCATION = "Location";
    // the supervising office answers for the API; the terms say who may connect (government systems, by API key)
    public static final String CONTACT_NAME = "督查督办 platform team";
    public static final String CONTACT_EMAIL = "api@supervision.local";
    public static final String LICENSE_NAME = "Government internal use";
    public static final String LICENSE_URL = "https://supervision.local/api-terms";
    private static final java.util.Set<PathItem.HttpMethod> WRITES = java.util.EnumSet.of(
            PathItem.HttpMethod.POST, PathItem.HttpMethod.PUT, PathItem.HttpMethod.PATCH, PathItem.HttpMethod.DELETE);
    private static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;

    private static final Map<String, String> DESCRIPTIONS = Map.ofEntries(
            Map.entry("400", "Malformed or invalid request; errors[] names each field"),
            Map.entry("401", "No credential, or one that is malformed, expired or not trusted"),
            Map.entry("403", "The caller's role or scope does not allow this"),
            Map.entry("404", "Nothing with this id"),
            Map.entry("409", "Conflicts with the current state"),
            Map.entry("412", "If-Match names a version that is no longer current"),
            Map.entry("413", "The request body is too large"),
            Map.entry("415", "The body's media type is not accepted here"),
            Map.entry("422", "Well-formed, but refers to something that does not exist or cannot be used"),
            Map.entry("428", "If-Match is required: send the ETag of the version you changed"),
            Map.entry("429", "Too many requests; retry after Retry-After seconds"));

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents() : openAPI.getComponents();
        openAPI.setComponents(components);
        if (components.getSchemas() != null) {
            Map<String, Schema> schemas = components.getSchemas();
            schemas.values().forEach(schema -> allowNullWhereNotRequired(schema, schemas));
        }
        components.addSchema(PROBLEM_FIELD_ERROR, fieldErrorSchema());
        components.addSchema(PROBLEM, problemSchema());
        components.addHeader(ETAG, OASFactory.createHeader()
                .description("The version of the returned resource; send it back in If-Match to change it")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
        components.addHeader(LOCATION, OASFactory.createHeader()
                .description("The address of the created resource")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri")));
        if (openAPI.getInfo() != null) {
            openAPI.getInfo()
                    .contact(OASFactory.createContact().name(CONTACT_NAME).email(CONTACT_EMAIL))
                    .license(OASFactory.createLicense().name(LICENSE_NAME).url(LICENSE_URL));
        }
        boolean securedByDefault = openAPI.getSecurity() != null && !openAPI.getSecurity().isEmpty();
        if (openAPI.getPaths() == null) {
            return;
        }
        for (PathItem pathItem : openAPI.getPaths().getPathItems().values()) {
            List<Parameter> shared = pathItem.getParameters() == null ? List.of() : pathItem.getParameters();
            pathItem.getOperations().forEach((method, operation) ->
                    addProblems(operation, WRITES.contains(method), shared, securedByDefault));
        }
        inlineJavaTypeNames(openAPI);
        removeUnusedSchemas(openAPI);
    }

    /**
     * SmallRye names the schemas of {@code UUID}, {@code LocalDate}, {@code OffsetDateTime} after the Java types, and
     * such names collide with the generated clients' own types (Java renames them ModelLocalDate, TypeScript shadows
     * {@code Date}). They are plain strings with a format: written in place instead, and then unused.
     */
    private static void inlineJavaTypeNames(OpenAPI openAPI) {
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        java.util.function.UnaryOperator<Schema> inline = new java.util.function.UnaryOperator<>() {
            @Override
            public Schema apply(Schema schema) {
                if (schema == null) {
                    return null;
                }
                if (schema.getRef() != null) {
                    Schema target = schemas.get(schema.getRef().substring(schema.getRef().lastIndexOf('/') + 1));
                    return isPlainValue(target) && target.getEnumeration() == null ? plainCopy(target) : schema;
                }
                if (schema.getProperties() != null) {
                    Map<String, Schema> properties = new java.util.LinkedHashMap<>(schema.getProperties());
                    properties.replaceAll((name, property) -> apply(property));
                    schema.setProperties(properties);
                }
                schema.setItems(apply(schema.getItems()));
                if (schema.getAdditionalPropertiesSchema() != null) {
                    schema.setAdditionalPropertiesSchema(apply(schema.getAdditionalPropertiesSchema()));
                }
                if (schema.getAllOf() != null) {
                    schema.setAllOf(new java.util.ArrayList<>(schema.getAllOf().stream().map(this::apply).toList()));
                }
                return schema;
            }
        };
        schemas.values().forEach(inline::apply);
        replaceOperationSchemas(openAPI, inline);
    }

    /**
     * Replaces each schema the operations name directly (parameters, request and response bodies, response headers)
     * by what {@code replacement} makes of it; schemas the operation has none of are passed as null.
     */
    private static void replaceOperationSchemas(OpenAPI openAPI, java.util.function.UnaryOperator<Schema> replacement) {
        for (PathItem pathItem : openAPI.getPaths().getPathItems().values()) {
            List<Parameter> parameters = new java.util.ArrayList<>(
                    pathItem.getParameters() == null ? List.of() : pathItem.getParameters());
            for (Operation operation : pathItem.getOperations().values()) {
                if (operation.getParameters() != null) {
                    parameters.addAll(operation.getParameters());
                }
                if (operation.getRequestBody() != null) {
                    replaceContentSchemas(operation.getRequestBody().getContent(), replacement);
                }
                operation.getResponses().getAPIResponses().values().forEach(response -> {
                    replaceContentSchemas(response.getContent(), replacement);
                    if (response.getHeaders() != null) {
                        response.getHeaders().values().stream().filter(header -> header.getRef() == null)
                                .forEach(header -> header.setSchema(replacement.apply(header.getSchema())));
                    }
                });
            }
            parameters.forEach(parameter -> parameter.setSchema(replacement.apply(parameter.getSchema())));
        }
    }

    private static void replaceContentSchemas(Content content, java.util.function.UnaryOperator<Schema> replacement) {
        if (content != null && content.getMediaTypes() != null) {
            content.getMediaTypes().values()
                    .forEach(mediaType -> mediaType.setSchema(replacement.apply(mediaType.getSchema())));
        }
    }

    /** Inlined plain values leave their component unused, as a service without ETags leaves that header; a linter
     * rightly objects to both. */
    private static void removeUnusedSchemas(OpenAPI openAPI) {
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        java.util.Set<String> used = new java.util.HashSet<>();
        java.util.Deque<Schema> pending = new java.util.LinkedList<>(); // takes the nulls of absent parts
        replaceOperationSchemas(openAPI, schema -> {
            pending.add(schema);
            return schema;
        });
        while (!pending.isEmpty()) {
            Schema schema = pending.pop();
            if (schema == null) {
                continue;
            }
            if (schema.getRef() != null) {
                String name = schema.getRef().substring(schema.getRef().lastIndexOf('/') + 1);
                if (used.add(name)) {
                    pending.add(schemas.get(name));
                }
            }
            if (schema.getProperties() != null) {
                pending.addAll(schema.getProperties().values());
            }
            pending.add(schema.getItems());
            pending.add(schema.getAdditionalPropertiesSchema());
            for (List<Schema> combined : java.util.Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
                if (combined != null) {
                    pending.addAll(combined);
                }
            }
        }
        Map<String, Schema> kept = new java.util.LinkedHashMap<>(schemas);
        kept.keySet().retainAll(used);
        openAPI.getComponents().setSchemas(kept);
        java.util.Set<String> usedHeaders = new java.util.HashSet<>();
        openAPI.getPaths().getPathItems().values().forEach(pathItem -> pathItem.getOperations().values()
                .forEach(operation -> operation.getResponses().getAPIResponses().values().forEach(response -> {
                    if (response.getHeaders() != null) {
                        response.getHeaders().values().stream().filter(header -> header.getRef() != null)
                                .forEach(header -> usedHeaders.add(
                                        header.getRef().substring(header.getRef().lastIndexOf('/') + 1)));
                    }
                })));
        Map<String, org.eclipse.microprofile.openapi.models.headers.Header> headers =
                new java.util.LinkedHashMap<>(openAPI.getComponents().getHeaders());
        headers.keySet().retainAll(usedHeaders);
        openAPI.getComponents().setHeaders(headers);
    }

    private static void addProblems(Operation operation, boolean write, List<Parameter> shared,
                                    boolean securedByDefault) {
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses()
                : operation.getResponses();
        operation.setResponses(responses);
        List<Parameter> parameters = new java.util.ArrayList<>(shared);
        if (operation.getParameters() != null) {
            parameters.addAll(operation.getParameters());
        }
        boolean secured = operation.getSecurity() == null ? securedByDefault : !operation.getSecurity().isEmpty();
        if (secured) {
            addIfAbsent(responses, "401");
            addIfAbsent(responses, "403");
        }
        if (!parameters.isEmpty() || operation.getRequestBody() != null) {
            addIfAbsent(responses, "400");
        }
        if (operation.getRequestBody() != null) {
            addIfAbsent(responses, "415");
        }
        if (write) {
            // two writers racing for a unique value: the loser gets 409 (PersistenceProblemMappers), on any write
            addIfAbsent(responses, "409");
        }
        for (Parameter parameter : parameters) {
            if (parameter.getIn() == Parameter.In.PATH) {
                addIfAbsent(responses, "404");
            }
            if (parameter.getIn() == Parameter.In.HEADER && "If-Match".equalsIgnoreCase(parameter.getName())) {
                addIfAbsent(responses, "412");
                if (Boolean.TRUE.equals(parameter.getRequired())) {
                    addIfAbsent(responses, "428");
                }
            }
        }
        responses.getAPIResponses().forEach((code, response) -> {
            if ((code.startsWith("4") || code.startsWith("5")) && response.getRef() == null
                    && (response.getContent() == null || response.getContent().getMediaTypes().isEmpty())) {
                response.setContent(problemContent());
            }
        });
    }

    /**
     * Our records write a missing value as {@code null} (a unit without parent: {@code "parentId": null}), so a
     * property the schema does not require is nullable. A reference to a plain value (an id, a date, an enum) is
     * replaced by a nullable copy, as 3.0 ignores what stands beside a {@code $ref} and validators refuse null inside
     * an {@code allOf}; a reference to an object becomes a nullable object of {@code allOf} that one reference, the form
     * generators understand.
     */
    private static void allowNullWhereNotRequired(Schema schema, Map<String, Schema> schemas) {
        if (schema.getProperties() == null) {
            return;
        }
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        Map<String, Schema> properties = new java.util.LinkedHashMap<>(schema.getProperties());
        properties.replaceAll((name, property) -> {
            if (required.contains(name)) {
                return property;
            }
            if (property.getRef() != null) {
                Schema target = schemas.get(property.getRef().substring(property.getRef().lastIndexOf('/') + 1));
                return isPlainValue(target) ? nullableCopy(target) : OASFactory.createSchema().addAllOf(property)
                        .type(new java.util.ArrayList<>(List.of(Schema.SchemaType.OBJECT, Schema.SchemaType.NULL)));
            }
            if (property.getType() != null && !property.getType().contains(Schema.SchemaType.NULL)) {
                property.addType(Schema.SchemaType.NULL);
            }
            return property;
        });
        schema.setProperties(properties);
    }

    private static boolean isPlainValue(Schema schema) {
        return schema != null && schema.getType() != null && schema.getProperties() == null
                && schema.getType().stream().noneMatch(type -> type == Schema.SchemaType.OBJECT
                || type == Schema.SchemaType.ARRAY);
    }

    private static Schema nullableCopy(Schema plain) {
        return plainCopy(plain).addType(Schema.SchemaType.NULL);
    }

    private static Schema plainCopy(Schema plain) {
        return OASFactory.createSchema().type(new java.util.ArrayList<>(plain.getType()))
                .format(plain.getFormat()).pattern(plain.getPattern()).description(plain.getDescription())
                .enumeration(plain.getEnumeration() == null ? null : new java.util.ArrayList<>(plain.getEnumeration()));
    }

    private static void addIfAbsent(APIResponses responses, String code) {
        if (!responses.hasAPIResponse(code)) {
            APIResponse response = OASFactory.createAPIResponse().description(DESCRIPTIONS.get(code));
            responses.addAPIResponse(code, response);
        }
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF)));
    }

    /** The shape of {@link Problem}, which the validation of every test response holds the services to. */
    private static Schema fieldErrorSchema() {
        Schema string = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("One invalid field: its path in the request, and what is wrong with it")
                .addProperty("field", string)
                .addProperty("message", string)
                .required(List.of("message"));
    }

    private static Schema problemSchema() {
        Schema string = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        Schema fieldError = OASFactory.createSchema().ref("#/components/schemas/" + PROBLEM_FIELD_ERROR);
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details, the one error shape of every service")
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri-reference"))
                .addProperty("title", string)
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32"))
                .addProperty("detail", string)
                .addProperty("instance", string)
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(fieldError))
                .addProperty("requestId", string)
                .required(List.of("type", "title", "status"));
    }
}
