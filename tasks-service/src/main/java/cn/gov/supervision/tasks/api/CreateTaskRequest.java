package cn.gov.supervision.tasks.api;

import cn.gov.supervision.tasks.domain.TaskCategory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.UUID;

public record CreateTaskRequest(
        @NotNull UUID planId,
        @NotBlank @Size(max = 50) @Pattern(regexp = "[^\\s]+", message = "must not contain spaces") String code,
        @NotNull TaskCategory category,
        @Size(max = 500) String section,
        @NotBlank @Size(max = 500) String title,
        @Size(max = 20000) String description,
        @NotEmpty @Size(max = 100) List<@NotNull UUID> leadUnitIds,
        @Size(max = 100) List<@NotNull UUID> coUnitIds,
        @NotNull @Valid DeadlineData deadline) {
}
