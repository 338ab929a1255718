package cn.gov.supervision.tasks.service;

import cn.gov.supervision.tasks.api.DeadlineData;
import cn.gov.supervision.tasks.domain.TaskCategory;

import java.util.List;
import java.util.UUID;

/** Everything needed to create a task, whether a client sent it or the importer read it from a document. */
public record TaskDraft(UUID planId, String code, TaskCategory category, String section, String title,
                        String description, String originalText, List<UUID> leadUnitIds, List<UUID> coUnitIds,
                        DeadlineData deadline) {
}
