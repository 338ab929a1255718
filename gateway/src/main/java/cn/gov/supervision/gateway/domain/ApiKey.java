package cn.gov.supervision.gateway.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A key issued to another government system. Only the hash of its secret is kept; the secret is shown once, when
 * the key is created. A key is never deleted, only revoked, so that history keeps naming it.
 */
@Entity
@Table(name = "api_key")
public class ApiKey {

    @Id
    public UUID id;

    @Column(nullable = false, length = 100)
    public String name;

    @Column(name = "secret_hash", nullable = false, length = 64, columnDefinition = "char(64)")
    public String secretHash;

    @Column(name = "secret_prefix", nullable = false, length = 16)
    public String secretPrefix;

    /** Space-separated, as in the scope claim of the tokens minted for it. */
    @Column(nullable = false, length = 500)
    public String scopes;

    @Column(name = "unit_id")
    public UUID unitId;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "created_by", length = 200)
    public String createdBy;

    @Column(name = "expires_at")
    public OffsetDateTime expiresAt;

    @Column(name = "revoked_at")
    public OffsetDateTime revokedAt;

    @Column(name = "last_used_at")
    public OffsetDateTime lastUsedAt;

    public Set<String> scopeSet() {
        return new TreeSet<>(Arrays.asList(scopes.trim().split("\\s+")));
    }

    /** Usable now: not revoked and not expired. */
    public boolean usableAt(OffsetDateTime now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }

    public ApiKeyGrant grant() {
        return new ApiKeyGrant(id, scopeSet(), unitId, expiresAt == null ? null : expiresAt.toInstant());
    }
}
