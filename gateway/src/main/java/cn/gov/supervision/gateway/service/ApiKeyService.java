package cn.gov.supervision.gateway.service;

import cn.gov.supervision.gateway.api.ApiKeyView;
import cn.gov.supervision.gateway.api.CreateApiKeyRequest;
import cn.gov.supervision.gateway.api.CreatedApiKey;
import cn.gov.supervision.gateway.domain.ApiKey;
import cn.gov.supervision.gateway.domain.ApiKeyGrant;
import cn.gov.supervision.gateway.repository.ApiKeyRepository;
import cn.gov.supervision.gateway.security.ApiKeySecrets;
import cn.gov.supervision.kit.problem.ProblemException;
import cn.gov.supervision.kit.security.Permissions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

/** Issuing, listing and revoking API keys, and finding the key a secret belongs to. */
@ApplicationScoped
public class ApiKeyService {

    private final ApiKeyRepository keys;
    private final Event<ApiKeyRevoked> revoked;

    public ApiKeyService(ApiKeyRepository keys, Event<ApiKeyRevoked> revoked) {
        this.keys = keys;
        this.revoked = revoked;
    }

    @Transactional
    public CreatedApiKey create(CreateApiKeyRequest request, String createdBy) {
        TreeSet<String> scopes = new TreeSet<>();
        for (String scope : request.scopes()) {
            if (!Permissions.ALL.contains(scope.strip())) {
                throw ProblemException.invalidField("scopes", "unknown scope '" + scope + "'; known: "
                        + String.join(", ", new TreeSet<>(Permissions.ALL)));
            }
            scopes.add(scope.strip());
        }
        OffsetDateTime now = now();
        if (request.expiresAt() != null && !request.expiresAt().isAfter(now)) {
            throw ProblemException.invalidField("expiresAt", "must be in the future");
        }
        String secret = ApiKeySecrets.generate();
        ApiKey key = new ApiKey();
        key.id = UUID.randomUUID();
        key.name = request.name().strip();
        key.secretHash = ApiKeySecrets.hash(secret);
        key.secretPrefix = ApiKeySecrets.displayPrefix(secret);
        key.scopes = String.join(" ", scopes);
        key.unitId = request.unitId();
        key.createdAt = now;
        key.createdBy = createdBy;
        key.expiresAt = request.expiresAt() == null ? null
                : request.expiresAt().withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        keys.persist(key);
        return new CreatedApiKey(ApiKeyView.of(key), secret);
    }

    @Transactional
    public List<ApiKeyView> list() {
        return keys.listNewestFirst().stream().map(ApiKeyView::of).toList();
    }

    @Transactional
    public ApiKeyView get(UUID id) {
        return ApiKeyView.of(existing(id));
    }

    /** Revokes the key for good; revoking it again changes nothing. */
    @Transactional
    public void revoke(UUID id) {
        ApiKey key = existing(id);
        if (key.revokedAt == null) {
            key.revokedAt = now();
        }
        revoked.fire(new ApiKeyRevoked(id)); // observed after the commit (ApiKeyExchange)
    }

    /** The grant of the key with this secret hash if it is usable now, noting that it was used. */
    @Transactional
    public Optional<ApiKeyGrant> usableGrant(String secretHash) {
        OffsetDateTime now = now();
        return keys.findBySecretHash(secretHash).filter(key -> key.usableAt(now)).map(key -> {
            keys.touch(key.id, now);
            return key.grant();
        });
    }

    private ApiKey existing(UUID id) {
        return keys.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("API key", id));
    }

    private static OffsetDateTime now() {
        // microseconds: what PostgreSQL keeps, so that what we answer is what we stored
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
