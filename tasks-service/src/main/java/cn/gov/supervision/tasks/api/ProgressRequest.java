package cn.gov.supervision.tasks.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * 进展报告. A report is kept for as long as its task, and an assignment keeps up to
 * {@code tasks.progress.max-reports-per-assignment} of them, so one report stays small: at most 5,000 characters of
 * text and 5 links of up to 1,000 (about 20 KB); a completion request carries the fuller evidence.
 */
public record ProgressRequest(
        @NotBlank @Size(max = 5000) String text,
        @Min(0) @Max(100) Integer percent,
        @Size(max = 5) List<@NotBlank @Size(max = 1000) String> links) {
}
