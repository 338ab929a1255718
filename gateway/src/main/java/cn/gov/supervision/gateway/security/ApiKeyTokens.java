package cn.gov.supervision.gateway.security;

import cn.gov.supervision.gateway.config.GatewayConfig;
import cn.gov.supervision.gateway.domain.ApiKeyGrant;
import cn.gov.supervision.kit.security.Claims;
import cn.gov.supervision.kit.security.KeyLocations;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.jwt.util.KeyUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Mints the token a valid API key is exchanged for: RS256, signed with the gateway's own key
 * ({@code smallrye.jwt.sign.key.location}), issued as the issuer the services trust, to the audiences they expect
 * ({@code mp.jwt.verify.audiences}, which the gateway checks on bearer tokens too), for a few minutes. Subject
 * {@code api-key:<id>}, {@code api_key_id}, {@code scope} (the key's permissions, space-separated) and
 * {@code unit_id} for a key bound to one unit; service-kit's CallerPermissions grants exactly those scopes.
 */
@ApplicationScoped
public class ApiKeyTokens {

    private static final Logger LOG = Logger.getLogger(ApiKeyTokens.class);

    private final String issuer;
    private final Set<String> audiences;
    private final String keyLocation;
    private final Duration lifetime;
    private final String keyId;
    private volatile PrivateKey signingKey;

    public ApiKeyTokens(@ConfigProperty(name = "mp.jwt.verify.issuer") String issuer,
                        @ConfigProperty(name = "mp.jwt.verify.audiences") Optional<Set<String>> audiences,
                        @ConfigProperty(name = "smallrye.jwt.sign.key.location") String keyLocation,
                        GatewayConfig config) {
        this.issuer = issuer;
        this.audiences = audiences.orElse(Set.of());
        this.keyLocation = keyLocation;
        this.lifetime = config.auth().tokenLifetime();
        this.keyId = config.auth().signingKeyId();
    }

    /**
     * Reads the key once, at start. A gateway without it still serves bearer tokens; API keys are then refused with a
     * 503 (and this error in the log) rather than keeping the whole gateway down.
     */
    void load(@Observes StartupEvent ignored) {
        try {
            signingKey = KeyUtils.decodePrivateKey(readPem(keyLocation));
        } catch (Exception | Error e) {
            LOG.errorf("Cannot read the signing key for API-key tokens at %s (smallrye.jwt.sign.key.location): %s;"
                    + " requests with an X-API-Key will be refused with 503", keyLocation, e.toString());
        }
    }

    /** A file: URL in any of its spellings (file:/x, file:///x, file:relative), else whatever smallrye-jwt reads. */
    private static String readPem(String location) throws IOException {
        if (!KeyLocations.isFile(location)) {
            return KeyUtils.readKeyContent(location);
        }
        return Files.readString(KeyLocations.file(location), StandardCharsets.US_ASCII);
    }

    public boolean available() {
        return signingKey != null;
    }

    /** A token for this key, valid from {@code now} for the configured lifetime but never beyond the key's expiry. */
    public MintedToken mint(ApiKeyGrant grant, Instant now) {
        Instant expiresAt = now.plus(lifetime);
        if (grant.expiresAt() != null && grant.expiresAt().isBefore(expiresAt)) {
            expiresAt = grant.expiresAt();
        }
        JwtClaimsBuilder claims = Jwt.issuer(issuer)
                .subject("api-key:" + grant.keyId())
                .issuedAt(now)
                .expiresAt(expiresAt)
                .claim(Claims.API_KEY_ID, grant.keyId().toString())
                .claim(Claims.SCOPE, String.join(" ", grant.scopes()));
        if (!audiences.isEmpty()) {
            claims.audience(audiences);
        }
        if (grant.unitId() != null) {
            claims.claim(Claims.UNIT_ID, grant.unitId().toString());
        }
        return new MintedToken(claims.jws().keyId(keyId).sign(signingKey), expiresAt);
    }

    public record MintedToken(String token, Instant expiresAt) {
    }
}
