package cn.gov.supervision.notifications.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/** A webhook for one unit's digests, or for all of them when unitId is null. */
public record WebhookRequest(
        @NotBlank @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String url,
        UUID unitId,
        @NotBlank @Size(min = 16, max = 200) String secret) {
}
