package cn.gov.supervision.gateway.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A new key for a system: what it may do ({@code scopes}, permission names of
 * {@link cn.gov.supervision.kit.security.Permissions}), optionally only for one unit, optionally until a time.
 */
public record CreateApiKeyRequest(
        @NotBlank @Size(max = 100) String name,
        @NotEmpty @Size(max = 20) List<@NotBlank String> scopes,
        UUID unitId,
        OffsetDateTime expiresAt) {
}
