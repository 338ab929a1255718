package cn.gov.supervision.gateway.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.auth.User;
import io.vertx.ext.web.RoutingContext;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Who is calling, as far as the edge can tell, for per-client limits. In order: a user that an authentication stage
 * has verified; an API key (hashed, so keys are not kept in memory); the subject of a bearer token; the remote
 * address. Until authentication exists the key and the token are taken on trust: a client that invents new ones
 * gets new buckets, which is no worse than the per-address limit it would otherwise have.
 */
public final class ClientIdentity {

    public static final String API_KEY_HEADER = "X-API-Key";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ClientIdentity() {
    }

    public static String of(RoutingContext context) {
        User user = context.user();
        if (user != null && user.subject() != null) {
            return "user:" + user.subject();
        }
        String apiKey = context.request().getHeader(API_KEY_HEADER);
        if (apiKey != null && !apiKey.isBlank()) {
            return "api-key:" + sha256(apiKey.strip());
        }
        String subject = bearerSubject(context.request().getHeader("Authorization"));
        if (subject != null) {
            return "subject:" + subject;
        }
        return "address:" + context.request().remoteAddress().hostAddress();
    }

    /** The {@code sub} claim of a JWT bearer token, unverified; null when there is none or it cannot be read. */
    static String bearerSubject(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String[] parts = authorization.substring(7).strip().split("\\.");
        if (parts.length != 3 || parts[1].length() > 8192) {
            return null;
        }
        try {
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            JsonNode sub = claims.get("sub");
            return sub != null && sub.isTextual() && !sub.asText().isBlank() ? sub.asText() : null;
        } catch (IllegalArgumentException | java.io.IOException e) {
            return null;
        }
    }

    private static String sha256(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
