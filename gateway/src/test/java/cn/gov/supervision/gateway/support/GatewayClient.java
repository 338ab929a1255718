package cn.gov.supervision.gateway.support;

import io.restassured.RestAssured;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collections;

/** What rest-assured cannot do: send a body of undeclared length (chunked), as a streaming client would. */
public final class GatewayClient {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private GatewayClient() {
    }

    public static HttpResponse<String> postChunked(String path, int bytes) throws Exception {
        // an InputStream body has no known length, so the JDK client sends it chunked
        InputStream body = new SequenceInputStream(Collections.enumeration(java.util.List.of(
                new ByteArrayInputStream(new byte[bytes]))));
        HttpRequest request = HttpRequest.newBuilder(URI.create(gatewayUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    public static String gatewayUrl() {
        return "http://localhost:" + RestAssured.port;
    }
}
