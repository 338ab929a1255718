package cn.gov.supervision.gateway.domain;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** What a usable API key lets its holder do: its scopes, the unit it is bound to (or null), until when. */
public record ApiKeyGrant(UUID keyId, Set<String> scopes, UUID unitId, Instant expiresAt) {

    public boolean expiredAt(Instant now) {
        return expiresAt != null && !expiresAt.isAfter(now);
    }
}
