package cn.gov.supervision.tasks.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** 延期申请 */
public record ExtensionRequest(@NotNull LocalDate proposedDueDate, @NotBlank @Size(max = 2000) String reason) {
}
