package cn.gov.supervision.gateway.api;

import cn.gov.supervision.gateway.domain.ApiKey;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A key as an administrator sees it: never its secret, only the prefix that tells it apart. */
public record ApiKeyView(UUID id, String name, String prefix, List<String> scopes, UUID unitId,
                         OffsetDateTime createdAt, String createdBy, OffsetDateTime expiresAt,
                         OffsetDateTime revokedAt, OffsetDateTime lastUsedAt) {

    public static ApiKeyView of(ApiKey key) {
        return new ApiKeyView(key.id, key.name, key.secretPrefix, List.copyOf(key.scopeSet()), key.unitId,
                key.createdAt, key.createdBy, key.expiresAt, key.revokedAt, key.lastUsedAt);
    }
}
