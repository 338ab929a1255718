package cn.gov.supervision.tasks.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A supervisor's reason for returning a completion or rejecting an extension. */
public record ReasonRequest(@NotBlank @Size(max = 2000) String reason) {
}
