package cn.gov.supervision.tasks.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.List;

/** 办结申请 with its evidence. */
public record CompletionRequest(
        @NotBlank @Size(max = 5000) String evidence,
        @Size(max = 20) List<@NotBlank @Size(max = 2000) String> links) {
}
