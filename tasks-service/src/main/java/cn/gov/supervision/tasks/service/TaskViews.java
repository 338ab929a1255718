package cn.gov.supervision.tasks.service;

import cn.gov.supervision.tasks.api.AssignmentView;
import cn.gov.supervision.tasks.api.DeadlineData;
import cn.gov.supervision.tasks.api.TaskView;
import cn.gov.supervision.tasks.api.UnitSummary;
import cn.gov.supervision.tasks.domain.Assignment;
import cn.gov.supervision.tasks.domain.AssignmentStatus;
import cn.gov.supervision.tasks.domain.Light;
import cn.gov.supervision.tasks.domain.Task;
import cn.gov.supervision.tasks.domain.TaskRow;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Tasks as the API and the events show them; one shape for both, so consumers see what clients see. */
@ApplicationScoped
public class TaskViews {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final UnitDirectory units;
    private final Today today;
    private final ObjectMapper objectMapper;

    public TaskViews(UnitDirectory units, Today today, ObjectMapper objectMapper) {
        this.units = units;
        this.today = today;
        this.objectMapper = objectMapper;
    }

    public TaskView of(Task task) {
        return ofRows(List.of(TaskRow.of(task))).get(0);
    }

    /** Maps a page of tasks with one lookup of unit names for all of them. */
    public List<TaskView> ofRows(Collection<TaskRow> tasks) {
        Map<UUID, UnitSummary> names = units.summaries(unitIds(tasks));
        LocalDate date = today.date();
        return tasks.stream().map(task -> view(task, names, date)).toList();
    }

    /** One task's view, for code on an event loop: a unit not in memory yet is read without blocking. */
    public Uni<TaskView> ofWithoutBlocking(TaskRow task) {
        return units.summariesWithoutBlocking(unitIds(List.of(task))).map(names -> view(task, names, today.date()));
    }

    private static Set<UUID> unitIds(Collection<TaskRow> tasks) {
        Set<UUID> unitIds = new HashSet<>();
        for (TaskRow task : tasks) {
            unitIds.addAll(task.leadUnitIds());
            unitIds.addAll(task.coUnitIds());
            task.assignments().forEach(a -> unitIds.add(a.unitId()));
        }
        return unitIds;
    }

    private TaskView view(TaskRow task, Map<UUID, UnitSummary> names, LocalDate date) {
        List<AssignmentView> assignments = task.assignments().stream()
                .map(a -> assignment(a, task.dueDate(), names, date)).toList();
        Light light = task.status() == AssignmentStatus.COMPLETED ? Light.NONE : Light.of(task.nextDueDate(), date);
        return new TaskView(task.id(), task.planId(), task.code(), task.category(), task.section(), task.title(),
                task.description(), task.originalText(), task.leadUnitIds().stream().map(names::get).toList(),
                task.coUnitIds().stream().map(names::get).toList(),
                new DeadlineData(task.deadlineText(), task.deadlineKind(), task.dueDate(), task.recurrence()),
                task.status(), light, task.nextDueDate(), assignments, task.version(), task.createdAt(),
                task.updatedAt());
    }

    private AssignmentView assignment(TaskRow.AssignmentRow a, LocalDate taskDueDate, Map<UUID, UnitSummary> names,
                                      LocalDate date) {
        LocalDate dueDate = Assignment.effectiveDueDate(a.extendedDueDate(), taskDueDate);
        Light light = a.status() == AssignmentStatus.COMPLETED ? Light.NONE : Light.of(dueDate, date);
        AssignmentView.PendingExtension extension = a.status() == AssignmentStatus.EXTENSION_REQUESTED
                ? new AssignmentView.PendingExtension(a.proposedDueDate(), a.extensionReason()) : null;
        return new AssignmentView(a.id(), a.unitId(), names.get(a.unitId()).name(), a.role(), a.viaGroupId(),
                a.status(), dueDate, light, a.percent(), a.completionEvidence(), readLinks(a.completionLinks()),
                a.completedAt(), a.returnReason(), extension, AssignmentView.Detail.FULL);
    }

    public List<String> readLinks(String json) {
        if (json == null || json.isEmpty()) {
            return List.of();
        }
        try {
            return objectMapper.readValue(json, STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Corrupt link list", e);
        }
    }

    public String writeLinks(List<String> links) {
        try {
            return objectMapper.writeValueAsString(links == null ? List.of() : links);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
