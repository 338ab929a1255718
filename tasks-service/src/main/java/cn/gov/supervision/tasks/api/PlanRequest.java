package cn.gov.supervision.tasks.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

public record PlanRequest(
        @NotBlank @Size(max = 200) String title,
        @NotNull @Min(2000) @Max(2100) Integer year,
        @Size(max = 200) String issuer,
        @Size(max = 100) String documentIndex,
        LocalDate publishedOn) {
}
