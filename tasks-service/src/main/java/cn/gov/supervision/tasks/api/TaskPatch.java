package cn.gov.supervision.tasks.api;

import cn.gov.supervision.tasks.domain.TaskCategory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.UUID;

/** A partial update: absent (or null) fields stay as they are. */
public record TaskPatch(
        @Size(min = 1, max = 50) @Pattern(regexp = "[^\\s]+", message = "must not contain spaces") String code,
        TaskCategory category,
        @Size(max = 500) String section,
        @Size(min = 1, max = 500) String title,
        @Size(max = 20000) String description,
        @Size(min = 1, max = 100) List<@jakarta.validation.constraints.NotNull UUID> leadUnitIds,
        @Size(max = 100) List<@jakarta.validation.constraints.NotNull UUID> coUnitIds,
        @Valid DeadlineData deadline) {
}
