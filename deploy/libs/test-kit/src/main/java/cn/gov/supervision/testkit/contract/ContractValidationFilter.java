package cn.gov.supervision.testkit.contract;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.RestAssuredRequest;
import com.atlassian.oai.validator.restassured.RestAssuredResponse;
import io.restassured.RestAssured;
import io.restassured.filter.FilterContext;
import io.restassured.filter.OrderedFilter;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Holds every exchange a test has with the application under test to the service's stored OpenAPI document: the
 * answer must be one the document describes (status, headers, body), and a request the document would refuse must
 * not succeed. A test that sends bad input on purpose gets its 4xx, so only then is the request's own mismatch
 * expected. Requests to other processes (neighbour services, the broker's helpers), to /q/ and CORS preflights (no
 * operation of any document) are not checked.
 * Runs last among the filters, so it sees the request as sent (with the credential the default caller adds).
 */
public final class ContractValidationFilter implements OrderedFilter {

    private final Supplier<String> document;
    private final String documentName;
    private OpenApiInteractionValidator validator;

    /** Holds the exchanges to a service's stored document. */
    public ContractValidationFilter(String document) {
        this(() -> document, ApiDocuments.STORED.toString());
    }

    /**
     * Holds the exchanges to a document read when the first one is checked: the gateway's merged document exists only
     * once the gateway and the services behind it run, after the test resources have started.
     */
    public ContractValidationFilter(Supplier<String> document, String documentName) {
        this.document = document;
        this.documentName = documentName;
    }

    private synchronized OpenApiInteractionValidator validator() {
        if (validator == null) {
            validator = OpenApiInteractionValidator
                    .createForInlineApiSpecification(NullableReferences.inlined(document.get())).build();
        }
        return validator;
    }

    @Override
    public int getOrder() {
        return LOWEST_PRECEDENCE;
    }

    @Override
    public Response filter(FilterableRequestSpecification requestSpec, FilterableResponseSpecification responseSpec,
                           FilterContext context) {
        Response response = context.next(requestSpec, responseSpec);
        if (!appliesTo(requestSpec)) {
            return response;
        }
        OpenApiInteractionValidator validator = validator();
        Request request = withFormBody(RestAssuredRequest.of(requestSpec), requestSpec);
        ValidationReport requestReport = validator.validateRequest(request);
        int status = response.statusCode();
        if (requestReport.getMessages().stream().anyMatch(m -> m.getKey().equals("validation.request.path.missing")
                || m.getKey().equals("validation.request.operation.notAllowed"))) {
            if (status == 404 || status == 405 || status == 401) {
                // not an operation of the document, and the service agrees; or a bad credential, which the gateway's
                // edge refuses before it looks at the path
                return response;
            }
            throw new AssertionError(request.getMethod() + " " + request.getPath() + " answered " + status
                    + " but the OpenAPI document " + documentName + " has no such operation");
        }
        ValidationReport responseReport = validator.validateResponse(request.getPath(), request.getMethod(),
                RestAssuredResponse.of(response));
        List<ValidationReport.Message> errors = new java.util.ArrayList<>(responseReport.getMessages());
        if (status < 400) {
            errors.addAll(requestReport.getMessages());
        }
        errors.removeIf(message -> message.getLevel() != ValidationReport.Level.ERROR);
        if (!requestSpec.getFormParams().isEmpty()) {
            // a form's values are strings on the wire; the validator reads "1" as a number and then finds it is not
            // the string the document rightly declares
            errors.removeIf(message -> message.getKey().equals("validation.request.body.schema.type")
                    && message.getMessage().endsWith("(allowed: [\"string\"])"));
        }
        if (String.valueOf(requestSpec.getContentType()).startsWith("multipart/")) {
            // the validator cannot read a multipart body from rest-assured; the parts are checked by the test itself
            errors.removeIf(message -> message.getKey().equals("validation.request.body.missing"));
        }
        if (!errors.isEmpty()) {
            String operation = errors.stream().map(ValidationReport.Message::getContext)
                    .flatMap(java.util.Optional::stream)
                    .map(c -> c.getApiOperation().map(o -> o.getOperation().getOperationId()).orElse(null))
                    .filter(java.util.Objects::nonNull).findFirst().orElse("?");
            throw new AssertionError("Operation " + operation + " (" + request.getMethod() + " " + request.getPath()
                    + ", answered " + status + ") does not match the OpenAPI document "
                    + documentName + ":\n" + errors.stream().map(m -> "  - " + m.getKey() + ": " + m.getMessage())
                    .collect(Collectors.joining("\n")));
        }
        return response;
    }

    /**
     * rest-assured keeps form fields apart from the body, so the validator would see a form POST (the mail link's
     * 签收 button) as one without a body: the fields are encoded into the body it reads, as the browser sends them.
     */
    private static Request withFormBody(Request request, FilterableRequestSpecification requestSpec) {
        Map<String, String> fields = requestSpec.getFormParams();
        if (request.getBody().filter(body -> !body.isBlank()).isPresent() || fields.isEmpty()
                || !String.valueOf(requestSpec.getContentType()).startsWith("application/x-www-form-urlencoded")) {
            return request;
        }
        SimpleRequest.Builder form = new SimpleRequest.Builder(request.getMethod(), request.getPath());
        request.getHeaders().forEach((name, values) -> form.withHeader(name, List.copyOf(values)));
        request.getQueryParameters().forEach(name -> form.withQueryParam(name,
                List.copyOf(request.getQueryParameterValues(name))));
        form.withBody(fields.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")));
        return form.build();
    }

    private static boolean appliesTo(FilterableRequestSpecification requestSpec) {
        URI uri = URI.create(requestSpec.getURI());
        boolean corsPreflight = "OPTIONS".equals(requestSpec.getMethod())
                && requestSpec.getHeaders().hasHeaderWithName("Access-Control-Request-Method");
        return uri.getPort() == RestAssured.port && uri.getPath().startsWith("/api/") && !corsPreflight;
    }
}
