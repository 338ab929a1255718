package cn.gov.supervision.tasks.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.List;

public record ProgressRequest(
        @NotBlank @Size(max = 5000) String text,
        @Min(0) @Max(100) Integer percent,
        @Size(max = 20) List<@NotBlank @Size(max = 2000) String> links) {
}
