package cn.gov.supervision.gateway.support;

import io.restassured.RestAssured;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** What rest-assured cannot do: send a body of undeclared length (chunked), or only after 100 Continue. */
public final class GatewayClient {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private GatewayClient() {
    }

    public static HttpResponse<String> postChunked(String path, int bytes) throws Exception {
        return post(path, bytes, false);
    }

    /** Asks for leave to send the body first (Expect: 100-continue), as curl does for larger bodies. */
    public static HttpResponse<String> postExpectingContinue(String path, int bytes) throws Exception {
        return post(path, bytes, true);
    }

    private static HttpResponse<String> post(String path, int bytes, boolean expectContinue) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(gatewayUrl() + path))
                .expectContinue(expectContinue)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/octet-stream")
                // a body from an InputStream has no known length, so the JDK client sends it chunked
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[bytes])))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    public static String gatewayUrl() {
        return "http://localhost:" + RestAssured.port;
    }
}
